ALTER TABLE `national_measures` ADD `working_title_fr` text;--> statement-breakpoint
ALTER TABLE `national_measures` ADD `working_title_de` text;