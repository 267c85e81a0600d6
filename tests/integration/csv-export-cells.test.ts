/**
 * The CSV export reads SQL-backed tables as raw cell arrays (`iterateCsvCells`,
 * the `csv` select of a row source); it must give exactly the bytes the row
 * objects and column values give, including the as-of rule it evaluates in
 * the select instead of the WHERE.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { iterateCsvCells, iterateTable } from "@/db/queries/export";
import type { ColumnSpec } from "@/lib/table-types";
import type { CsvValue } from "@/lib/csv";
import { csvLine } from "@/lib/csv-stream";
import { exportCsvBody } from "@/server/export/csv-export";
import { parseParams } from "@/server/export/params";
import { apiTables, exportTableNames, type TableName } from "@/server/export/registry";
import { seededInventory } from "../helpers/inventory";

let h: DbHandle;

beforeAll(() => {
  h = seededInventory();
  const s = h.sqlite;
  const source = (s.prepare("select id from sources limit 1").get() as { id: number }).id;
  const provisionIds = (
    s.prepare("select id from provisions where id not in (select provision_id from transpositions where state_code = 'LU') order by id limit 40").all() as {
      id: number;
    }[]
  ).map((p) => p.id);
  const measure = s.prepare(
    "insert into national_measures (key, state_code, title_original, title_english_is_working_translation, language, type, adopted_on, repealed_on, status, source_id, verification, is_synthetic) values (?, 'LU', ?, 0, 'fr', 'act', ?, ?, 'in_force', ?, 'unverified', 1)",
  );
  const row = s.prepare(
    "insert into transpositions (state_code, provision_id, status, relation, national_provision, note, verification) values ('LU', ?, 'partial', ?, ?, ?, 'unverified')",
  );
  const cite = s.prepare("insert into transposition_measures (transposition_id, measure_id) values (?, ?)");
  s.transaction(() => {
    // Measures that count from 2003, never (repealed in 2004 … but adopted 2003: counts 2003 only), undated, and later.
    const m2003 = Number(measure.run("=lu-formula", 'Loi "test", avec virgule', "2003-01-01", null, source).lastInsertRowid);
    const repealed = Number(measure.run("lu-repealed", "Abrogée\nligne deux", "2003-06-01", "2004-01-01", source).lastInsertRowid);
    const undated = Number(measure.run("lu-undated", "Sans date", null, null, source).lastInsertRowid);
    const later = Number(measure.run("-lu-later", "Später", "2010-05-05", null, source).lastInsertRowid);
    const texts = ["=SUM(A1)", "+1", "-x", "@cmd", "\ttab", "\rcr", "\nlf", 'Art. 5, "quoted"', "a\r\nb,c", "", "§ 9 BDSG", "Νόμος 2472/1997"];
    const cites = [[], [m2003], [repealed], [undated], [later], [m2003, later], [repealed, later], [later, undated], [repealed, m2003, undated]];
    provisionIds.forEach((p, i) => {
      const id = Number(row.run(p, i % 5 === 0 ? null : "subset", texts[i % texts.length]!, texts[(i + 3) % texts.length]!).lastInsertRowid);
      for (const m of cites[i % cites.length]!) cite.run(id, m);
    });
    s.prepare("update provisions set heading = '=' || heading where id % 4 = 0").run();
  })();
});
afterAll(() => h.sqlite.close());

function parse(name: TableName, qs: string) {
  const t = apiTables[name];
  const parsed = parseParams(t.spec, "csv", new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { t, columns: t.spec.columns as readonly ColumnSpec<unknown>[], ...parsed.table };
}

function drain(it: Iterator<unknown[]>): string {
  let out = "";
  for (let next = it.next(); !next.done; next = it.next()) out += csvLine(next.value as CsvValue[]);
  return out;
}

/** The reference: row objects through `map`, then each column's `value`. */
function viaRows(name: TableName, qs: string): string {
  const { t, columns, query, asOf } = parse(name, qs);
  let out = "";
  for (const row of iterateTable(h.db, t.source!, columns, query, asOf)) out += csvLine(columns.map((c) => c.value(row)));
  return out;
}

describe("CSV export from raw cells", () => {
  const asOfs = ["", "as_of=2002-12-31", "as_of=2003-03-01", "as_of=2004-06-30", "as_of=2012-01-01", "as_of=2099-01-01"];
  const views = [
    "",
    "state=LU",
    "state=LU&sort=-national_provision",
    "sort=provision",
    "sort=-provision&state=LU,DE",
    "status=partial",
    "q=daten",
    "sort=-assessed_at",
    "relation=subset&verification=unverified",
  ];

  it("gives the transpositions CSV exactly as the row objects do, for every as-of date", () => {
    for (const a of asOfs)
      for (const v of views) {
        const qs = [v, a].filter(Boolean).join("&");
        const { t, columns, query, asOf } = parse("transpositions", qs);
        const expected = viaRows("transpositions", qs);
        expect(drain(iterateCsvCells(h.db, t.source!, columns, query, asOf)), qs).toBe(expected);
      }
  });

  it("drops the as-of EXISTS from the WHERE and still excludes the rows that do not count", () => {
    const { t, columns, query, asOf } = parse("transpositions", "state=LU&as_of=2004-06-30");
    const text = drain(iterateCsvCells(h.db, t.source!, columns, query, asOf));
    expect(text).toContain("=lu-formula");
    // Cites only the measure repealed on 2004-01-01, or only the 2010 one: not counted on 2004-06-30.
    expect(text).not.toMatch(/(^|,)lu-repealed,/m);
    expect(text).not.toMatch(/(^|,)'-lu-later,/m);
    expect(t.source!.csv!(query, asOf).conditions!.length).toBe(t.source!.conditions(query, asOf).length - 1);
  });

  it("keeps every other table's CSV as it was, through the stream", async () => {
    for (const name of exportTableNames) {
      if (!apiTables[name].source) continue;
      for (const a of ["", "as_of=2003-03-01"]) {
        const { t, query, asOf } = parse(name, a);
        const bytes = await new Response(await exportCsvBody(h.db, h.path, t, query, asOf, { bom: true })).arrayBuffer();
        const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
        const header = csvLine(t.spec.columns.map((c) => c.id));
        expect(body, `${name}?${a}`).toBe(`\uFEFF${header}${viaRows(name, a)}`);
      }
    }
  });
});
