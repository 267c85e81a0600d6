CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text,
	`before` text,
	`after` text,
	`submission_id` integer,
	`reason` text,
	`request_id` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_events_entity_record` ON `audit_events` (`entity`,`record_id`);--> statement-breakpoint
CREATE INDEX `audit_events_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `infringement_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`infringement_id` integer NOT NULL,
	`stage` text NOT NULL,
	`date` text,
	`note` text,
	FOREIGN KEY (`infringement_id`) REFERENCES `infringements`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "infringement_stages_stage" CHECK("infringement_stages"."stage" in ('letter_of_formal_notice', 'reasoned_opinion', 'referral', 'judgment', 'art260_letter', 'art260_referral', 'art260_judgment', 'closed', 'withdrawn'))
);
--> statement-breakpoint
CREATE INDEX `infringement_stages_infringement` ON `infringement_stages` (`infringement_id`);--> statement-breakpoint
CREATE TABLE `infringements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`state_code` text NOT NULL,
	`instrument_id` integer NOT NULL,
	`type` text NOT NULL,
	`procedure_number` text,
	`court_case` text,
	`outcome` text,
	`source_id` integer NOT NULL,
	`verification` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`state_code`) REFERENCES `member_states`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "infringements_type" CHECK("infringements"."type" in ('non_communication', 'non_conformity', 'bad_application'))
);
--> statement-breakpoint
CREATE INDEX `infringements_state` ON `infringements` (`state_code`);--> statement-breakpoint
CREATE INDEX `infringements_instrument` ON `infringements` (`instrument_id`);--> statement-breakpoint
CREATE TABLE `instruments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`celex` text NOT NULL,
	`type` text NOT NULL,
	`short_name` text NOT NULL,
	`title` text NOT NULL,
	`adoption_date` text NOT NULL,
	`oj_reference` text NOT NULL,
	`eli` text,
	`transposition_deadline` text,
	`repealed_by` text,
	`repealed_from` text,
	`source_id` integer NOT NULL,
	`verification` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "instruments_type" CHECK("instruments"."type" in ('directive', 'regulation', 'decision'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instruments_celex_unique` ON `instruments` (`celex`);--> statement-breakpoint
CREATE TABLE `measure_instruments` (
	`measure_id` integer NOT NULL,
	`instrument_id` integer NOT NULL,
	PRIMARY KEY(`measure_id`, `instrument_id`),
	FOREIGN KEY (`measure_id`) REFERENCES `national_measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `measure_instruments_instrument` ON `measure_instruments` (`instrument_id`);--> statement-breakpoint
CREATE TABLE `member_states` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`accession_date` text NOT NULL,
	`exit_date` text,
	`source_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "member_states_code" CHECK(length("member_states"."code") = 2 and "member_states"."code" = upper("member_states"."code")),
	CONSTRAINT "member_states_exit_after_accession" CHECK("member_states"."exit_date" is null or "member_states"."exit_date" > "member_states"."accession_date")
);
--> statement-breakpoint
CREATE TABLE `national_measures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`state_code` text NOT NULL,
	`title_original` text NOT NULL,
	`title_english` text,
	`title_english_is_working_translation` integer NOT NULL,
	`language` text NOT NULL,
	`type` text NOT NULL,
	`national_identifier` text,
	`eli` text,
	`eur_lex_nim_number` text,
	`adopted_on` text,
	`published_on` text,
	`in_force_on` text,
	`notified_on` text,
	`publication_reference` text,
	`url` text,
	`status` text NOT NULL,
	`note` text,
	`source_id` integer NOT NULL,
	`verification` text NOT NULL,
	`is_synthetic` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`state_code`) REFERENCES `member_states`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "national_measures_type" CHECK("national_measures"."type" in ('act', 'decree', 'regulation', 'administrative_provision', 'other')),
	CONSTRAINT "national_measures_status" CHECK("national_measures"."status" in ('in_force', 'amended', 'repealed')),
	CONSTRAINT "national_measures_url_scheme" CHECK("national_measures"."url" is null or "national_measures"."url" like 'http://%' or "national_measures"."url" like 'https://%')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `national_measures_key_unique` ON `national_measures` (`key`);--> statement-breakpoint
CREATE INDEX `national_measures_state` ON `national_measures` (`state_code`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`state_code` text NOT NULL,
	`instrument_id` integer NOT NULL,
	`status` text NOT NULL,
	`notified_on` text,
	`principal_measure_id` integer,
	`source_id` integer NOT NULL,
	`verification` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`state_code`) REFERENCES `member_states`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`principal_measure_id`) REFERENCES `national_measures`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notifications_status" CHECK("notifications"."status" in ('complete', 'partial', 'none'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_state_instrument` ON `notifications` (`state_code`,`instrument_id`);--> statement-breakpoint
CREATE INDEX `notifications_instrument` ON `notifications` (`instrument_id`);--> statement-breakpoint
CREATE TABLE `obligation_security_properties` (
	`obligation_id` integer NOT NULL,
	`property` text NOT NULL,
	PRIMARY KEY(`obligation_id`, `property`),
	FOREIGN KEY (`obligation_id`) REFERENCES `obligations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "obligation_security_properties_property" CHECK("obligation_security_properties"."property" in ('availability', 'authentication', 'integrity', 'confidentiality'))
);
--> statement-breakpoint
CREATE INDEX `obligation_security_properties_property` ON `obligation_security_properties` (`property`);--> statement-breakpoint
CREATE TABLE `obligation_threats` (
	`obligation_id` integer NOT NULL,
	`threat` text NOT NULL,
	PRIMARY KEY(`obligation_id`, `threat`),
	FOREIGN KEY (`obligation_id`) REFERENCES `obligations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "obligation_threats_threat" CHECK("obligation_threats"."threat" in ('interception', 'unauthorised_access', 'network_disruption', 'malicious_software', 'misrepresentation', 'environmental_unintentional'))
);
--> statement-breakpoint
CREATE TABLE `obligations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`duty` text NOT NULL,
	`addressee` text NOT NULL,
	`source_id` integer NOT NULL,
	`verification` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "obligations_addressee" CHECK("obligations"."addressee" in ('controller', 'processor', 'provider', 'certification_service_provider', 'member_state', 'supervisory_authority', 'network_operator'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `obligations_key_unique` ON `obligations` (`key`);--> statement-breakpoint
CREATE TABLE `provision_obligations` (
	`provision_id` integer NOT NULL,
	`obligation_id` integer NOT NULL,
	PRIMARY KEY(`provision_id`, `obligation_id`),
	FOREIGN KEY (`provision_id`) REFERENCES `provisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`obligation_id`) REFERENCES `obligations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `provision_obligations_obligation` ON `provision_obligations` (`obligation_id`);--> statement-breakpoint
CREATE TABLE `provisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instrument_id` integer NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`position` integer NOT NULL,
	`heading` text NOT NULL,
	`summary` text NOT NULL,
	`requires_transposition` integer NOT NULL,
	`security_relevant` integer NOT NULL,
	`deadline` text,
	`source_id` integer NOT NULL,
	`verification` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "provisions_kind" CHECK("provisions"."kind" in ('article', 'paragraph', 'annex'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provisions_instrument_kind_number` ON `provisions` (`instrument_id`,`kind`,`number`);--> statement-breakpoint
CREATE INDEX `provisions_instrument_position` ON `provisions` (`instrument_id`,`position`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`url` text,
	`document` text,
	`title` text NOT NULL,
	`retrieved_on` text NOT NULL,
	`method` text NOT NULL,
	`verification` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sources_method" CHECK("sources"."method" in ('eur_lex', 'official_journal', 'national_gazette', 'official_notification', 'commission_report', 'court_judgment', 'desk_research')),
	CONSTRAINT "sources_verification" CHECK("sources"."verification" in ('verified', 'unverified')),
	CONSTRAINT "sources_url_or_document" CHECK("sources"."url" is not null or "sources"."document" is not null),
	CONSTRAINT "sources_url_scheme" CHECK("sources"."url" is null or "sources"."url" like 'http://%' or "sources"."url" like 'https://%')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_key_unique` ON `sources` (`key`);--> statement-breakpoint
CREATE TABLE `submission_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`entity` text NOT NULL,
	`operation` text NOT NULL,
	`record_id` integer,
	`base_version` integer,
	`payload` text NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "submission_changes_operation" CHECK("submission_changes"."operation" in ('create', 'update', 'delete'))
);
--> statement-breakpoint
CREATE INDEX `submission_changes_submission` ON `submission_changes` (`submission_id`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`state_code` text NOT NULL,
	`author_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`message` text NOT NULL,
	`reviewer_id` integer,
	`review_comment` text,
	`idempotency_key` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`reviewed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`state_code`) REFERENCES `member_states`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "submissions_status" CHECK("submissions"."status" in ('pending', 'approved', 'rejected', 'changes_requested'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_idempotency_key_unique` ON `submissions` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `submissions_state_status` ON `submissions` (`state_code`,`status`);--> statement-breakpoint
CREATE TABLE `transposition_measures` (
	`transposition_id` integer NOT NULL,
	`measure_id` integer NOT NULL,
	PRIMARY KEY(`transposition_id`, `measure_id`),
	FOREIGN KEY (`transposition_id`) REFERENCES `transpositions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `national_measures`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `transposition_measures_measure` ON `transposition_measures` (`measure_id`);--> statement-breakpoint
CREATE TABLE `transpositions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`state_code` text NOT NULL,
	`provision_id` integer NOT NULL,
	`status` text DEFAULT 'unknown' NOT NULL,
	`relation` text,
	`national_provision` text,
	`note` text,
	`assessor_id` integer,
	`assessor_name` text,
	`assessed_at` text,
	`source_id` integer,
	`verification` text DEFAULT 'unverified' NOT NULL,
	`is_synthetic` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`state_code`) REFERENCES `member_states`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provision_id`) REFERENCES `provisions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "transpositions_status" CHECK("transpositions"."status" in ('unknown', 'not_transposed', 'partial', 'full', 'non_conforming', 'not_applicable')),
	CONSTRAINT "transpositions_relation" CHECK("transpositions"."relation" is null or "transpositions"."relation" in ('equal', 'subset', 'superset', 'intersect'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transpositions_state_provision` ON `transpositions` (`state_code`,`provision_id`);--> statement-breakpoint
CREATE INDEX `transpositions_provision` ON `transpositions` (`provision_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`member_state_code` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`disabled_at` text,
	`sessions_valid_after` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`member_state_code`) REFERENCES `member_states`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role" CHECK("users"."role" in ('admin', 'editor', 'regulator', 'researcher')),
	CONSTRAINT "users_regulator_has_state" CHECK(("users"."role" = 'regulator') = ("users"."member_state_code" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);