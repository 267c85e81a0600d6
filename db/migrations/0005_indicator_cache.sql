CREATE TABLE `indicator_cache_cells` (
	`instrument_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`taken_on` text NOT NULL,
	`state_code` text NOT NULL,
	`provision_count` integer NOT NULL,
	`full_count` integer NOT NULL,
	`partial_count` integer NOT NULL,
	`not_transposed_count` integer NOT NULL,
	`non_conforming_count` integer NOT NULL,
	`not_applicable_count` integer NOT NULL,
	`unknown_count` integer NOT NULL,
	`not_yet_due_count` integer NOT NULL,
	`is_repealed_on_as_of` integer NOT NULL,
	`has_non_conforming_provision` integer NOT NULL,
	PRIMARY KEY(`instrument_id`, `as_of`, `taken_on`, `state_code`),
	FOREIGN KEY (`instrument_id`,`as_of`,`taken_on`) REFERENCES `indicator_cache_instruments`(`instrument_id`,`as_of`,`taken_on`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_cache_cells_date` ON `indicator_cache_cells` (`as_of`,`taken_on`);--> statement-breakpoint
CREATE TABLE `indicator_cache_gaps` (
	`instrument_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`taken_on` text NOT NULL,
	`provision_id` integer NOT NULL,
	`gap` real NOT NULL,
	`assessed_count` integer NOT NULL,
	`figures` text NOT NULL,
	PRIMARY KEY(`instrument_id`, `as_of`, `taken_on`, `provision_id`),
	FOREIGN KEY (`instrument_id`,`as_of`,`taken_on`) REFERENCES `indicator_cache_instruments`(`instrument_id`,`as_of`,`taken_on`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_cache_gaps_rank` ON `indicator_cache_gaps` (`as_of`,`taken_on`,`gap`,`assessed_count`);--> statement-breakpoint
CREATE TABLE `indicator_cache_instruments` (
	`instrument_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`taken_on` text NOT NULL,
	`assessed_pairs` integer NOT NULL,
	`bound_pairs` integer NOT NULL,
	`computed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`instrument_id`, `as_of`, `taken_on`),
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_cache_instruments_date` ON `indicator_cache_instruments` (`as_of`,`taken_on`);--> statement-breakpoint
-- Keep the indicator cache in step with the write transactions: any change to what an instrument's cached indicators were computed from deletes that instrument's rows (cells and gaps follow by ON DELETE CASCADE) in the same transaction. Only the columns the indicators read fire the triggers.
CREATE TRIGGER indicator_cache_transpositions_insert AFTER INSERT ON transpositions
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id = (SELECT instrument_id FROM provisions WHERE id = NEW.provision_id);
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_transpositions_update AFTER UPDATE OF state_code, provision_id, status, relation ON transpositions
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id IN (SELECT instrument_id FROM provisions WHERE id IN (OLD.provision_id, NEW.provision_id));
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_transpositions_delete AFTER DELETE ON transpositions
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id = (SELECT instrument_id FROM provisions WHERE id = OLD.provision_id);
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_transposition_measures_insert AFTER INSERT ON transposition_measures
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id = (SELECT p.instrument_id FROM transpositions t JOIN provisions p ON p.id = t.provision_id WHERE t.id = NEW.transposition_id);
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_transposition_measures_update AFTER UPDATE ON transposition_measures
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id IN (SELECT p.instrument_id FROM transpositions t JOIN provisions p ON p.id = t.provision_id WHERE t.id IN (OLD.transposition_id, NEW.transposition_id));
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_transposition_measures_delete AFTER DELETE ON transposition_measures
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id = (SELECT p.instrument_id FROM transpositions t JOIN provisions p ON p.id = t.provision_id WHERE t.id = OLD.transposition_id);
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_measures_update AFTER UPDATE OF adopted_on, published_on, in_force_on, repealed_on ON national_measures
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id IN (
    SELECT p.instrument_id FROM transposition_measures tm JOIN transpositions t ON t.id = tm.transposition_id JOIN provisions p ON p.id = t.provision_id WHERE tm.measure_id = NEW.id
  );
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_provisions_insert AFTER INSERT ON provisions
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id = NEW.instrument_id;
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_provisions_update AFTER UPDATE OF instrument_id, requires_transposition, deadline, position ON provisions
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id IN (OLD.instrument_id, NEW.instrument_id);
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_provisions_delete AFTER DELETE ON provisions
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id = OLD.instrument_id;
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_instruments_update AFTER UPDATE OF id, adoption_date, transposition_deadline, repealed_from ON instruments
BEGIN
  DELETE FROM indicator_cache_instruments WHERE instrument_id IN (OLD.id, NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_member_states_insert AFTER INSERT ON member_states
BEGIN
  DELETE FROM indicator_cache_instruments;
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_member_states_update AFTER UPDATE OF code, accession_date, exit_date ON member_states
BEGIN
  DELETE FROM indicator_cache_instruments;
END;
--> statement-breakpoint
CREATE TRIGGER indicator_cache_member_states_delete AFTER DELETE ON member_states
BEGIN
  DELETE FROM indicator_cache_instruments;
END;
