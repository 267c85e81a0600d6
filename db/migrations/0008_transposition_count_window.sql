ALTER TABLE `transpositions` ADD `counts_from` text;--> statement-breakpoint
ALTER TABLE `transpositions` ADD `counts_until` text;--> statement-breakpoint
ALTER TABLE `transpositions` ADD `counts_by_window` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- The "as of" window of each correspondence from its cited measures (db/schema.ts, transpositions.counts_*): one window when
-- it cites one dated measure, or only dated measures none of which is repealed; otherwise counts_by_window = 0 and the rule reads the measures.
WITH w AS (
  SELECT tm.transposition_id AS id,
         count(*) AS n,
         sum(coalesce(m.adopted_on, m.published_on, m.in_force_on) IS NULL) AS undated,
         sum(m.repealed_on IS NULL) AS unrepealed,
         min(coalesce(m.adopted_on, m.published_on, m.in_force_on)) AS known_from,
         max(m.repealed_on) AS last_repealed
  FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id
  GROUP BY tm.transposition_id
)
UPDATE transpositions SET
  counts_from = w.known_from,
  counts_until = CASE WHEN w.unrepealed > 0 THEN NULL ELSE w.last_repealed END,
  counts_by_window = (w.undated = 0 AND (w.n = 1 OR w.unrepealed = w.n))
FROM w WHERE w.id = transpositions.id;
--> statement-breakpoint
DROP INDEX `transpositions_state`;--> statement-breakpoint
DROP INDEX `transpositions_status_state`;--> statement-breakpoint
CREATE INDEX `transpositions_state_window` ON `transpositions` (`state_code`,`id`,`counts_by_window`,`counts_from`,`counts_until`);--> statement-breakpoint
CREATE INDEX `transpositions_status_state_window` ON `transpositions` (`status`,`state_code`,`id`,`counts_by_window`,`counts_from`,`counts_until`);--> statement-breakpoint
-- Keep the window in step: in the transaction of any change to a correspondence's cited measures or to their dates.
CREATE TRIGGER transposition_window_measures_insert AFTER INSERT ON transposition_measures
BEGIN
  UPDATE transpositions SET
    counts_from = (SELECT min(coalesce(m.adopted_on, m.published_on, m.in_force_on)) FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id),
    counts_until = (SELECT CASE WHEN count(*) = 0 OR sum(m.repealed_on IS NULL) > 0 THEN NULL ELSE max(m.repealed_on) END FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id),
    counts_by_window = (SELECT count(*) = 0 OR (sum(coalesce(m.adopted_on, m.published_on, m.in_force_on) IS NULL) = 0 AND (count(*) = 1 OR sum(m.repealed_on IS NULL) = count(*))) FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id)
  WHERE id = NEW.transposition_id;
END;
--> statement-breakpoint
CREATE TRIGGER transposition_window_measures_delete AFTER DELETE ON transposition_measures
BEGIN
  UPDATE transpositions SET
    counts_from = (SELECT min(coalesce(m.adopted_on, m.published_on, m.in_force_on)) FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id),
    counts_until = (SELECT CASE WHEN count(*) = 0 OR sum(m.repealed_on IS NULL) > 0 THEN NULL ELSE max(m.repealed_on) END FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id),
    counts_by_window = (SELECT count(*) = 0 OR (sum(coalesce(m.adopted_on, m.published_on, m.in_force_on) IS NULL) = 0 AND (count(*) = 1 OR sum(m.repealed_on IS NULL) = count(*))) FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id)
  WHERE id = OLD.transposition_id;
END;
--> statement-breakpoint
CREATE TRIGGER transposition_window_measures_update AFTER UPDATE ON transposition_measures
BEGIN
  UPDATE transpositions SET
    counts_from = (SELECT min(coalesce(m.adopted_on, m.published_on, m.in_force_on)) FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id),
    counts_until = (SELECT CASE WHEN count(*) = 0 OR sum(m.repealed_on IS NULL) > 0 THEN NULL ELSE max(m.repealed_on) END FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id),
    counts_by_window = (SELECT count(*) = 0 OR (sum(coalesce(m.adopted_on, m.published_on, m.in_force_on) IS NULL) = 0 AND (count(*) = 1 OR sum(m.repealed_on IS NULL) = count(*))) FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id)
  WHERE id IN (OLD.transposition_id, NEW.transposition_id);
END;
--> statement-breakpoint
CREATE TRIGGER transposition_window_measure_dates_update AFTER UPDATE OF adopted_on, published_on, in_force_on, repealed_on ON national_measures
BEGIN
  UPDATE transpositions SET
    counts_from = (SELECT min(coalesce(m.adopted_on, m.published_on, m.in_force_on)) FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id),
    counts_until = (SELECT CASE WHEN count(*) = 0 OR sum(m.repealed_on IS NULL) > 0 THEN NULL ELSE max(m.repealed_on) END FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id),
    counts_by_window = (SELECT count(*) = 0 OR (sum(coalesce(m.adopted_on, m.published_on, m.in_force_on) IS NULL) = 0 AND (count(*) = 1 OR sum(m.repealed_on IS NULL) = count(*))) FROM transposition_measures tm JOIN national_measures m ON m.id = tm.measure_id WHERE tm.transposition_id = transpositions.id)
  WHERE id IN (SELECT transposition_id FROM transposition_measures WHERE measure_id = NEW.id);
END;
