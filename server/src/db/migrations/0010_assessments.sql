CREATE TABLE `annual_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`year` integer NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	`generated_at` integer NOT NULL,
	`doctor_id` text,
	`comment` text,
	`signed_on` text,
	`signed_at` integer,
	`signed_by` text,
	`signed_by_name` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_assessments_resident_year_idx` ON `annual_assessments` (`resident_id`,`year`);--> statement-breakpoint
CREATE INDEX `annual_assessments_doctor_idx` ON `annual_assessments` (`doctor_id`,`status`,`year`);--> statement-breakpoint
CREATE TABLE `home_measurements` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`kind` text NOT NULL,
	`taken_at` integer NOT NULL,
	`taken_on` text NOT NULL,
	`sbp` integer,
	`dbp` integer,
	`pulse` integer,
	`glucose` real,
	`timing` text,
	`weight_kg` real,
	`waist_cm` real,
	`recorded_by_account_id` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	`danger` text,
	`notified_staff_id` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`notified_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `home_measurements_resident_idx` ON `home_measurements` (`resident_id`,`taken_at`);