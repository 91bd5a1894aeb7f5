CREATE TABLE `consultation_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`author_account_id` text NOT NULL,
	`author_name` text NOT NULL,
	`author_role` text NOT NULL,
	`body` text NOT NULL,
	`client_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `consultation_threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_messages_thread_idx` ON `consultation_messages` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_messages_key_idx` ON `consultation_messages` (`author_account_id`,`client_key`);--> statement-breakpoint
CREATE TABLE `consultation_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`team_id` text NOT NULL,
	`doctor_id` text NOT NULL,
	`topic` text NOT NULL,
	`exam_id` integer,
	`item_code` text,
	`status` text NOT NULL,
	`waiting_since` integer,
	`preview` text NOT NULL,
	`created_by_account_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_message_at` integer NOT NULL,
	`unread_by_resident` integer DEFAULT false NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `care_teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exam_id`) REFERENCES `exams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_threads_resident_idx` ON `consultation_threads` (`resident_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `consultation_threads_waiting_idx` ON `consultation_threads` (`team_id`,`waiting_since`) WHERE "consultation_threads"."waiting_since" is not null;--> statement-breakpoint
CREATE TABLE `notice_dispatch` (
	`name` text PRIMARY KEY NOT NULL,
	`last_rowid` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`endpoint` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `push_subscriptions_account_idx` ON `push_subscriptions` (`account_id`);--> statement-breakpoint
CREATE TABLE `sms_notices_sent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text NOT NULL,
	`kind` text NOT NULL,
	`resident_id` text,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sms_notices_sent_phone_idx` ON `sms_notices_sent` (`phone`,`sent_at`);--> statement-breakpoint
CREATE TABLE `sms_preferences` (
	`account_id` text PRIMARY KEY NOT NULL,
	`replies` integer DEFAULT false NOT NULL,
	`critical` integer DEFAULT false NOT NULL,
	`tomorrow` integer DEFAULT false NOT NULL,
	`acted_for_you` integer DEFAULT false NOT NULL,
	`for_others` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
