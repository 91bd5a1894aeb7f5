CREATE TABLE `access_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`access_log_id` integer NOT NULL,
	`resident_id` text NOT NULL,
	`institution_id` text,
	`reported_by_account_id` text NOT NULL,
	`reported_at` integer NOT NULL,
	FOREIGN KEY (`access_log_id`) REFERENCES `access_log`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_reports_accessLogId_unique` ON `access_reports` (`access_log_id`);--> statement-breakpoint
CREATE INDEX `access_reports_institution_idx` ON `access_reports` (`institution_id`,`reported_at`);--> statement-breakpoint
ALTER TABLE `proxy_grants` ADD `confirmed_on` text;--> statement-breakpoint
ALTER TABLE `proxy_grants` ADD `confirm_asked_on` text;--> statement-breakpoint
ALTER TABLE `proxy_grants` ADD `ended_by` text;--> statement-breakpoint
CREATE INDEX `proxy_grants_phone_idx` ON `proxy_grants` (`grantee_phone`);--> statement-breakpoint
-- issue 7: the access log is append-only; no code path changes an entry, and the database refuses it too
CREATE TRIGGER `access_log_append_only` BEFORE UPDATE ON `access_log` BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
