CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`resident_id` text,
	`display_name` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_phone_unique` ON `accounts` (`phone`);--> statement-breakpoint
CREATE INDEX `accounts_resident_idx` ON `accounts` (`resident_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`notice_version` text NOT NULL,
	`given_at` integer NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_account_idx` ON `consents` (`account_id`);--> statement-breakpoint
CREATE TABLE `dev_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text NOT NULL,
	`kind` text NOT NULL,
	`code` text,
	`body` text NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dev_outbox_phone_idx` ON `dev_outbox` (`phone`,`sent_at`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`pin_hash` text NOT NULL,
	`pin_failures` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_tokenHash_unique` ON `devices` (`token_hash`);--> statement-breakpoint
CREATE INDEX `devices_account_idx` ON `devices` (`account_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`device_id` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_account_idx` ON `sessions` (`account_id`);--> statement-breakpoint
CREATE TABLE `sign_in_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`code_hash` text NOT NULL,
	`client_address` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE INDEX `sign_in_codes_phone_idx` ON `sign_in_codes` (`phone`,`created_at`);--> statement-breakpoint
CREATE INDEX `sign_in_codes_address_idx` ON `sign_in_codes` (`client_address`,`created_at`);--> statement-breakpoint
CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resident_id` text NOT NULL,
	`actor_account_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`on_behalf_of` text NOT NULL,
	`action` text NOT NULL,
	`what` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_log_resident_idx` ON `access_log` (`resident_id`,`at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text,
	`resident_id` text,
	`kind` text NOT NULL,
	`params` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_account_idx` ON `notifications` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_resident_idx` ON `notifications` (`resident_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `care_teams` (
	`id` text PRIMARY KEY NOT NULL,
	`institution_id` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_teams_institution_idx` ON `care_teams` (`institution_id`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`doctor_id` text NOT NULL,
	`team_id` text NOT NULL,
	`service_package` text NOT NULL,
	`signed_on` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`ended_on` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doctor_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `care_teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contracts_resident_idx` ON `contracts` (`resident_id`,`ends_on`);--> statement-breakpoint
CREATE INDEX `contracts_team_idx` ON `contracts` (`team_id`,`ends_on`);--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`region` text NOT NULL,
	`address` text NOT NULL,
	`phone` text NOT NULL,
	`api_key_hash` text
);
--> statement-breakpoint
CREATE TABLE `proxy_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`grantee_phone` text NOT NULL,
	`grantee_account_id` text,
	`relationship` text,
	`scopes` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`accepted_at` integer,
	`ends_on` text,
	`revoked_at` integer,
	`show_sensitive` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grantee_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proxy_grants_grantee_idx` ON `proxy_grants` (`grantee_account_id`);--> statement-breakpoint
CREATE INDEX `proxy_grants_resident_idx` ON `proxy_grants` (`resident_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`institution_id` text NOT NULL,
	`team_id` text,
	`title` text,
	`reply_time` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `care_teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_accountId_unique` ON `staff` (`account_id`);--> statement-breakpoint
CREATE INDEX `staff_team_idx` ON `staff` (`team_id`);--> statement-breakpoint
CREATE TABLE `exam_items` (
	`exam_id` integer NOT NULL,
	`code` text NOT NULL,
	`value` real,
	`value_text` text,
	`flag` text NOT NULL,
	`unit` text,
	`ref_low` real,
	`ref_high` real,
	FOREIGN KEY (`exam_id`) REFERENCES `exams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exam_items_exam_idx` ON `exam_items` (`exam_id`);--> statement-breakpoint
CREATE TABLE `exams` (
	`id` integer PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`institution_id` text NOT NULL,
	`external_id` text,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`worst` text NOT NULL,
	`released_on` text,
	`released_by` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`released_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exams_resident_idx` ON `exams` (`resident_id`,`date`);--> statement-breakpoint
CREATE TABLE `allergies` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`substance` text NOT NULL,
	`reaction` text,
	`recorded_on` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `allergies_resident_idx` ON `allergies` (`resident_id`);--> statement-breakpoint
CREATE TABLE `conditions` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`diagnosed_on` text,
	`managed` integer DEFAULT false NOT NULL,
	`sensitive` integer DEFAULT false NOT NULL,
	`private` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `conditions_resident_idx` ON `conditions` (`resident_id`);--> statement-breakpoint
CREATE TABLE `encounters` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`institution_id` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`department` text NOT NULL,
	`diagnosis` text NOT NULL,
	`sensitive` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `encounters_resident_idx` ON `encounters` (`resident_id`,`date`);--> statement-breakpoint
CREATE TABLE `followups` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`staff_id` text,
	`date` text NOT NULL,
	`programme` text NOT NULL,
	`mode` text NOT NULL,
	`sbp` integer,
	`dbp` integer,
	`fasting_glucose` real,
	`classification` text NOT NULL,
	`next_date` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `followups_resident_idx` ON `followups` (`resident_id`,`date`);--> statement-breakpoint
CREATE TABLE `immunizations` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`vaccine` text NOT NULL,
	`date` text NOT NULL,
	`institution_id` text,
	`self_reported` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `immunizations_resident_idx` ON `immunizations` (`resident_id`,`date`);--> statement-breakpoint
CREATE TABLE `medications` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`name` text NOT NULL,
	`dose` text NOT NULL,
	`frequency` text NOT NULL,
	`started_on` text NOT NULL,
	`stopped_on` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `medications_resident_idx` ON `medications` (`resident_id`,`started_on`);--> statement-breakpoint
CREATE TABLE `screenings` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`result` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screenings_resident_idx` ON `screenings` (`resident_id`,`date`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`region` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `residents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`id_number` text NOT NULL,
	`phone` text,
	`household_id` text,
	`relation_to_head` text,
	`hukou_region` text NOT NULL,
	`residence_region` text NOT NULL,
	`township` text NOT NULL,
	`address` text NOT NULL,
	`residence_permit_since` text,
	`insurance` text NOT NULL,
	`insurance_region` text,
	`school_stage` text,
	`public_employee` integer DEFAULT false NOT NULL,
	`smoker` integer,
	`family_history_cvd` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`status_since` text,
	`record_opened_on` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `residents_idNumber_unique` ON `residents` (`id_number`);--> statement-breakpoint
CREATE INDEX `residents_household_idx` ON `residents` (`household_id`);--> statement-breakpoint
CREATE INDEX `residents_phone_idx` ON `residents` (`phone`);