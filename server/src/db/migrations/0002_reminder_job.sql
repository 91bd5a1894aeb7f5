CREATE TABLE `job_runs` (
	`job` text NOT NULL,
	`on` text NOT NULL,
	`cursor` text DEFAULT '' NOT NULL,
	`residents` integer DEFAULT 0 NOT NULL,
	`reminders` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	PRIMARY KEY(`job`, `on`)
);
--> statement-breakpoint
CREATE TABLE `resident_reminders` (
	`resident_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`rule_id` text NOT NULL,
	`status` text NOT NULL,
	`priority` text NOT NULL,
	`due_from` text NOT NULL,
	`due_by` text,
	`free` integer NOT NULL,
	`action` text NOT NULL,
	`reason` text NOT NULL,
	`subject_id` text,
	`sensitive` integer NOT NULL,
	`computed_on` text NOT NULL,
	PRIMARY KEY(`resident_id`, `id`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX `contracts_resident_idx`;--> statement-breakpoint
CREATE INDEX `contracts_resident_idx` ON `contracts` (`resident_id`,`ends_on`,`starts_on`,`ended_on`);--> statement-breakpoint
DROP INDEX `exams_resident_idx`;--> statement-breakpoint
CREATE INDEX `exams_resident_idx` ON `exams` (`resident_id`,`date`,`status`,`worst`,`released_on`);--> statement-breakpoint
DROP INDEX `conditions_resident_idx`;--> statement-breakpoint
CREATE INDEX `conditions_resident_idx` ON `conditions` (`resident_id`,`code`,`managed`,`sensitive`,`private`);--> statement-breakpoint
DROP INDEX `followups_resident_idx`;--> statement-breakpoint
CREATE INDEX `followups_resident_idx` ON `followups` (`resident_id`,`date`,`mode`);--> statement-breakpoint
DROP INDEX `immunizations_resident_idx`;--> statement-breakpoint
CREATE INDEX `immunizations_resident_idx` ON `immunizations` (`resident_id`,`date`,`vaccine`,`self_reported`);--> statement-breakpoint
DROP INDEX `screenings_resident_idx`;--> statement-breakpoint
CREATE INDEX `screenings_resident_idx` ON `screenings` (`resident_id`,`date`,`kind`,`result`);