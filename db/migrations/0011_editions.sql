CREATE TABLE `edition_figures` (
	`edition_id` integer NOT NULL,
	`state_code` text NOT NULL,
	`state_name` text NOT NULL,
	`not_transposed` integer NOT NULL,
	`assessed` integer NOT NULL,
	`deficit` real,
	`change` integer,
	`long_overdue` integer,
	`total_delay_months` real,
	`conformity_deficit` real,
	`overall_score` integer,
	PRIMARY KEY(`edition_id`, `state_code`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`reporting_date` text NOT NULL,
	`dataset_version` text NOT NULL,
	`audit_event_id` integer NOT NULL,
	`collection` text NOT NULL,
	`file` text NOT NULL,
	`published_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`published_by` integer,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `editions_name` ON `editions` (`name`);--> statement-breakpoint
CREATE INDEX `editions_reporting_date` ON `editions` (`reporting_date`);--> statement-breakpoint
-- A published edition is cited: it is never changed or removed (its figures neither).
CREATE TRIGGER `editions_no_update` BEFORE UPDATE ON `editions` BEGIN SELECT RAISE(ABORT, 'a published edition cannot be changed'); END;--> statement-breakpoint
CREATE TRIGGER `editions_no_delete` BEFORE DELETE ON `editions` BEGIN SELECT RAISE(ABORT, 'a published edition cannot be removed'); END;--> statement-breakpoint
CREATE TRIGGER `edition_figures_no_update` BEFORE UPDATE ON `edition_figures` BEGIN SELECT RAISE(ABORT, 'a published edition cannot be changed'); END;--> statement-breakpoint
CREATE TRIGGER `edition_figures_no_delete` BEFORE DELETE ON `edition_figures` BEGIN SELECT RAISE(ABORT, 'a published edition cannot be removed'); END;
