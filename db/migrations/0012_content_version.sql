CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`changed_at` text NOT NULL,
	`epoch` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `content_version` (`id`, `version`, `changed_at`, `epoch`) VALUES (1, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), lower(hex(randomblob(8))));
--> statement-breakpoint
-- Bump the content version on every change to a record that a public page, the API or a CSV export shows, in the transaction of the change, whichever process or path makes it (server/cache/responses.ts keys on it). The indicator cache, the search index, accounts, sessions and submissions are not content.
CREATE TRIGGER content_version_sources_insert AFTER INSERT ON sources
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_sources_update AFTER UPDATE ON sources
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_sources_delete AFTER DELETE ON sources
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_member_states_insert AFTER INSERT ON member_states
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_member_states_update AFTER UPDATE ON member_states
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_member_states_delete AFTER DELETE ON member_states
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_instruments_insert AFTER INSERT ON instruments
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_instruments_update AFTER UPDATE ON instruments
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_instruments_delete AFTER DELETE ON instruments
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_instrument_lineage_insert AFTER INSERT ON instrument_lineage
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_instrument_lineage_update AFTER UPDATE ON instrument_lineage
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_instrument_lineage_delete AFTER DELETE ON instrument_lineage
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_provisions_insert AFTER INSERT ON provisions
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_provisions_update AFTER UPDATE ON provisions
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_provisions_delete AFTER DELETE ON provisions
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_obligations_insert AFTER INSERT ON obligations
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_obligations_update AFTER UPDATE ON obligations
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_obligations_delete AFTER DELETE ON obligations
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_obligation_security_properties_insert AFTER INSERT ON obligation_security_properties
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_obligation_security_properties_update AFTER UPDATE ON obligation_security_properties
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_obligation_security_properties_delete AFTER DELETE ON obligation_security_properties
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_obligation_threats_insert AFTER INSERT ON obligation_threats
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_obligation_threats_update AFTER UPDATE ON obligation_threats
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_obligation_threats_delete AFTER DELETE ON obligation_threats
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_provision_obligations_insert AFTER INSERT ON provision_obligations
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_provision_obligations_update AFTER UPDATE ON provision_obligations
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_provision_obligations_delete AFTER DELETE ON provision_obligations
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_national_measures_insert AFTER INSERT ON national_measures
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_national_measures_update AFTER UPDATE ON national_measures
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_national_measures_delete AFTER DELETE ON national_measures
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_measure_instruments_insert AFTER INSERT ON measure_instruments
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_measure_instruments_update AFTER UPDATE ON measure_instruments
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_measure_instruments_delete AFTER DELETE ON measure_instruments
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_transpositions_insert AFTER INSERT ON transpositions
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_transpositions_update AFTER UPDATE ON transpositions
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_transpositions_delete AFTER DELETE ON transpositions
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_transposition_measures_insert AFTER INSERT ON transposition_measures
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_transposition_measures_update AFTER UPDATE ON transposition_measures
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_transposition_measures_delete AFTER DELETE ON transposition_measures
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_notifications_insert AFTER INSERT ON notifications
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_notifications_update AFTER UPDATE ON notifications
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_notifications_delete AFTER DELETE ON notifications
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_infringements_insert AFTER INSERT ON infringements
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_infringements_update AFTER UPDATE ON infringements
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_infringements_delete AFTER DELETE ON infringements
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_infringement_stages_insert AFTER INSERT ON infringement_stages
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_infringement_stages_update AFTER UPDATE ON infringement_stages
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER content_version_infringement_stages_delete AFTER DELETE ON infringement_stages
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
--> statement-breakpoint
-- The audit trail's data events (as db/queries/dataset.ts's datasetBasis counts them): the dashboard and the open-data page show the latest one. Publishing an edition (entity 'edition') counts too: the editions pages list it.
CREATE TRIGGER content_version_audit_events_insert AFTER INSERT ON audit_events
WHEN NEW.entity NOT IN ('export', 'user', 'api_token', 'session', 'submission', 'sign_in') AND NEW.action NOT LIKE 'auth.%'
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
