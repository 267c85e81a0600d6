DROP INDEX `national_measures_state_adopted`;--> statement-breakpoint
CREATE INDEX `national_measures_state_dates` ON `national_measures` (`state_code`,`adopted_on`,`published_on`,`in_force_on`,`repealed_on`);--> statement-breakpoint
CREATE INDEX `transpositions_state` ON `transpositions` (`state_code`);