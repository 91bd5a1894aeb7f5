ALTER TABLE `exams` ADD `critical_acknowledged_on` text;--> statement-breakpoint
ALTER TABLE `exams` ADD `critical_acknowledged_by` text REFERENCES staff(id);