import { beforeAll, describe, expect, it } from "vitest";
import { loadChartTable } from "@/db/queries/dashboard";
import { loadInventorySnapshot } from "@/db/queries/inventory-snapshot";
import { chartTable } from "@/lib/charts";
import type { ChartId } from "@/lib/dashboard-params";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { freshDatabase } from "../helpers/db";

const TODAY = new Date().toISOString().slice(0, 10);
const CHARTS: Exclude<ChartId, "timeline">[] = ["deficit", "delays", "coverage"];

describe("chart tables kept while the inventory is unchanged", () => {
  let handle: ReturnType<typeof freshDatabase>;
  const fresh = (id: ChartId, asOf: string) => chartTable(id, loadInventorySnapshot(handle.db, TODAY), asOf, null);

  beforeAll(() => {
    handle = freshDatabase();
    loadSeed(handle, readSeed());
  });

  it("gives each chart's table as computed from the whole inventory, and the kept one on the next ask", () => {
    for (const asOf of ["2003-12-31", TODAY])
      for (const id of CHARTS) {
        const first = loadChartTable(handle.db, id, asOf, TODAY, null);
        expect(first).toEqual(fresh(id, asOf));
        expect(loadChartTable(handle.db, id, asOf, TODAY, null)).toBe(first);
      }
  });

  it("computes afresh after a write, and the figures show it", () => {
    const before = loadChartTable(handle.db, "coverage", TODAY, TODAY, null);
    const row = handle.sqlite
      .prepare(
        "select t.id, t.status from transpositions t where t.status = 'full' and t.provision_id in (select provision_id from provision_obligations) order by t.id limit 1",
      )
      .get() as { id: number; status: string };
    handle.sqlite.prepare("update transpositions set status = 'not_transposed' where id = ?").run(row.id);
    const after = loadChartTable(handle.db, "coverage", TODAY, TODAY, null);
    expect(after).not.toBe(before);
    expect(after).not.toEqual(before);
    expect(after).toEqual(fresh("coverage", TODAY));
    handle.sqlite.prepare("update transpositions set status = ? where id = ?").run(row.status, row.id);
  });
});
