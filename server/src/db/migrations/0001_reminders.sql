CREATE TABLE `calendar_feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by_account_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_tokenHash_unique` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feeds_resident_idx` ON `calendar_feeds` (`resident_id`);--> statement-breakpoint
CREATE TABLE `questionnaire_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`questionnaire` text NOT NULL,
	`taken_on` text NOT NULL,
	`taken_at` integer NOT NULL,
	`taken_by_account_id` text NOT NULL,
	`taken_by_name` text NOT NULL,
	`answers` text NOT NULL,
	`score` integer,
	`result` text NOT NULL,
	`reasons` text NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taken_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `questionnaire_responses_resident_idx` ON `questionnaire_responses` (`resident_id`,`taken_on`);