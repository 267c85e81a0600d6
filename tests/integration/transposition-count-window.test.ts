import { transpositionCountsAsOf } from "@/db/as-of";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { transpositions } from "@/db/schema";
import { loadInventorySnapshot } from "@/db/queries/inventory-snapshot";
import { computeInstrumentFigures } from "@/lib/indicators/instrument-figures";
import type { InventorySnapshot } from "@/lib/indicators/inventory";
import { resolveAsOf, todayIso } from "@/lib/as-of";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { freshDatabase } from "../helpers/db";

const TODAY = todayIso();
const DATES = ["1990-01-01", "1999-06-30", "2002-07-12", "2003-10-31", "2005-06-30", "2010-06-30", "2020-06-30", TODAY];

/** The rule as lib/as-of.ts states it, reading the cited measures of every row: what the window must agree with. */
function measureRule(date: string): string {
  const undatedCounts = date >= TODAY;
  const known = "coalesce(m.adopted_on, m.published_on, m.in_force_on)";
  const existed = undatedCounts ? `(${known} is null or ${known} <= '${date}')` : `${known} <= '${date}'`;
  return `(not exists (select 1 from transposition_measures tm0 where tm0.transposition_id = t.id)
    or exists (select 1 from transposition_measures tm1 join national_measures m on m.id = tm1.measure_id where tm1.transposition_id = t.id and ${existed} and (m.repealed_on is null or m.repealed_on > '${date}')))`;
}

describe("the 'as of' window of each correspondence (migration 0008)", () => {
  let handle: ReturnType<typeof freshDatabase>;
  const run = (text: string, ...params: unknown[]) => handle.sqlite.prepare(text).run(...params);
  const one = <T>(text: string, ...params: unknown[]) => handle.sqlite.prepare(text).get(...params) as T;

  /** Rows on which the window-based rule of the queries and the measure-reading rule disagree, over all the dates. */
  function disagreements(): { date: string; id: number }[] {
    const out: { date: string; id: number }[] = [];
    for (const date of DATES) {
      const windowed = new Map(
        handle.db
          .select({ id: transpositions.id, counts: sql<number>`${transpositionCountsAsOf(resolveAsOf(date))}` })
          .from(transpositions)
          .orderBy(asc(transpositions.id))
          .all()
          .map((r) => [r.id, Boolean(r.counts)]),
      );
      const reference = handle.sqlite.prepare(`select t.id, ${measureRule(date)} as counts from transpositions t`).all() as { id: number; counts: number }[];
      for (const r of reference) if (windowed.get(r.id) !== Boolean(r.counts)) out.push({ date, id: r.id });
    }
    return out;
  }
  /** The indicators on the snapshot as loaded (window rows carry their window as one measure) and on one carrying every cited measure. */
  function indicatorsFromWindowsAndFromMeasures(): { fromWindows: unknown[]; fromMeasures: unknown[] } {
    const loaded = loadInventorySnapshot(handle.db, TODAY);
    const cited = handle.sqlite
      .prepare(
        "select tm.transposition_id as id, coalesce(m.adopted_on, m.published_on, m.in_force_on) as knownFrom, m.repealed_on as repealedOn from transposition_measures tm join national_measures m on m.id = tm.measure_id",
      )
      .all() as { id: number; knownFrom: string | null; repealedOn: string | null }[];
    const byRow = new Map<number, { knownFrom: string | null; repealedOn: string | null }[]>();
    for (const { id, ...dates } of cited) byRow.set(id, [...(byRow.get(id) ?? []), dates]);
    const withMeasures: InventorySnapshot = { ...loaded, transpositions: loaded.transpositions.map((t) => ({ ...t, measures: byRow.get(t.id) ?? [] })) };
    return { fromWindows: DATES.map((d) => computeInstrumentFigures(loaded, d)), fromMeasures: DATES.map((d) => computeInstrumentFigures(withMeasures, d)) };
  }
  const expectSameIndicators = () => {
    const { fromWindows, fromMeasures } = indicatorsFromWindowsAndFromMeasures();
    expect(fromWindows).toEqual(fromMeasures);
  };
  const windowOf = (id: number) =>
    one<{ from: string | null; until: string | null; byWindow: number }>(
      'select counts_from as "from", counts_until as until, counts_by_window as byWindow from transpositions where id = ?',
      id,
    );

  /** A correspondence with one cited measure, and a second measure of the same state not cited by it. */
  let subject: { id: number; measureId: number; otherMeasureId: number };

  beforeAll(() => {
    handle = freshDatabase();
    loadSeed(handle, readSeed());
    subject = one(
      `select t.id, tm.measure_id as measureId,
         (select m2.id from national_measures m2 where m2.state_code = t.state_code and m2.id <> tm.measure_id order by m2.id limit 1) as otherMeasureId
       from transpositions t join transposition_measures tm on tm.transposition_id = t.id
       where (select count(*) from transposition_measures x where x.transposition_id = t.id) = 1
         and exists (select 1 from national_measures m2 where m2.state_code = t.state_code and m2.id <> tm.measure_id)
       order by t.id limit 1`,
    );
  });

  it("agrees with the rule on the cited measures for every correspondence of the seed on every date", () => {
    expect(one<{ n: number }>("select count(*) as n from transposition_measures").n).toBeGreaterThan(0);
    expect(disagreements()).toEqual([]);
    expectSameIndicators();
  });

  it("follows every change to the cited measures and their dates, in the same statement", () => {
    const { id, measureId, otherMeasureId } = subject;
    const dates = one<Record<string, string | null>>(
      "select adopted_on, published_on, in_force_on, repealed_on from national_measures where id = ?",
      measureId,
    );
    const other = one<Record<string, string | null>>(
      "select adopted_on, published_on, in_force_on, repealed_on from national_measures where id = ?",
      otherMeasureId,
    );

    run("update national_measures set adopted_on = '2003-01-15', published_on = null, in_force_on = null, repealed_on = '2010-01-01' where id = ?", measureId);
    expect(windowOf(id)).toEqual({ from: "2003-01-15", until: "2010-01-01", byWindow: 1 });
    expect(disagreements()).toEqual([]);

    // A second measure, never repealed, after a gap: the periods are no longer one window.
    run("update national_measures set adopted_on = '2012-05-05', repealed_on = null where id = ?", otherMeasureId);
    run("insert into transposition_measures (transposition_id, measure_id) values (?, ?)", id, otherMeasureId);
    expect(windowOf(id).byWindow).toBe(0);
    expect(disagreements()).toEqual([]);

    // Neither repealed: one window from the earlier one on.
    expectSameIndicators();
    run("update national_measures set repealed_on = null where id = ?", measureId);
    expect(windowOf(id)).toEqual({ from: "2003-01-15", until: null, byWindow: 1 });
    expect(disagreements()).toEqual([]);
    expectSameIndicators();

    // An undated measure counts only in views of today: the rule reads the measures.
    run("update national_measures set adopted_on = null, published_on = null, in_force_on = null where id = ?", otherMeasureId);
    expect(windowOf(id).byWindow).toBe(0);
    expect(disagreements()).toEqual([]);

    // Moving a link to another correspondence recomputes both.
    const second = one<{ id: number }>(
      "select id from transpositions where id <> ? and state_code = (select state_code from transpositions where id = ?) order by id limit 1",
      id,
      id,
    ).id;
    run("delete from transposition_measures where transposition_id = ? and measure_id = ?", second, otherMeasureId);
    run("update transposition_measures set transposition_id = ? where transposition_id = ? and measure_id = ?", second, id, otherMeasureId);
    expect(windowOf(id)).toEqual({ from: "2003-01-15", until: null, byWindow: 1 });
    expect(disagreements()).toEqual([]);

    // No measure left: counts from the start.
    run("delete from transposition_measures where transposition_id = ?", id);
    expect(windowOf(id)).toEqual({ from: null, until: null, byWindow: 1 });
    expect(disagreements()).toEqual([]);

    run("insert into transposition_measures (transposition_id, measure_id) values (?, ?)", id, measureId);
    run("delete from transposition_measures where transposition_id = ? and measure_id = ?", second, otherMeasureId);
    run(
      "update national_measures set adopted_on = @adopted_on, published_on = @published_on, in_force_on = @in_force_on, repealed_on = @repealed_on where id = @id",
      { ...dates, id: measureId },
    );
    run(
      "update national_measures set adopted_on = @adopted_on, published_on = @published_on, in_force_on = @in_force_on, repealed_on = @repealed_on where id = @id",
      { ...other, id: otherMeasureId },
    );
    expect(disagreements()).toEqual([]);
  });

  it("is filled for existing rows by the migration's backfill exactly as the triggers keep it", () => {
    const kept = handle.sqlite.prepare("select id, counts_from, counts_until, counts_by_window from transpositions order by id").all();
    const migration = readFileSync(join(MIGRATIONS_FOLDER, "0008_transposition_count_window.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint").find((s) => s.includes("WITH w AS"));
    expect(backfill).toBeDefined();
    run("update transpositions set counts_from = null, counts_until = null, counts_by_window = 1");
    handle.sqlite.exec(backfill!);
    expect(handle.sqlite.prepare("select id, counts_from, counts_until, counts_by_window from transpositions order by id").all()).toEqual(kept);
  });
});
