import { FILL_DEFERRAL_MS, indicatorCacheProgress, startIndicatorFill } from "@/server/cache/indicator-fill";
import { beforeAll, describe, expect, it } from "vitest";
import { cachedInstrumentCount, ensureIndicatorCache } from "@/db/cache/indicator-cache";
import { requestEnded, requestsInFlight, requestStarted } from "@/server/cache/requests-in-flight";
import { loadDashboard, loadDashboardOverview } from "@/db/queries/dashboard";
import { loadInventorySnapshot } from "@/db/queries/inventory-snapshot";
import { scoreboardVersion } from "@/db/cache/content-version";
import { computeDashboardFigures } from "@/lib/indicators/dashboard";
import { computeInstrumentFigures } from "@/lib/indicators/instrument-figures";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { freshDatabase } from "../helpers/db";

const TODAY = "2026-12-01";
const DATES = ["1999-06-30", "2003-12-31", "2010-06-30", "2020-06-30", TODAY];

describe("the indicator cache on the real seed", () => {
  let handle: ReturnType<typeof freshDatabase>;
  const db = () => handle.db;
  const sql = (text: string, ...params: unknown[]) => handle.sqlite.prepare(text).run(...params);
  const one = <T>(text: string, ...params: unknown[]) =>
    handle.sqlite
      .prepare(text)
      .pluck()
      .get(...params) as T;
  const instrumentCount = () => one<number>("select count(*) from instruments");
  const instrumentOf = (celex: string) => one<number>("select id from instruments where celex = ?", celex);
  const fresh = (asOf: string) => computeDashboardFigures(loadInventorySnapshot(db(), TODAY), asOf);

  beforeAll(() => {
    handle = freshDatabase();
    loadSeed(handle, readSeed());
  });

  it("gives the dashboard exactly the figures computed from the whole inventory, on every date", () => {
    for (const asOf of DATES) {
      const { figures } = loadDashboard(db(), asOf, TODAY);
      expect(cachedInstrumentCount(db(), asOf, TODAY)).toBe(instrumentCount());
      expect(figures).toEqual(fresh(asOf));
    }
  });

  it("computes each instrument from a snapshot of that instrument alone with the same result as from the whole", () => {
    const whole = loadInventorySnapshot(db(), TODAY);
    for (const asOf of DATES) {
      const expected = computeInstrumentFigures(whole, asOf);
      const scoped = whole.instruments.flatMap((i) => computeInstrumentFigures(loadInventorySnapshot(db(), TODAY, { instrumentIds: [i.id] }), asOf));
      expect(scoped).toEqual(expected);
    }
  });

  it("drops an instrument's rows in the transaction that changes a correspondence of it, and only its rows", () => {
    ensureIndicatorCache(db(), "2010-06-30", TODAY);
    const dp = instrumentOf("31995L0046");
    const row = handle.sqlite
      .prepare(
        "select t.id, t.status from transpositions t join provisions p on p.id = t.provision_id where p.instrument_id = ? and t.status <> 'non_conforming' limit 1",
      )
      .get(dp) as { id: number; status: string };
    sql("update transpositions set note = 'a note the indicators do not read' where id = ?", row.id);
    expect(cachedInstrumentCount(db(), "2010-06-30", TODAY)).toBe(instrumentCount());
    sql("update transpositions set status = 'non_conforming' where id = ?", row.id);
    expect(cachedInstrumentCount(db(), "2010-06-30", TODAY)).toBe(instrumentCount() - 1);
    expect(one<number>("select count(*) from indicator_cache_cells where instrument_id = ?", dp)).toBe(0);
    expect(one<number>("select count(*) from indicator_cache_gaps where instrument_id = ?", dp)).toBe(0);
    // The next read recomputes it and sees the change.
    for (const asOf of ["2010-06-30", TODAY]) expect(loadDashboard(db(), asOf, TODAY).figures).toEqual(fresh(asOf));
    sql("update transpositions set status = ? where id = ?", row.status, row.id);
  });

  it("drops the rows of every instrument a measure's dates reach, through the correspondences citing it", () => {
    ensureIndicatorCache(db(), "2010-06-30", TODAY);
    const measure = handle.sqlite
      .prepare(
        "select tm.measure_id id, count(distinct p.instrument_id) n from transposition_measures tm join transpositions t on t.id = tm.transposition_id join provisions p on p.id = t.provision_id group by tm.measure_id order by n desc limit 1",
      )
      .get() as { id: number; n: number };
    const before = handle.sqlite.prepare("select adopted_on, repealed_on from national_measures where id = ?").get(measure.id) as {
      adopted_on: string | null;
      repealed_on: string | null;
    };
    sql("update national_measures set repealed_on = '2005-01-01' where id = ?", measure.id);
    expect(cachedInstrumentCount(db(), "2010-06-30", TODAY)).toBe(instrumentCount() - measure.n);
    expect(loadDashboard(db(), "2010-06-30", TODAY).figures).toEqual(fresh("2010-06-30"));
    sql("update national_measures set repealed_on = ? where id = ?", before.repealed_on, measure.id);
    expect(loadDashboard(db(), "2010-06-30", TODAY).figures).toEqual(fresh("2010-06-30"));
  });

  it("drops everything when a Member State's dates change, and an instrument's rows when its deadline or a provision changes", () => {
    ensureIndicatorCache(db(), "2010-06-30", TODAY);
    const accession = one<string>("select accession_date from member_states where code = 'PL'");
    sql("update member_states set accession_date = '2005-05-01' where code = 'PL'");
    expect(cachedInstrumentCount(db(), "2010-06-30", TODAY)).toBe(0);
    expect(loadDashboard(db(), "2010-06-30", TODAY).figures).toEqual(fresh("2010-06-30"));
    sql("update member_states set accession_date = ? where code = 'PL'", accession);

    ensureIndicatorCache(db(), "2010-06-30", TODAY);
    const es = instrumentOf("31999L0093");
    const deadline = one<string>("select transposition_deadline from instruments where id = ?", es);
    sql("update instruments set transposition_deadline = '2009-12-31' where id = ?", es);
    expect(cachedInstrumentCount(db(), "2010-06-30", TODAY)).toBe(instrumentCount() - 1);
    expect(loadDashboard(db(), "2010-06-30", TODAY).figures).toEqual(fresh("2010-06-30"));
    sql("update instruments set transposition_deadline = ? where id = ?", deadline, es);

    ensureIndicatorCache(db(), "2010-06-30", TODAY);
    sql("update provisions set requires_transposition = 1 - requires_transposition where id = (select min(id) from provisions where instrument_id = ?)", es);
    expect(cachedInstrumentCount(db(), "2010-06-30", TODAY)).toBe(instrumentCount() - 1);
    expect(loadDashboard(db(), "2010-06-30", TODAY).figures).toEqual(fresh("2010-06-30"));
    sql("update provisions set requires_transposition = 1 - requires_transposition where id = (select min(id) from provisions where instrument_id = ?)", es);
  });

  it("never reuses rows computed on another day: undated facts count from the day of computing", () => {
    ensureIndicatorCache(db(), "2020-06-30", TODAY);
    expect(ensureIndicatorCache(db(), "2020-06-30", "2026-12-02")).toBe(instrumentCount());
    expect(one<number>("select count(*) from indicator_cache_instruments where taken_on = ?", TODAY)).toBe(0);
  });

  it("computes in batches and stops between them when asked to", () => {
    const asOf = "2015-06-30";
    let asked = 0;
    expect(ensureIndicatorCache(db(), asOf, TODAY, { batchSize: 2, shouldStop: () => ++asked > 1 })).toBe(2);
    expect(cachedInstrumentCount(db(), asOf, TODAY)).toBe(2);
    expect(ensureIndicatorCache(db(), asOf, TODAY, { batchSize: 2 })).toBe(instrumentCount() - 2);
    expect(loadDashboard(db(), asOf, TODAY).figures).toEqual(fresh(asOf));
  });

  it("reuses the dashboard's counts while nothing changes, not after a write, and not for the cache's own writes", () => {
    const first = loadDashboardOverview(db(), 25, TODAY);
    expect(loadDashboardOverview(db(), 25, TODAY)).toBe(first);
    ensureIndicatorCache(db(), "2001-01-01", TODAY);
    expect(loadDashboardOverview(db(), 25, TODAY)).toBe(first);
    const measures = first.perState.find((s) => s.code === "FR")!.measures;
    const id = one<number>("select id from national_measures where state_code = 'FR' limit 1");
    const links = handle.sqlite.prepare("select * from measure_instruments where measure_id = ?").all(id);
    const tms = handle.sqlite.prepare("select * from transposition_measures where measure_id = ?").all(id);
    const notes = handle.sqlite.prepare("select id from notifications where principal_measure_id = ?").pluck().all(id);
    const row = handle.sqlite.prepare("select * from national_measures where id = ?").get(id) as Record<string, unknown>;
    handle.sqlite.transaction(() => {
      sql("update notifications set principal_measure_id = null where principal_measure_id = ?", id);
      sql("delete from transposition_measures where measure_id = ?", id);
      sql("delete from measure_instruments where measure_id = ?", id);
      sql("delete from national_measures where id = ?", id);
    })();
    expect(loadDashboardOverview(db(), 25, TODAY).perState.find((s) => s.code === "FR")!.measures).toBe(measures - 1);
    handle.sqlite.transaction(() => {
      const cols = Object.keys(row);
      sql(`insert into national_measures (${cols.join(",")}) values (${cols.map(() => "?").join(",")})`, ...cols.map((c) => row[c]));
      for (const l of links as Record<string, unknown>[])
        sql("insert into measure_instruments (measure_id, instrument_id) values (?, ?)", l.measure_id, l.instrument_id);
      for (const l of tms as Record<string, unknown>[])
        sql("insert into transposition_measures (transposition_id, measure_id) values (?, ?)", l.transposition_id, l.measure_id);
      for (const n of notes) sql("update notifications set principal_measure_id = ? where id = ?", id, n);
    })();
    expect(loadDashboardOverview(db(), 25, TODAY).perState.find((s) => s.code === "FR")!.measures).toBe(measures);
  });

  it("keeps the Scoreboard's records across a change to a correspondence, and reads them afresh after a change to a notification", () => {
    const asOf = "2010-06-30";
    const first = loadDashboard(db(), asOf, TODAY);
    const row = handle.sqlite.prepare("select id, status from transpositions where status = 'full' limit 1").get() as { id: number; status: string };
    sql("update transpositions set status = 'partial' where id = ?", row.id);
    const afterCorrespondence = loadDashboard(db(), asOf, TODAY);
    expect(afterCorrespondence.snapshot).toBe(first.snapshot);
    expect(afterCorrespondence.figures).toEqual(fresh(asOf));
    expect(afterCorrespondence.figures).not.toEqual(first.figures);
    sql("update transpositions set status = ? where id = ?", row.status, row.id);

    const notification = handle.sqlite.prepare("select id, status from notifications where status = 'complete' limit 1").get() as {
      id: number;
      status: string;
    };
    sql("update notifications set status = 'partial' where id = ?", notification.id);
    const afterNotification = loadDashboard(db(), asOf, TODAY);
    expect(afterNotification.snapshot).not.toBe(first.snapshot);
    expect(afterNotification.figures).toEqual(fresh(asOf));
    sql("update notifications set status = ? where id = ?", notification.status, notification.id);
    expect(loadDashboard(db(), asOf, TODAY).figures).toEqual(fresh(asOf));
  });

  it("counts every change to a Scoreboard record, in any of its tables, and not a change to a measure's title", () => {
    const touch: [string, string][] = [
      ["member_states", "name"],
      ["instruments", "short_name"],
      ["notifications", "status"],
      ["infringements", "type"],
      ["infringement_stages", "stage"],
      ["obligations", "duty"],
      ["obligation_security_properties", "property"],
      ["national_measures", "adopted_on"],
    ];
    for (const [table, column] of touch) {
      const before = scoreboardVersion(db());
      sql(`update ${table} set ${column} = ${column} where rowid = (select min(rowid) from ${table})`);
      expect(scoreboardVersion(db()), table).toBe(before + 1);
    }
    const before = scoreboardVersion(db());
    sql("update national_measures set title_original = title_original where rowid = (select min(rowid) from national_measures)");
    sql("update transpositions set status = status where rowid = (select min(rowid) from transpositions)");
    expect(scoreboardVersion(db())).toBe(before);
  });
});

describe("filling a date's indicator cache in the background", () => {
  it("stores every instrument's figures between turns of the event loop, once however many ask, and the dashboard then reads them", async () => {
    const handle = freshDatabase();
    loadSeed(handle, readSeed());
    const asOf = "2007-03-31";
    const total = handle.sqlite.prepare("select count(*) from instruments").pluck().get() as number;
    expect(indicatorCacheProgress(handle.db, asOf, TODAY)).toEqual({ computed: 0, total, filling: false });
    const first = startIndicatorFill(handle.db, asOf, TODAY);
    expect(startIndicatorFill(handle.db, asOf, TODAY)).toBe(first);
    // Nothing is computed in the call itself: the request that started the fill answers first.
    expect(indicatorCacheProgress(handle.db, asOf, TODAY)).toEqual({ computed: 0, total, filling: true });
    await first;
    expect(indicatorCacheProgress(handle.db, asOf, TODAY)).toEqual({ computed: total, total, filling: false });
    expect(loadDashboard(handle.db, asOf, TODAY).figures).toEqual(computeDashboardFigures(loadInventorySnapshot(handle.db, TODAY), asOf));
    // A finished fill is not kept: the next start looks again, finds nothing missing and ends.
    await startIndicatorFill(handle.db, asOf, TODAY);
    expect(cachedInstrumentCount(handle.db, asOf, TODAY)).toBe(total);
  });

  it("in a cluster worker asks the primary to fill a date, once a minute at most, and computes nothing itself", async () => {
    const handle = freshDatabase();
    loadSeed(handle, readSeed());
    const total = handle.sqlite.prepare("select count(*) from instruments").pluck().get() as number;
    const sent: unknown[] = [];
    const primary = (request: unknown) => void sent.push(request);
    await startIndicatorFill(handle.db, "2004-06-30", TODAY, primary);
    await startIndicatorFill(handle.db, "2004-06-30", TODAY, primary);
    await startIndicatorFill(handle.db, "2008-06-30", TODAY, primary);
    expect(sent).toEqual([
      { type: "indicator-fill", asOf: "2004-06-30" },
      { type: "indicator-fill", asOf: "2008-06-30" },
    ]);
    await new Promise((r) => setTimeout(r, FILL_DEFERRAL_MS / 4));
    expect(cachedInstrumentCount(handle.db, "2004-06-30", TODAY)).toBe(0);
    // The dashboard says the figures are being computed (by the primary's process) rather than offering to start.
    expect(indicatorCacheProgress(handle.db, "2004-06-30", TODAY)).toEqual({ computed: 0, total, filling: true });
    // Without a channel (a lone server, or an edition's copy) the same process fills it.
    await startIndicatorFill(handle.db, "2004-06-30", TODAY, null);
    expect(cachedInstrumentCount(handle.db, "2004-06-30", TODAY)).toBe(total);
  });

  it("waits while the server answers a request, and goes on when the request ends or after FILL_DEFERRAL_MS", async () => {
    const handle = freshDatabase();
    loadSeed(handle, readSeed());
    const total = handle.sqlite.prepare("select count(*) from instruments").pluck().get() as number;
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    requestStarted();
    try {
      const fill = startIndicatorFill(handle.db, "2005-06-30", TODAY);
      await pause(FILL_DEFERRAL_MS / 4);
      expect(cachedInstrumentCount(handle.db, "2005-06-30", TODAY)).toBe(0);
      requestEnded();
      await fill;
      expect(cachedInstrumentCount(handle.db, "2005-06-30", TODAY)).toBe(total);
      // A server that never goes idle: each batch waits FILL_DEFERRAL_MS at most, and the fill still ends.
      requestStarted();
      const started = Date.now();
      await startIndicatorFill(handle.db, "2006-06-30", TODAY);
      expect(Date.now() - started).toBeGreaterThanOrEqual(FILL_DEFERRAL_MS);
      expect(cachedInstrumentCount(handle.db, "2006-06-30", TODAY)).toBe(total);
    } finally {
      while (requestsInFlight() > 0) requestEnded();
    }
  });
});
