CREATE TABLE `booking_requests` (
	`account_id` text NOT NULL,
	`key` text NOT NULL,
	`booking_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `key`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`slot_id` text NOT NULL,
	`status` text NOT NULL,
	`free` integer NOT NULL,
	`optional_packages` text NOT NULL,
	`resident_pays_fen` integer NOT NULL,
	`booked_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`check_in_code` text NOT NULL,
	`cancelled_at` integer,
	`checked_in_at` integer,
	`checked_in_by` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `exam_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_in_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_checkInCode_unique` ON `bookings` (`check_in_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_one_open_idx` ON `bookings` (`resident_id`) WHERE "bookings"."status" = 'open';--> statement-breakpoint
CREATE INDEX `bookings_resident_idx` ON `bookings` (`resident_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `bookings_slot_idx` ON `bookings` (`slot_id`,`status`);--> statement-breakpoint
CREATE TABLE `exam_packages` (
	`id` text PRIMARY KEY NOT NULL,
	`institution_id` text NOT NULL,
	`kind` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`price_fen` integer NOT NULL,
	`subsidy_fen` integer NOT NULL,
	`recommended` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exam_packages_institution_idx` ON `exam_packages` (`institution_id`);--> statement-breakpoint
CREATE TABLE `exam_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`institution_id` text NOT NULL,
	`date` text NOT NULL,
	`half_day` text NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exam_slots_institution_day_idx` ON `exam_slots` (`institution_id`,`date`,`half_day`);--> statement-breakpoint
CREATE INDEX `exam_slots_date_idx` ON `exam_slots` (`date`);