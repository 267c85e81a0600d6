CREATE TABLE `part_versions` (
	`part` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `part_versions` (`part`, `version`) VALUES ('scoreboard', 0);
--> statement-breakpoint
-- Bump the 'scoreboard' part on every change to what the Scoreboard-style indicators read (db/queries/inventory-snapshot.ts, scope without provisions), in the transaction of the change.
CREATE TRIGGER part_versions_member_states_insert AFTER INSERT ON member_states
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_member_states_update AFTER UPDATE ON member_states
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_member_states_delete AFTER DELETE ON member_states
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_instruments_insert AFTER INSERT ON instruments
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_instruments_update AFTER UPDATE ON instruments
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_instruments_delete AFTER DELETE ON instruments
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_notifications_insert AFTER INSERT ON notifications
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_notifications_update AFTER UPDATE ON notifications
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_notifications_delete AFTER DELETE ON notifications
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_infringements_insert AFTER INSERT ON infringements
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_infringements_update AFTER UPDATE ON infringements
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_infringements_delete AFTER DELETE ON infringements
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_infringement_stages_insert AFTER INSERT ON infringement_stages
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_infringement_stages_update AFTER UPDATE ON infringement_stages
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_infringement_stages_delete AFTER DELETE ON infringement_stages
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_obligations_insert AFTER INSERT ON obligations
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_obligations_update AFTER UPDATE ON obligations
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_obligations_delete AFTER DELETE ON obligations
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_obligation_security_properties_insert AFTER INSERT ON obligation_security_properties
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_obligation_security_properties_update AFTER UPDATE ON obligation_security_properties
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_obligation_security_properties_delete AFTER DELETE ON obligation_security_properties
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_national_measures_update AFTER UPDATE OF id, notified_on, in_force_on, adopted_on, published_on ON national_measures
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
--> statement-breakpoint
CREATE TRIGGER part_versions_national_measures_delete AFTER DELETE ON national_measures
BEGIN
  UPDATE part_versions SET version = version + 1 WHERE part = 'scoreboard';
END;
