import { memoOnContent } from "@/db/cache/memo";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { loadObligationMatrix, loadPropertyMatrix, loadProvisionMatrix, nationalProvisionsForInstrument, provisionHeadings } from "@/db/queries/gap-matrix";
import { loadInventorySnapshot } from "@/db/queries/inventory-snapshot";
import { computeObligationMatrix, computePropertyMatrix, computeProvisionMatrix } from "@/lib/indicators/gap-matrix";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { freshDatabase } from "../helpers/db";

let h: DbHandle;
beforeAll(() => {
  h = freshDatabase();
  loadSeed(h, readSeed());
});

const idOf = (celex: string) => h.sqlite.prepare("select id from instruments where celex = ?").pluck().get(celex) as number;

describe("the gap matrix's texts", () => {
  it("gives the national provision of every correspondence of the instrument that names one, by state and provision", () => {
    const instrumentId = idOf("31995L0046");
    const texts = nationalProvisionsForInstrument(h.db, instrumentId);
    const art17 = h.sqlite.prepare("select id from provisions where instrument_id = ? and number = '17'").pluck().get(instrumentId) as number;
    expect(texts.get(`DE|${art17}`)).toMatch(/^§ 9 BDSG/);
    const expected = h.sqlite
      .prepare(
        "select t.state_code || '|' || t.provision_id as k, t.national_provision as np from transpositions t join provisions p on p.id = t.provision_id where p.instrument_id = ? and t.national_provision is not null",
      )
      .all(instrumentId) as { k: string; np: string }[];
    expect(expected.length).toBeGreaterThan(0);
    expect(new Map(expected.map((r) => [r.k, r.np]))).toEqual(texts);
  });

  it("leaves out correspondences without a national provision and other instruments' rows", () => {
    const instrumentId = idOf("31995L0046");
    const row = h.sqlite
      .prepare(
        "select t.id, t.state_code as s, t.provision_id as p from transpositions t join provisions p on p.id = t.provision_id where p.instrument_id = ? limit 1",
      )
      .get(instrumentId) as { id: number; s: string; p: number };
    h.sqlite.prepare("update transpositions set national_provision = null where id = ?").run(row.id);
    const texts = nationalProvisionsForInstrument(h.db, instrumentId);
    expect(texts.has(`${row.s}|${row.p}`)).toBe(false);
    const headings = provisionHeadings(h.db, instrumentId);
    for (const key of texts.keys()) expect(headings.has(Number(key.split("|")[1]))).toBe(true);
  });
});

describe("the obligation and security-property matrices, kept while the inventory is unchanged", () => {
  const TODAY = new Date().toISOString().slice(0, 10);
  const whole = () => loadInventorySnapshot(h.db, TODAY);

  it("equal the matrices computed from the whole inventory, for every order and date, and are reused on the next ask", () => {
    for (const asOf of ["2003-12-31", TODAY])
      for (const order of [
        { rows: "name", cols: "document" },
        { rows: "gap", cols: "gap" },
      ] as const) {
        const obligationsMatrix = loadObligationMatrix(h.db, asOf, order, TODAY);
        expect(obligationsMatrix).toEqual(computeObligationMatrix(whole(), asOf, order));
        expect(loadObligationMatrix(h.db, asOf, order, TODAY)).toBe(obligationsMatrix);
        expect(loadPropertyMatrix(h.db, asOf, order, TODAY)).toEqual(computePropertyMatrix(whole(), asOf, order));
      }
  });

  it("are computed afresh after a write", () => {
    const order = { rows: "name", cols: "document" } as const;
    const before = loadPropertyMatrix(h.db, TODAY, order, TODAY);
    const row = h.sqlite
      .prepare(
        "select id, status from transpositions where status = 'full' and provision_id in (select provision_id from provision_obligations) order by id limit 1",
      )
      .get() as { id: number; status: string };
    h.sqlite.prepare("update transpositions set status = 'partial' where id = ?").run(row.id);
    const after = loadPropertyMatrix(h.db, TODAY, order, TODAY);
    expect(after).not.toEqual(before);
    expect(after).toEqual(computePropertyMatrix(whole(), TODAY, order));
    h.sqlite.prepare("update transpositions set status = ? where id = ?").run(row.status, row.id);
  });
});

describe("one instrument's states × provisions matrix, kept while the inventory is unchanged", () => {
  const TODAY = new Date().toISOString().slice(0, 10);

  it("equals the matrix and texts read afresh, is reused on the next ask, and is read afresh after a write", () => {
    const instrumentId = idOf("31995L0046");
    const order = { rows: "gap", cols: "document" } as const;
    const view = loadProvisionMatrix(h.db, instrumentId, "2005-06-30", order, TODAY);
    expect(view.matrix).toEqual(computeProvisionMatrix(loadInventorySnapshot(h.db, TODAY), instrumentId, "2005-06-30", order));
    expect(view.nationalProvisions).toEqual(nationalProvisionsForInstrument(h.db, instrumentId));
    expect(view.headings).toEqual(provisionHeadings(h.db, instrumentId));
    expect(loadProvisionMatrix(h.db, instrumentId, "2005-06-30", order, TODAY)).toBe(view);
    const row = h.sqlite
      .prepare(
        "select t.id, t.national_provision as np from transpositions t join provisions p on p.id = t.provision_id where p.instrument_id = ? and t.national_provision is not null limit 1",
      )
      .get(instrumentId) as { id: number; np: string };
    h.sqlite.prepare("update transpositions set national_provision = 'Art. 99 (changed)' where id = ?").run(row.id);
    const after = loadProvisionMatrix(h.db, instrumentId, "2005-06-30", order, TODAY);
    expect(after).not.toBe(view);
    expect([...after.nationalProvisions.values()]).toContain("Art. 99 (changed)");
    h.sqlite.prepare("update transpositions set national_provision = ? where id = ?").run(row.np, row.id);
  });

  it("has a group of its own: viewing many instruments does not push out the costly views", () => {
    const order = { rows: "name", cols: "document" } as const;
    const costly = loadObligationMatrix(h.db, TODAY, order, TODAY);
    const ids = h.sqlite.prepare("select id from instruments").pluck().all() as number[];
    for (let i = 0; i < 80; i++) loadProvisionMatrix(h.db, ids[i % ids.length]!, `2010-01-${String((i % 28) + 1).padStart(2, "0")}`, order, TODAY);
    expect(loadObligationMatrix(h.db, TODAY, order, TODAY)).toBe(costly);
    // The default group keeps its own bound: 80 other results in it do push the oldest out.
    for (let i = 0; i < 80; i++) memoOnContent(h.db, `test|${i}`, TODAY, () => i);
    expect(loadObligationMatrix(h.db, TODAY, order, TODAY)).not.toBe(costly);
  });
});
