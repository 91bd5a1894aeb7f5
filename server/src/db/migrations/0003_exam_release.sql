ALTER TABLE `exams` ADD `release_comment` text;--> statement-breakpoint
CREATE INDEX `exams_pending_idx` ON `exams` (`institution_id`,`date`) WHERE "exams"."status" = 'pending-review';