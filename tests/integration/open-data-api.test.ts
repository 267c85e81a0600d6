import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { apiTables, exportTableNames, tableNames, type TableName } from "@/server/export/registry";
import { sortValues } from "@/server/export/params";
import type { ColumnSpec } from "@/lib/table-types";
import { csvLine } from "@/lib/csv-stream";
import { seededInventory } from "../helpers/inventory";

let h: DbHandle;
const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle };
type Handler = (r: Request) => Promise<Response>;
const list: Partial<Record<TableName, Handler>> = {};
let exportGET: (r: Request, c: { params: Promise<{ file: string }> }) => Promise<Response>;

beforeAll(async () => {
  h = seededInventory();
  globalForDb.inventoryDb = h;
  for (const n of tableNames) list[n] = ((await import(`@/app/api/v1/${n}/route`)) as { GET: Handler }).GET;
  exportGET = (await import("@/app/api/v1/export/[file]/route")).GET;
});
afterAll(() => {
  delete globalForDb.inventoryDb;
});

interface Page {
  data: Record<string, unknown>[];
  next_cursor: string | null;
  count: number;
}

async function getJson(name: TableName, qs: string): Promise<Page> {
  const res = await list[name]!(new Request(`http://localhost/api/v1/${name}?${qs}`));
  if (res.status !== 200) throw new Error(`${name}?${qs}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Page;
}

async function walk(name: TableName, qs: string, limit: number): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10_000; i++) {
    const page = await getJson(name, `${qs}${qs ? "&" : ""}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    out.push(...page.data);
    if (!page.next_cursor) return out;
    cursor = page.next_cursor;
  }
  throw new Error("cursor walk did not end");
}

async function getCsv(name: string, qs: string): Promise<{ res: Response; text: string }> {
  const res = await exportGET(new Request(`http://localhost/api/v1/export/${name}.csv?${qs}`), { params: Promise.resolve({ file: `${name}.csv` }) });
  return { res, text: await res.text() };
}

/** The CSV lines the JSON rows give through the same column list. */
function asCsv(name: TableName, rows: Record<string, unknown>[]): string {
  const columns = apiTables[name].spec.columns as readonly ColumnSpec<unknown>[];
  return csvLine(columns.map((c) => c.id)) + rows.map((r) => csvLine(columns.map((c) => c.value(r)))).join("");
}

describe("JSON API and CSV export", () => {
  it("serves every table, and the CSV of a filtered view holds exactly the JSON rows", async () => {
    const views: Record<string, string[]> = {
      measures: ["", "state=DE&state=FR", "instrument=31995L0046&sort=-adopted_on", "status=in_force&as_of=2002-01-01", "q=daten"],
      transpositions: ["", "state=EL", "status=full&instrument=31995L0046&sort=provision", "as_of=2000-01-01"],
      provisions: ["", "instrument=31999L0093&state=DE", "sort=-number"],
      obligations: ["", "property=confidentiality"],
      notifications: ["", "status=complete&sort=-notified_on", "as_of=1999-01-01"],
      infringements: ["", "state=LU"],
      indicators: ["", "state=DE,FR&as_of=2004-01-01"],
      "member-states": ["", "as_of=1990-01-01"],
      instruments: ["", "as_of=1998-01-01"],
    };
    for (const name of exportTableNames) {
      for (const qs of views[name] ?? [""]) {
        const rows = await walk(name, qs, 7);
        const { res, text } = await getCsv(name, qs);
        expect(res.status, `${name}?${qs}`).toBe(200);
        expect(text, `${name}?${qs}`).toBe(asCsv(name, rows));
      }
    }
    const all = await walk("transpositions", "", 1000);
    expect(all.length).toBeGreaterThan(10);
    expect((await walk("member-states", "", 100)).length).toBe(28);
    expect((await walk("member-states", "as_of=1990-01-01", 100)).length).toBe(12);
  });

  it("lets measures.csv join transpositions.csv on the measure keys it cites", async () => {
    const measures = parse((await getCsv("measures", "as_of=2005-01-01")).text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(measures[0]!)).toContain("key");
    const keys = new Set(measures.map((r) => r.key));
    const rows = parse((await getCsv("transpositions", "as_of=2005-01-01")).text, { columns: true }) as Record<string, string>[];
    const citing = rows.filter((r) => r.measures);
    expect(citing.length).toBeGreaterThan(10);
    // A correspondence counts on a date while one of its measures does: that one is in the same day's measures.csv.
    for (const r of citing)
      expect(
        r.measures!.split(/\s+/).some((key) => keys.has(key)),
        `${r.state} ${r.provision}: ${r.measures}`,
      ).toBe(true);
  });

  it.each(tableNames)("gives the exact total of %s in `count`, whatever the page size", async (name) => {
    for (const qs of ["", "as_of=2002-01-01"]) {
      const all = await walk(name, qs, 1000);
      const small = await getJson(name, `${qs}${qs ? "&" : ""}limit=5`);
      expect(small.data.length, `${name}?${qs}`).toBe(Math.min(5, all.length));
      expect(small.count, `${name}?${qs}`).toBe(all.length);
    }
  });

  // One test per table: a walk of three rows per page is hundreds of requests, and a
  // shared machine should not time out one test that walks all nine tables.
  it.each(tableNames)("walks every row of %s exactly once with the cursor, for every sort", async (name) => {
    const t = apiTables[name];
    const full = (await getJson(name, "limit=1000")).data.map((r) => String(t.key(r)));
    expect(new Set(full).size, name).toBe(full.length);
    for (const sort of sortValues(t.spec)) {
      const first = await getJson(name, `sort=${sort}&limit=1000`);
      const walked = await walk(name, `sort=${sort}`, 3);
      expect(
        walked.map((r) => String(t.key(r))),
        `${name} sort=${sort}`,
      ).toEqual(first.data.map((r) => String(t.key(r))));
      expect(new Set(walked.map((r) => String(t.key(r))))).toEqual(new Set(full));
    }
  });

  it("answers bad parameters with problem+json 400 and field errors, unknown exports with 404", async () => {
    const cases: [TableName, string, string][] = [
      ["measures", "state=Germany", "state"],
      ["measures", "sort=password", "sort"],
      ["transpositions", "status=done", "status"],
      ["transpositions", "limit=0", "limit"],
      ["transpositions", "limit=abc", "limit"],
      ["provisions", "as_of=2001-02-30", "as_of"],
      ["obligations", "cursor=not-a-cursor", "cursor"],
      ["measures", "colour=blue", "colour"],
      ["instruments", "instrument=95/46", "instrument"],
    ];
    for (const [name, qs, field] of cases) {
      const res = await list[name]!(new Request(`http://localhost/api/v1/${name}?${qs}`));
      expect(res.status, `${name}?${qs}`).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = (await res.json()) as { status: number; errors: Record<string, string[]> };
      expect(body.status).toBe(400);
      expect(Object.keys(body.errors), `${name}?${qs}`).toContain(field);
    }
    const page = await getJson("measures", "limit=2");
    const wrongSort = await list.measures!(new Request(`http://localhost/api/v1/measures?sort=title&cursor=${page.next_cursor}`));
    expect(wrongSort.status).toBe(400);
    const bad = await getCsv("measures", "state=xx");
    expect(bad.res.status).toBe(400);
    expect(bad.res.headers.get("content-type")).toBe("application/problem+json");
    const missing = await getCsv("users", "");
    expect(missing.res.status).toBe(404);
    expect(missing.res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("accepts a table page's query string as it is (page, page_size and hide only page the HTML table)", async () => {
    const rows = await walk("measures", "state=DE", 100);
    const { res, text } = await getCsv("measures", "state=DE&page=2&page_size=10&hide=type");
    expect(res.status).toBe(200);
    expect(text).toBe(asCsv("measures", rows));
  });

  it("names the file on the server, adds a BOM on request, and audits each export", async () => {
    const before = h.db.select().from(auditEvents).where(eq(auditEvents.entity, "export")).all().length;
    const res = await exportGET(new Request("http://localhost/api/v1/export/transpositions.csv?state=DE&instrument=31995L0046&as_of=2005-01-01&bom=1"), {
      params: Promise.resolve({ file: "transpositions.csv" }),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="transpositions_DE_31995L0046_2005-01-01.csv"');
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).startsWith("state,instrument,provision,")).toBe(true);
    const events = h.db.select().from(auditEvents).where(eq(auditEvents.entity, "export")).all();
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)!.after).toMatchObject({ table: "transpositions", query: "state=DE&instrument=31995L0046&as_of=2005-01-01&bom=1" });
  });
});
