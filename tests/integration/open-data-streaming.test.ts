import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seededInventory } from "../helpers/inventory";

let h: DbHandle;
const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle };
const ROWS = 200_000;
const TITLE = "Synthetic measure for the streaming test, marked synthetic; ".repeat(8);

beforeAll(() => {
  h = seededInventory();
  globalForDb.inventoryDb = h;
  const source = (h.sqlite.prepare("select id from sources limit 1").get() as { id: number }).id;
  const insert = h.sqlite.prepare(
    "insert into national_measures (key, state_code, title_original, title_english_is_working_translation, language, type, adopted_on, status, source_id, verification, is_synthetic) values (?, 'LU', ?, 0, 'fr', 'act', '2001-01-01', 'in_force', ?, 'unverified', 1)",
  );
  h.sqlite.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(`lu-synthetic-${i}`, `${TITLE}${i}`, source);
  })();
}, 240_000);
afterAll(() => {
  delete globalForDb.inventoryDb;
});

describe("CSV export streaming", () => {
  it(`streams ${ROWS.toLocaleString("en")} rows in chunks with bounded memory, and every row arrives`, async () => {
    const { GET } = await import("@/app/api/v1/export/[file]/route");
    global.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    const started = performance.now();
    const res = await GET(new Request("http://localhost/api/v1/export/measures.csv?state=LU"), { params: Promise.resolve({ file: "measures.csv" }) });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let bytes = 0;
    let chunks = 0;
    let lines = 0;
    let peak = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks++;
      bytes += value.length;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
      if (chunks % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      JSON.stringify({
        rows: ROWS,
        bytes,
        chunks,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round(ROWS / seconds),
        peakHeapGrowthMB: Math.round(peak / 1e6),
      }),
    );
    // Header + the synthetic rows + the state's real measures.
    expect(lines).toBeGreaterThan(ROWS);
    expect(bytes).toBeGreaterThan(100_000_000);
    expect(chunks).toBeGreaterThan(1000);
    // The body (> 100 MB as text, twice that as JS strings) is never held whole.
    expect(peak).toBeLessThan(64_000_000);
  }, 120_000);

  it("lets other requests use the database while an export is open", async () => {
    const { GET } = await import("@/app/api/v1/export/[file]/route");
    const { GET: list } = await import("@/app/api/v1/measures/route");
    const res = await GET(new Request("http://localhost/api/v1/export/measures.csv?state=LU"), { params: Promise.resolve({ file: "measures.csv" }) });
    const reader = res.body!.getReader();
    await reader.read();
    const page = await list(new Request("http://localhost/api/v1/measures?state=DE&limit=2"));
    expect(page.status).toBe(200);
    await reader.cancel();
  });
});
