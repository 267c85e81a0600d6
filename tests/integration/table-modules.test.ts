/**
 * Each public table's module (db/tables/<noun>.ts) is the one declaration of its row: the page query, the API
 * and CSV source, the columns and the API item schema must agree on it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { DbHandle } from "@/db/client";
import { pageTable } from "@/db/queries/export";
import { listMeasures } from "@/db/queries/measures";
import { listObligations } from "@/db/queries/obligations";
import { listProvisions } from "@/db/queries/provisions";
import { listTranspositions } from "@/db/queries/transpositions";
import type { TablePage } from "@/db/queries/table-helpers";
import type { Db } from "@/db/client";
import { measureFields, measureItem, measureListFields, measuresSpec } from "@/db/tables/measures";
import { obligationFields, obligationItem, obligationListFields, obligationsSpec } from "@/db/tables/obligations";
import { provisionCountFields, provisionFields, provisionItem, provisionsSpec } from "@/db/tables/provisions";
import { transpositionCsvCells, transpositionFields, transpositionItem, transpositionListFields, transpositionsSpec } from "@/db/tables/transpositions";
import { infringementConditions, infringementFields, infringementItem, infringementsSpec, selectInfringements } from "@/db/tables/infringements";
import { instrumentConditions, instrumentFields, instrumentItem, instrumentsSpec, selectInstruments } from "@/db/tables/instruments";
import { memberStateConditions, memberStateFields, memberStateItem, memberStatesSpec, selectMemberStates } from "@/db/tables/member-states";
import { notificationConditions, notificationFields, notificationItem, notificationsSpec, selectNotifications } from "@/db/tables/notifications";
import { orderBy } from "@/db/queries/table-helpers";
import { and, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { infringements, instruments, memberStates, notifications } from "@/db/schema";
import type { Fields } from "@/db/tables/fields";
import { resolveAsOf, type AsOf } from "@/lib/as-of";
import { parseTableQuery, type TableQuery, type TableSpec } from "@/lib/table-state";
import { apiTables, itemSchemas, type TableName } from "@/server/export/registry";
import { seededInventory } from "../helpers/inventory";
import { measureWriter } from "@/db/writes/measures";
import { updateRecord } from "@/db/writes/entity";
import { measureInput } from "@/lib/validation/measure";
import { ConflictError } from "@/lib/errors";

let h: DbHandle;
beforeAll(() => {
  h = seededInventory();
});
afterAll(() => h.sqlite.close());

interface Module {
  name: TableName;
  spec: TableSpec<never>;
  /** The keys of the inferred row: the module's fields, in order. */
  fieldNames: (query: TableQuery, asOf: AsOf) => string[];
  item: z.ZodObject;
  list: (db: Db, query: TableQuery, asOf: AsOf) => TablePage<unknown>;
  /** Fields the API serves but its item schema leaves undocumented. */
  undocumented?: string[];
}

const modules: Module[] = [
  {
    name: "measures",
    spec: measuresSpec as TableSpec<never>,
    fieldNames: () => Object.keys({ ...measureFields, ...measureListFields }),
    item: measureItem,
    list: listMeasures,
    undocumented: ["adoptedOnPrecision", "inForceOnPrecision", "notifiedOnPrecision", "repealedOnPrecision"],
  },
  {
    name: "transpositions",
    spec: transpositionsSpec as TableSpec<never>,
    fieldNames: () => Object.keys({ ...transpositionFields, ...transpositionListFields }),
    item: transpositionItem,
    list: listTranspositions,
  },
  {
    name: "provisions",
    spec: provisionsSpec as TableSpec<never>,
    fieldNames: (q, a) => Object.keys({ ...provisionFields, ...provisionCountFields(q, a) }),
    item: provisionItem,
    list: listProvisions,
  },
  {
    name: "obligations",
    spec: obligationsSpec as TableSpec<never>,
    fieldNames: (q, a) => Object.keys({ ...obligationFields, ...obligationListFields(q, a) }),
    item: obligationItem,
    list: listObligations,
  },
];

/**
 * The rows of a table without a browse page, read straight from its module (select, conditions, order): what the API's
 * source must give too.
 */
function moduleRows<F extends Fields>(
  select: (db: Db, fields: F) => { where(w: SQL | undefined): { orderBy(...o: SQL[]): { limit(n: number): { all(): unknown[] } } } },
  fields: F,
  conditions: (query: TableQuery, asOf: AsOf) => SQL[],
  spec: TableSpec<never>,
  id: SQLiteColumn,
) {
  return (db: Db, query: TableQuery, asOf: AsOf): TablePage<unknown> => {
    const rows = select(db, fields)
      .where(and(...conditions(query, asOf)))
      .orderBy(...orderBy(spec.columns, query, id))
      .limit(100)
      .all();
    return { rows, total: rows.length };
  };
}

modules.push(
  {
    name: "notifications",
    spec: notificationsSpec as TableSpec<never>,
    fieldNames: () => Object.keys(notificationFields),
    item: notificationItem,
    list: moduleRows(selectNotifications, notificationFields, notificationConditions, notificationsSpec as TableSpec<never>, notifications.id),
  },
  {
    name: "infringements",
    spec: infringementsSpec as TableSpec<never>,
    fieldNames: () => Object.keys(infringementFields),
    item: infringementItem,
    list: moduleRows(selectInfringements, infringementFields, infringementConditions, infringementsSpec as TableSpec<never>, infringements.id),
  },
  {
    name: "member-states",
    spec: memberStatesSpec as TableSpec<never>,
    fieldNames: () => Object.keys(memberStateFields),
    item: memberStateItem,
    list: moduleRows(selectMemberStates, memberStateFields, memberStateConditions, memberStatesSpec as TableSpec<never>, memberStates.code),
  },
  {
    name: "instruments",
    spec: instrumentsSpec as TableSpec<never>,
    fieldNames: () => Object.keys(instrumentFields),
    item: instrumentItem,
    list: moduleRows(selectInstruments, instrumentFields, instrumentConditions, instrumentsSpec as TableSpec<never>, instruments.id),
  },
);

const today = resolveAsOf(undefined);

describe.each(modules)("the $name table's module", (m) => {
  const { query } = parseTableQuery(m.spec, { page_size: "100" });

  it("is what the registry serves: its spec and its item schema", () => {
    expect(apiTables[m.name].spec).toBe(m.spec);
    expect(apiTables[m.name].item).toBe(m.item);
    expect(itemSchemas[m.name as keyof typeof itemSchemas]).toBe(m.item);
  });

  it("documents every field of its row in the API item, and nothing else", () => {
    const fields = m.fieldNames(query, today);
    const documented = Object.keys(m.item.shape);
    expect(documented.filter((k) => !fields.includes(k))).toEqual([]);
    expect(fields.filter((k) => !documented.includes(k))).toEqual(m.undocumented ?? []);
  });

  it("has unique column ids, and a default sort among its sortable columns", () => {
    const ids = m.spec.columns.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(m.spec.columns.find((c) => c.id === m.spec.defaultSort.id)?.sortSql).toBeDefined();
  });

  it("gives the page and the API the same rows, with the fields of its row type, each parsing as an API item", () => {
    const page = m.list(h.db, query, today).rows as Record<string, unknown>[];
    expect(page.length).toBeGreaterThan(0);
    const t = apiTables[m.name];
    const api = pageTable(h.db, t.source!, t.spec.columns, query, today, null, 100).rows as Record<string, unknown>[];
    expect(api).toEqual(page);
    for (const row of api) {
      expect(Object.keys(row)).toEqual(m.fieldNames(query, today));
      expect(m.item.safeParse(row).error).toBeUndefined();
    }
  });

  it("gives every column a CSV cell: a plain value from every row", () => {
    const rows = m.list(h.db, query, today).rows;
    for (const row of rows)
      for (const c of m.spec.columns) {
        const v = c.value(row as never);
        expect(v === null || ["string", "number", "boolean"].includes(typeof v), `${m.name}.${c.id}`).toBe(true);
      }
  });
});

it("gives every correspondence column a CSV cell in SQL (else the export falls back to building rows)", () => {
  expect(Object.keys(transpositionCsvCells(today))).toEqual(transpositionsSpec.columns.map((c) => c.id));
});

describe("a national measure's French and German working titles", () => {
  it("are written through the audited, versioned write path and served by the API item and the CSV columns", () => {
    const id = h.sqlite.prepare("select id from national_measures where key = 'fr-loi-2004-801'").pluck().get() as number;
    const before = measureWriter.snapshot(h.db, id)!;
    expect(before).toMatchObject({ workingTitleFr: null, workingTitleDe: null });
    const { id: _id, version, eli: _eli, eurLexNimNumber: _nim, ...fields } = before;
    const input = measureInput.parse({ ...fields, workingTitleFr: "  Loi relative à la protection des personnes physiques  ", workingTitleDe: "" });
    const editor = { kind: "user" as const, id: 1, email: "e@example.eu", name: "E", role: "editor" as const, memberStateCode: null };
    updateRecord(h.db, measureWriter, id, version as number, input, { actor: editor });
    // A second save from the same version is refused: optimistic concurrency.
    expect(() => updateRecord(h.db, measureWriter, id, version as number, input, { actor: editor })).toThrow(ConflictError);
    const audit = h.sqlite
      .prepare("select after from audit_events where entity = 'national_measure' and record_id = ? order by id desc limit 1")
      .pluck()
      .get(String(id)) as string;
    expect(JSON.parse(audit)).toMatchObject({ workingTitleFr: "Loi relative à la protection des personnes physiques", workingTitleDe: null });

    const { query } = parseTableQuery(measuresSpec, { page_size: "100", q: "2004-801" });
    const row = listMeasures(h.db, query, today).rows.find((r) => r.key === "fr-loi-2004-801")!;
    expect(measureItem.parse(row)).toMatchObject({ workingTitleFr: "Loi relative à la protection des personnes physiques", workingTitleDe: null });
    const column = (cid: string) => measuresSpec.columns.find((c) => c.id === cid)!;
    expect(column("working_title_fr").value(row)).toBe("Loi relative à la protection des personnes physiques");
    expect(column("working_title_de").value(row)).toBeNull();
    expect(measureItem.shape.workingTitleFr.description).toMatch(/French working title/);
  });
});
