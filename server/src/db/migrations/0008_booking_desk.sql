ALTER TABLE `bookings` ADD `reminded_at` integer;--> statement-breakpoint
ALTER TABLE `exam_slots` ADD `optional_package_ids` text;