CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`institution_id` text NOT NULL,
	`key_hash` text NOT NULL,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_keyHash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `exam_corrections` (
	`exam_id` integer NOT NULL,
	`version` integer NOT NULL,
	`corrected_at` integer NOT NULL,
	`changes` text NOT NULL,
	PRIMARY KEY(`exam_id`, `version`),
	FOREIGN KEY (`exam_id`) REFERENCES `exams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `import_quarantine` (
	`id` text PRIMARY KEY NOT NULL,
	`institution_id` text NOT NULL,
	`external_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`reason` text NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`birth_date` text NOT NULL,
	`exam_date` text NOT NULL,
	`exam` text NOT NULL,
	`content_hash` text NOT NULL,
	`status` text NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`resolution_note` text,
	`exam_id` integer,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exam_id`) REFERENCES `exams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_quarantine_external_idx` ON `import_quarantine` (`institution_id`,`external_id`);--> statement-breakpoint
ALTER TABLE `exams` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `exams` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `exams` ADD `retracted_on` text;--> statement-breakpoint
ALTER TABLE `exams` ADD `retraction_reason` text;--> statement-breakpoint
-- seeded external ids were not always unique within an institution: the later ones get our id appended
CREATE INDEX `exams_external_tmp` ON `exams` (`institution_id`,`external_id`,`id`);--> statement-breakpoint
UPDATE `exams` SET `external_id` = `external_id` || '-' || `id` WHERE `external_id` IS NOT NULL AND EXISTS (SELECT 1 FROM `exams` `e` WHERE `e`.`institution_id` = `exams`.`institution_id` AND `e`.`external_id` = `exams`.`external_id` AND `e`.`id` < `exams`.`id`);--> statement-breakpoint
DROP INDEX `exams_external_tmp`;--> statement-breakpoint
CREATE UNIQUE INDEX `exams_external_idx` ON `exams` (`institution_id`,`external_id`);--> statement-breakpoint
-- the demo keys of a database seeded before keys had their own table: one key per institution, named after it
INSERT INTO `api_keys` (`id`, `institution_id`, `key_hash`, `label`, `created_at`) SELECT `id`, `id`, `api_key_hash`, 'demo', CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `institutions` WHERE `api_key_hash` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `institutions` DROP COLUMN `api_key_hash`;