import { obligationsSpec } from "@/db/tables/obligations";
import { provisionsSpec } from "@/db/tables/provisions";
import { transpositionsSpec } from "@/db/tables/transpositions";
import { measuresSpec } from "@/db/tables/measures";
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { nationalMeasures, provisions, obligations, transpositions } from "@/db/schema";
import { listMeasures, findMeasureDetail } from "@/db/queries/measures";
import { listTranspositions, correspondences } from "@/db/queries/transpositions";
import { listProvisions, findProvisionDetail } from "@/db/queries/provisions";
import { listObligations, findObligationDetail } from "@/db/queries/obligations";
import { searchInventory } from "@/db/queries/search";
import { compareStates } from "@/db/queries/compare";
import { FILTER_LIST_LIMIT, instrumentFilterChoices, obligationFilterChoices, suggestInstruments, suggestObligations } from "@/db/queries/options";
import { cappedCount } from "@/db/queries/table-helpers";
import { resolveAsOf } from "@/lib/as-of";
import { parseTableQuery, type RawSearchParams, type TableSpec } from "@/lib/table-state";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { freshDatabase } from "../helpers/db";

let h: DbHandle;
beforeAll(() => {
  h = freshDatabase();
  loadSeed(h, readSeed());
});

function parse<Row>(spec: TableSpec<Row>, raw: RawSearchParams) {
  const p = parseTableQuery(spec, raw);
  expect(p.notices).toEqual([]);
  return p;
}
const today = resolveAsOf(undefined);

describe("the national measures table", () => {
  it("filters by state and instrument and sorts by adoption date, id as tiebreaker", () => {
    // As of 2010, while the BDSG 2001 applied (it was replaced on 2018-05-25).
    const { query, asOf } = parse(measuresSpec, { state: "DE", instrument: "31995L0046", sort: "adopted_on", as_of: "2010-01-01" });
    const { rows, total } = listMeasures(h.db, query, asOf);
    expect(total).toBe(rows.length);
    expect(rows.map((r) => r.key)).toContain("de-bdsg-2001");
    expect(rows.every((r) => r.stateCode === "DE" && r.instruments.some((i) => i.celex === "31995L0046"))).toBe(true);
    const all = listMeasures(h.db, parse(measuresSpec, { sort: "adopted_on", page_size: "100" }).query, today).rows.filter((r) => r.adoptedOn);
    const dates = all.map((r) => r.adoptedOn!);
    expect(dates).toEqual([...dates].sort());
  });

  it("takes several states, counts with the same WHERE and pages without overlap", () => {
    const { query, asOf } = parse(measuresSpec, { state: ["DE", "FR"], page_size: "2" });
    const first = listMeasures(h.db, query, asOf);
    const second = listMeasures(h.db, { ...query, page: 2 }, asOf);
    const everything = listMeasures(h.db, { ...query, pageSize: 100 }, asOf);
    expect(first.total).toBe(everything.rows.length);
    expect(new Set(everything.rows.map((r) => r.stateCode))).toEqual(new Set(["DE", "FR"]));
    expect(first.rows).toHaveLength(2);
    expect(second.rows.map((r) => r.id).some((id) => first.rows.some((f) => f.id === id))).toBe(false);
    expect(everything.rows.slice(0, 4).map((r) => r.id)).toEqual([...first.rows, ...second.rows].map((r) => r.id));
  });

  it("pages several states, each sorted on its own and merged, exactly as one sort of all rows would (every sort, both directions)", () => {
    const states = ["DE", "FR", "UK", "EL"];
    for (const sort of measuresSpec.columns.filter((c) => c.sortSql).flatMap((c) => [c.id, `-${c.id}`])) {
      // One sort of all rows: a single page holding every measure (more than the 100 a page may show).
      const everything = listMeasures(h.db, { ...parse(measuresSpec, { sort }).query, pageSize: 100_000 }, today);
      expect(everything.rows, sort).toHaveLength(everything.total);
      const oracle = everything.rows.filter((r) => states.includes(r.stateCode));
      expect(oracle.length, sort).toBeGreaterThan(6);
      const { query, asOf } = parse(measuresSpec, { state: states, sort, page_size: "3" });
      const paged = Array.from({ length: Math.ceil(oracle.length / 3) + 1 }, (_, i) => listMeasures(h.db, { ...query, page: i + 1 }, asOf).rows).flat();
      expect(
        paged.map((r) => r.id),
        sort,
      ).toEqual(oracle.map((r) => r.id));
    }
  });

  it("finds titles by accent-free, compound-word and Greek search", () => {
    const keys = (q: string) => listMeasures(h.db, parse(measuresSpec, { q }).query, today).rows.map((r) => r.key);
    expect(listMeasures(h.db, parse(measuresSpec, { q: "datenschutz" }).query, resolveAsOf("2010-01-01")).rows.map((r) => r.key)).toContain("de-bdsg-2001");
    expect(keys("datenschutz")).toContain("de-dsanpug-eu-2017");
    const french = listMeasures(h.db, parse(measuresSpec, { q: "donnees" }).query, today).rows;
    expect(french.length).toBeGreaterThan(0);
    expect(french.every((r) => /donn[ée]es/i.test(`${r.titleOriginal} ${r.titleEnglish}`))).toBe(true);
    const greekAccented = keys("Προστασία");
    expect(greekAccented.length).toBeGreaterThan(0);
    expect(keys("ΠΡΟΣΤΑΣΙΑ")).toEqual(greekAccented);
    expect(keys("προστασια")).toEqual(greekAccented);
    expect(keys("zzzznothing")).toEqual([]);
  });

  it("filters by date range, principal flag and verification", () => {
    const range = listMeasures(h.db, parse(measuresSpec, { adopted_from: "2001-01-01", adopted_to: "2001-12-31", page_size: "100" }).query, today).rows;
    expect(range.length).toBeGreaterThan(0);
    expect(range.every((r) => r.adoptedOn! >= "2001-01-01" && r.adoptedOn! <= "2001-12-31")).toBe(true);
    const principal = listMeasures(h.db, parse(measuresSpec, { principal: "yes", page_size: "100" }).query, today).rows;
    const other = listMeasures(h.db, parse(measuresSpec, { principal: "no", page_size: "100" }).query, today).rows;
    expect(principal.every((r) => r.isPrincipal)).toBe(true);
    expect(other.every((r) => !r.isPrincipal)).toBe(true);
    const all = listMeasures(h.db, parse(measuresSpec, {}).query, today).total;
    expect(principal.length + other.length).toBe(all);
    const unverified = listMeasures(h.db, parse(measuresSpec, { verification: "unverified", page_size: "100" }).query, today).rows;
    expect(unverified.every((r) => r.verification === "unverified")).toBe(true);
  });

  it("shows the inventory as of a past date: measures adopted by then and not repealed by then", () => {
    const past = resolveAsOf("2001-06-06");
    const rows = listMeasures(h.db, { ...parse(measuresSpec, {}).query, pageSize: 100 }, past).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const m = h.db.select().from(nationalMeasures).where(eq(nationalMeasures.id, r.id)).get()!;
      expect((m.adoptedOn ?? m.publishedOn ?? m.inForceOn)! <= "2001-06-06").toBe(true);
      expect(m.repealedOn === null || m.repealedOn > "2001-06-06").toBe(true);
    }
    expect(rows.map((r) => r.key)).toContain("de-bdsg-2001");
    expect(listMeasures(h.db, parse(measuresSpec, {}).query, resolveAsOf("1990-01-01")).total).toBeLessThan(rows.length);
    // A repeal date takes a measure out of views from that date.
    const recorded = h.sqlite.prepare("select repealed_on from national_measures where key = 'de-bdsg-2001'").pluck().get();
    h.sqlite.prepare("update national_measures set repealed_on = '2001-06-01' where key = 'de-bdsg-2001'").run();
    try {
      expect(listMeasures(h.db, { ...parse(measuresSpec, {}).query, pageSize: 100 }, past).rows.map((r) => r.key)).not.toContain("de-bdsg-2001");
      expect(listMeasures(h.db, { ...parse(measuresSpec, {}).query, pageSize: 100 }, resolveAsOf("2001-05-30")).rows.map((r) => r.key)).toContain(
        "de-bdsg-2001",
      );
    } finally {
      h.sqlite.prepare("update national_measures set repealed_on = ? where key = 'de-bdsg-2001'").run(recorded);
    }
  });

  it("gives the detail of a measure with the provisions it transposes", () => {
    const d = findMeasureDetail(h.db, "de-bdsg-2001")!;
    expect(d.stateName).toBe("Germany");
    expect(d.instruments.map((i) => i.celex)).toEqual(["31995L0046"]);
    expect(d.instruments[0]!.isPrincipal).toBe(true);
    expect(findMeasureDetail(h.db, "no-such-measure")).toBeNull();
  });
});

describe("the correspondence (transpositions) table", () => {
  it("filters by status, security property, addressee and obligation", () => {
    const full = listTranspositions(h.db, parse(transpositionsSpec, { status: "full", page_size: "100" }).query, today);
    expect(full.total).toBeGreaterThan(0);
    expect(full.rows.every((r) => r.status === "full")).toBe(true);
    const conf = listTranspositions(
      h.db,
      parse(transpositionsSpec, { property: "confidentiality", instrument: "31995L0046", page_size: "100" }).query,
      today,
    ).rows;
    expect(conf.length).toBeGreaterThan(0);
    expect(conf.every((r) => r.celex === "31995L0046")).toBe(true);
    const none = listTranspositions(h.db, parse(transpositionsSpec, { relation: "superset" }).query, today);
    expect(none.total).toBe(none.rows.length);
    const anObligation = h.db
      .select({ key: obligations.key })
      .from(obligations)
      .where(eq(obligations.key, "dp-technical-organisational-security-measures"))
      .get();
    if (anObligation) {
      const byObligation = listTranspositions(h.db, parse(transpositionsSpec, { obligation: anObligation.key, page_size: "100" }).query, today).rows;
      expect(byObligation.every((r) => r.provisionNumber === "17")).toBe(true);
    }
  });

  it("sorts by state and pages stably", () => {
    const rows = listTranspositions(h.db, parse(transpositionsSpec, { sort: "-state", page_size: "100" }).query, today).rows;
    const codes = rows.map((r) => r.stateCode);
    expect(codes).toEqual([...codes].sort().reverse());
  });

  it("counts exactly up to the cap, and says when it stopped there", () => {
    const all = listTranspositions(h.db, parse(transpositionsSpec, {}).query, today);
    expect(all.totalIsCapped).toBe(false);
    // The table holds more rows than count as of today (correspondences through repealed measures do not): count them all.
    const rows = h.db.select({ one: sql`1` }).from(transpositions);
    const n = h.db
      .select({ n: sql<number>`count(*)` })
      .from(transpositions)
      .get()!.n;
    expect(all.total).toBeLessThanOrEqual(n);
    expect(cappedCount(h.db, rows, n)).toEqual({ total: n, totalIsCapped: false });
    expect(cappedCount(h.db, rows, n - 1)).toEqual({ total: n - 1, totalIsCapped: true });
    expect(cappedCount(h.db, rows.where(sql`0`), 5)).toEqual({ total: 0, totalIsCapped: false });
  });

  it("counts the same rows with an instrument and a status as without the instrument, restricted to it", () => {
    const both = listTranspositions(h.db, parse(transpositionsSpec, { instrument: "31995L0046", status: ["full", "partial"], page_size: "100" }).query, today);
    const byStatus = (page: number) =>
      listTranspositions(h.db, parse(transpositionsSpec, { status: ["full", "partial"], page_size: "100", page: String(page) }).query, today);
    const pages = Math.ceil(byStatus(1).total / 100);
    const expected = Array.from({ length: pages }, (_, i) => byStatus(i + 1).rows)
      .flat()
      .filter((r) => r.celex === "31995L0046");
    expect(both.total).toBeGreaterThan(0);
    expect(both.rows.every((r) => r.celex === "31995L0046" && ["full", "partial"].includes(r.status))).toBe(true);
    expect(both.total).toBe(expected.length);
  });

  it("fills pairs without a row as unknown, never not_transposed", () => {
    const art17 = h.db
      .select({ id: provisions.id })
      .from(provisions)
      .where(sql`${provisions.number} = '17' and ${provisions.instrumentId} = (select id from instruments where celex = '31995L0046')`)
      .get()!;
    const map = correspondences(h.db, ["DE", "HR"], [art17.id], today);
    expect(map.get(`HR:${art17.id}`)).toMatchObject({ status: "unknown", isRecorded: false });
  });
});

describe("the instrument filter's choices", () => {
  it("lists every instrument while there are few, and suggests by CELEX prefix, short name or title", () => {
    const { choices, isComplete } = instrumentFilterChoices(h.db, null);
    expect(isComplete).toBe(true);
    expect(choices.map((c) => c.value)).toContain("31995L0046");
    expect(suggestInstruments(h.db, "31995").map((c) => c.value)).toEqual(["31995L0046"]);
    expect(suggestInstruments(h.db, "95/46").map((c) => c.value)).toContain("31995L0046");
    expect(suggestInstruments(h.db, "electronic signatures").map((c) => c.value)).toContain("31999L0093");
    expect(suggestInstruments(h.db, "  ")).toEqual([]);
    expect(suggestInstruments(h.db, "%")).toEqual([]);
  });
});

describe("the obligation filter's choices", () => {
  it("lists every obligation while there are few, and suggests by key or duty", () => {
    const { choices, isComplete } = obligationFilterChoices(h.db, null);
    expect(isComplete).toBe(true);
    expect(choices.length).toBe(
      h.db
        .select({ n: sql<number>`count(*)` })
        .from(obligations)
        .get()!.n,
    );
    expect(choices.every((c) => c.label.length <= 91)).toBe(true);
    expect(suggestObligations(h.db, "dp-data-acc").map((c) => c.value)).toEqual(["dp-data-accuracy"]);
    expect(suggestObligations(h.db, "accurate").map((c) => c.value)).toContain("dp-data-accuracy");
    expect(suggestObligations(h.db, "_")).toEqual([]);
    expect(suggestObligations(h.db, "")).toEqual([]);
  });

  it("sends only the selected obligation once the list is too long to send, and the field then suggests", () => {
    const g = freshDatabase();
    loadSeed(g, readSeed());
    const source = g.sqlite.prepare("select source_id from obligations limit 1").pluck().get();
    const insert = g.sqlite.prepare("insert into obligations (key, duty, addressee, source_id, verification) values (?, ?, 'member_state', ?, 'unverified')");
    for (let i = 0; i < FILTER_LIST_LIMIT; i += 1) insert.run(`zz-scale-${String(i).padStart(3, "0")}`, `A duty of the scale test number ${i}`, source);
    expect(obligationFilterChoices(g.db, null)).toEqual({ choices: [], isComplete: false });
    expect(obligationFilterChoices(g.db, "dp-data-accuracy").choices.map((c) => c.value)).toEqual(["dp-data-accuracy"]);
    expect(obligationFilterChoices(g.db, "no-such-obligation").choices).toEqual([]);
    expect(suggestObligations(g.db, "scale test").length).toBe(20);
  });
});

describe("the provisions and obligations tables", () => {
  it("lists provisions of an instrument in document order with coverage counts", () => {
    const { query, asOf } = parse(provisionsSpec, { instrument: "31995L0046", page_size: "100" });
    const { rows, total } = listProvisions(h.db, query, asOf);
    expect(total).toBeGreaterThanOrEqual(34);
    const art17 = rows.find((r) => r.number === "17")!;
    expect(art17.obligationCount).toBeGreaterThan(0);
    expect(art17.fullCount).toBeGreaterThan(0);
    const onlyDE = listProvisions(h.db, parse(provisionsSpec, { instrument: "31995L0046", state: "DE", page_size: "100" }).query, today).rows.find(
      (r) => r.number === "17",
    )!;
    expect(onlyDE.fullCount).toBeLessThanOrEqual(1);
  });

  it("finds provisions by heading text and obligations by addressee and property", () => {
    const rows = listProvisions(h.db, parse(provisionsSpec, { q: "security processing" }).query, today).rows;
    expect(rows.some((r) => r.heading === "Security of processing")).toBe(true);
    const ob = listObligations(h.db, parse(obligationsSpec, { addressee: "controller", property: "confidentiality", page_size: "100" }).query, today).rows;
    expect(ob.length).toBeGreaterThan(0);
    expect(ob.every((o) => o.addressee === "controller" && o.securityProperties.includes("confidentiality"))).toBe(true);
  });

  it("as of a date before an instrument's adoption leaves out its provisions", () => {
    expect(listProvisions(h.db, parse(provisionsSpec, { instrument: "31999L0093" }).query, resolveAsOf("1999-01-01")).total).toBe(0);
    expect(listProvisions(h.db, parse(provisionsSpec, { instrument: "31999L0093" }).query, resolveAsOf("2000-01-01")).total).toBeGreaterThan(0);
  });

  it("gives provision and obligation details with every state's correspondence", () => {
    const art17 = listProvisions(h.db, parse(provisionsSpec, { instrument: "31995L0046", q: "security processing" }).query, today).rows.find(
      (r) => r.number === "17",
    )!;
    const d = findProvisionDetail(h.db, art17.id, today)!;
    expect(d.obligations.length).toBeGreaterThan(0);
    const de = d.states.find((s) => s.code === "DE");
    expect(de).toBeDefined();
    expect(d.states.find((s) => s.code === "HR")?.correspondence.status).toBe("unknown");
    const ob = findObligationDetail(h.db, d.obligations[0]!.key, today)!;
    expect(ob.provisions.map((p) => p.id)).toContain(art17.id);
    expect(findProvisionDetail(h.db, 999_999, today)).toBeNull();
  });
});

describe("full-text search", () => {
  const search = (q: string, kind: "measure" | "provision" | "obligation" | null = null) =>
    searchInventory(h.db, { q, kind, asOf: today, page: 1, pageSize: 50 });

  it("is case- and accent-insensitive and finds words inside compounds", () => {
    expect(search("donnees").results.some((r) => r.title.includes("données"))).toBe(true);
    expect(search("DONNÉES").total).toBe(search("donnees").total);
    expect(search("datenschutz").results.some((r) => r.title.includes("Bundesdatenschutzgesetz"))).toBe(true);
    expect(search("Νόμος").results.some((r) => r.titleLang === "el")).toBe(true);
    expect(search("νομος").total).toBe(search("ΝΌΜΟΣ").total);
  });

  it("ranks whole-word matches first and reaches every kind of record", () => {
    const r = search("signature");
    expect(r.countsByKind.measure).toBeGreaterThan(0);
    expect(r.countsByKind.provision).toBeGreaterThan(0);
    expect(r.countsByKind.obligation).toBeGreaterThan(0);
    expect(search("signature", "provision").results.every((x) => x.kind === "provision")).toBe(true);
  });

  it("treats FTS syntax and SQL in the query as plain words", () => {
    for (const q of ['" OR 1=1 --', "NEAR(a b)", "title:x*", "'; drop table national_measures; --", "^*", "\u0000"]) expect(() => search(q)).not.toThrow();
    expect(search("^*").total).toBe(0);
    expect(
      h.db
        .select({ n: sql<number>`count(*)` })
        .from(nationalMeasures)
        .get()!.n,
    ).toBeGreaterThan(0);
  });

  it("keeps the index in step with inserts, updates and deletes in the same transaction", () => {
    // A measure in force today, so today's search counts it.
    const measure = h.db.select().from(nationalMeasures).where(eq(nationalMeasures.key, "de-dsanpug-eu-2017")).get()!;
    h.sqlite.transaction(() => {
      h.sqlite.prepare("update national_measures set title_english = 'Zyxwvutsrq test title' where id = ?").run(measure.id);
    })();
    expect(search("zyxwvutsrq").total).toBe(1);
    h.sqlite.prepare("update national_measures set title_english = ? where id = ?").run(measure.titleEnglish, measure.id);
    expect(search("zyxwvutsrq").total).toBe(0);
    const rolledBack = h.sqlite.transaction(() => {
      h.sqlite.prepare("update national_measures set title_original = 'Qqqrollback' where id = ?").run(measure.id);
      throw new Error("abort");
    });
    expect(() => rolledBack()).toThrow("abort");
    expect(search("qqqrollback").total).toBe(0);
    expect(search("datenschutz").results.some((r) => r.href === "/measures/de-dsanpug-eu-2017")).toBe(true);
  });

  it("respects the as-of date", () => {
    const past = searchInventory(h.db, { q: "signature", kind: "provision", asOf: resolveAsOf("1999-01-01"), page: 1, pageSize: 50 });
    expect(past.countsByKind.provision).toBe(0);
  });
});

describe("compare", () => {
  it("puts states side by side article by article and flags differences", () => {
    const c = compareStates(h.db, ["FR", "DE"], "31999L0093", today)!;
    expect(c.states.map((s) => s.code)).toEqual(["FR", "DE"]);
    expect(c.rows.length).toBeGreaterThan(10);
    for (const row of c.rows) {
      expect(row.cells).toHaveLength(2);
      const assessed = row.cells.filter((x) => x.status !== "unknown");
      const disagree = new Set(assessed.map((x) => `${x.status}|${x.relation}`)).size > 1;
      // Unassessed provisions are never "the same".
      expect(row.verdict).toBe(disagree ? "differs" : assessed.length === 2 ? "same" : "unknown");
    }
    expect(c.differing).toBe(c.rows.filter((r) => r.verdict === "differs").length);
    expect(c.agreeing).toBe(c.rows.filter((r) => r.verdict === "same").length);
    const then = compareStates(h.db, ["FR", "DE"], "31999L0093", resolveAsOf("2005-01-01"))!;
    expect(then.rows.some((r) => r.verdict !== "unknown")).toBe(true);
    expect(compareStates(h.db, ["FR", "DE"], "31999L9999", today)).toBeNull();
  });
});
