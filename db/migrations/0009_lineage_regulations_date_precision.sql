CREATE TABLE `instrument_lineage` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instrument_id` integer NOT NULL,
	`relation` text NOT NULL,
	`successor_id` integer NOT NULL,
	`from_date` text,
	`note` text,
	`source_id` integer NOT NULL,
	`verification` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`successor_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "instrument_lineage_relation" CHECK("instrument_lineage"."relation" in ('repealed_by', 'amended_by', 'replaced_by')),
	CONSTRAINT "instrument_lineage_not_self" CHECK("instrument_lineage"."instrument_id" <> "instrument_lineage"."successor_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instrument_lineage_pair` ON `instrument_lineage` (`instrument_id`,`relation`,`successor_id`);--> statement-breakpoint
CREATE INDEX `instrument_lineage_successor` ON `instrument_lineage` (`successor_id`);--> statement-breakpoint
ALTER TABLE `infringement_stages` ADD `date_precision` text;--> statement-breakpoint
ALTER TABLE `instruments` ADD `applies_from` text;--> statement-breakpoint
ALTER TABLE `national_measures` ADD `adopted_on_precision` text;--> statement-breakpoint
ALTER TABLE `national_measures` ADD `published_on_precision` text;--> statement-breakpoint
ALTER TABLE `national_measures` ADD `in_force_on_precision` text;--> statement-breakpoint
ALTER TABLE `national_measures` ADD `notified_on_precision` text;--> statement-breakpoint
ALTER TABLE `national_measures` ADD `repealed_on_precision` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `notified_on_precision` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `status_as_of` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `note` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `kind` text CONSTRAINT "sources_kind" CHECK("kind" is null or "kind" in ('official_journal', 'government', 'commission', 'court', 'dpa', 'commentary'));
--> statement-breakpoint
-- The lineage decides which instruments a line of law collects (lib/collections.ts): a change bumps the 'scoreboard' part like a change to an instrument.
CREATE TRIGGER part_versions_instrument_lineage_insert AFTER INSERT ON instrument_lineage
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_instrument_lineage_update AFTER UPDATE ON instrument_lineage
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_instrument_lineage_delete AFTER DELETE ON instrument_lineage
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
