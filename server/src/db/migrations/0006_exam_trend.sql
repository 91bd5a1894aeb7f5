DROP INDEX `exam_items_exam_idx`;--> statement-breakpoint
CREATE INDEX `exam_items_exam_idx` ON `exam_items` (`exam_id`,`code`);--> statement-breakpoint
DROP INDEX `exams_resident_idx`;--> statement-breakpoint
CREATE INDEX `exams_resident_idx` ON `exams` (`resident_id`,`date`,`status`,`worst`,`released_on`,`institution_id`);