/**
 * The CSV export read by several threads (server/export/parallel-csv.ts): the same bytes as one reader gives, in
 * order, from one snapshot; the readers are given back whatever happens (end, client gone, failure), and an export
 * whose readers cannot agree on a snapshot is left to one reader.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { csvPartsByState, iterateCsvCells } from "@/db/queries/export";
import type { CsvValue } from "@/lib/csv";
import { csvLine } from "@/lib/csv-stream";
import type { ColumnSpec } from "@/lib/table-types";
import { exportCsvBody } from "@/server/export/csv-export";
import { borrowCsvReaders, type CsvReader } from "@/server/export/csv-readers";
import type { ReaderReply, ReaderRequest } from "@/server/export/csv-reader-protocol";
import { parallelCsvStream } from "@/server/export/parallel-csv";
import { parseParams } from "@/server/export/params";
import { apiTables } from "@/server/export/registry";
import { seededInventory } from "../helpers/inventory";

let h: DbHandle;
const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle };

beforeAll(() => {
  h = seededInventory();
  globalForDb.inventoryDb = h;
  // Enough rows in several states that parts span many chunks: 3,000 provisions' rows for each of four states.
  const s = h.sqlite;
  const provisionIds = (s.prepare("select id from provisions order by id").all() as { id: number }[]).map((p) => p.id);
  const row = s.prepare(
    "insert or ignore into transpositions (state_code, provision_id, status, relation, national_provision, note, verification) values (?, ?, 'partial', 'subset', ?, ?, 'unverified')",
  );
  s.transaction(() => {
    for (const state of ["AT", "BE", "LU", "SE"])
      for (const p of provisionIds) row.run(state, p, `=Art. ${p}, "${state}"`, `note ${"x".repeat(200)}\r\nline two`);
  })();
}, 120_000);
afterAll(() => {
  delete globalForDb.inventoryDb;
  h.sqlite.close();
});

function parse(qs: string) {
  const t = apiTables.transpositions;
  const parsed = parseParams(t.spec, "csv", new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { t, columns: t.spec.columns as readonly ColumnSpec<unknown>[], ...parsed.table };
}

/** The export as one reader gives it: one statement, in the export's order. */
function alone(qs: string): { text: string; rows: number } {
  const { t, columns, query, asOf } = parse(qs);
  let text = csvLine(columns.map((c) => c.id));
  let rows = 0;
  const cells = iterateCsvCells(h.db, t.source!, columns, query, asOf);
  for (let next = cells.next(); !next.done; next = cells.next(), rows++) text += csvLine(next.value as CsvValue[]);
  return { text, rows };
}

/** Whether an export could borrow the threads now (given back at once). */
function readersFree(): boolean {
  const borrowed = borrowCsvReaders(2);
  borrowed?.release();
  return borrowed !== null;
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder().decode(await new Response(stream).arrayBuffer());
}

describe("the CSV export read by several threads", () => {
  it("gives the bytes one reader gives, for every order and filter it can be cut by", async () => {
    const views = ["", "sort=-state", "state=LU,AT", "state=SE,BE,LU&sort=-state", "status=partial", "as_of=2004-06-30", "as_of=2099-01-01&q=daten"];
    // Parts of one state each, and of one state's rows in one range of ids each (as at scale, where a state has 100,000).
    for (const [qs, idsPerPart] of views.flatMap((v) => [[v, undefined] as const, [v, 5] as const])) {
      const { t, columns, query, asOf } = parse(qs);
      const cut = csvPartsByState(h.db, t.source!, columns, query, asOf, idsPerPart)!;
      expect(cut.parts.length, qs).toBeGreaterThan(idsPerPart ? 2 * (query.state.length || 27) : 1);
      // The previous view's readers are given back once they have ended their read transactions.
      const borrowed = await vi.waitUntil(() => borrowCsvReaders(2));
      const closed: { rows: number }[] = [];
      const stream = await parallelCsvStream(
        borrowed.readers,
        borrowed.release,
        { path: h.path, header: columns.map((c) => c.id), ...cut },
        { onClose: (r) => closed.push(r) },
      );
      const expected = alone(qs);
      expect(expected.rows, qs).toBeGreaterThan(0);
      expect(await text(stream!), qs).toBe(expected.text);
      expect(closed, qs).toEqual([{ rows: expected.rows }]);
    }
  }, 120_000);

  it("is not cut when the order does not begin with the Member State, or the export is of one state", () => {
    for (const qs of ["sort=provision", "sort=-national_provision", "state=LU"]) {
      const { t, columns, query, asOf } = parse(qs);
      expect(csvPartsByState(h.db, t.source!, columns, query, asOf), qs).toBeNull();
    }
  });

  it("takes the threads through the export route's body, and gives them back when the export ends or the client goes", async () => {
    const before = process.env.CSV_EXPORT_READERS;
    process.env.CSV_EXPORT_READERS = "2";
    try {
      const { t, query, asOf } = parse("");
      const body = await exportCsvBody(h.db, h.path, t as never, query, asOf, { bom: true });
      const reader = body.getReader();
      const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
      let whole = decoder.decode((await reader.read()).value, { stream: true });
      // While it runs, the threads are lent to it.
      expect(borrowCsvReaders(2)).toBeNull();
      for (let r = await reader.read(); !r.done; r = await reader.read()) whole += decoder.decode(r.value, { stream: true });
      expect(whole).toBe("\uFEFF" + alone("").text);
      await expect.poll(readersFree).toBe(true);

      let cancelled: { rows: number; cancelled?: boolean } | undefined;
      const gone = await exportCsvBody(h.db, h.path, t as never, query, asOf, { onClose: (r) => (cancelled = r) });
      const goneReader = gone.getReader();
      await goneReader.read();
      await goneReader.read();
      await goneReader.cancel();
      expect(cancelled?.cancelled).toBe(true);
      await expect.poll(readersFree).toBe(true);
      // The threads read again after a client left mid-way.
      expect(await text(await exportCsvBody(h.db, h.path, t as never, query, asOf))).toBe(alone("").text);

      // HEAD (the bench's probe, a link checker's) reads nothing: the threads stay free for the GET after it.
      const { HEAD } = await import("@/app/api/v1/export/[file]/route");
      await expect.poll(readersFree).toBe(true);
      const head = await HEAD(new Request("http://localhost/api/v1/export/transpositions.csv", { method: "HEAD" }), {
        params: Promise.resolve({ file: "transpositions.csv" }),
      });
      expect(head.status).toBe(200);
      expect(head.headers.get("content-type")).toContain("text/csv");
      expect(head.body).toBeNull();
      expect(readersFree()).toBe(true);
    } finally {
      if (before === undefined) delete process.env.CSV_EXPORT_READERS;
      else process.env.CSV_EXPORT_READERS = before;
    }
  }, 120_000);
});

/** A reader that answers from memory: `parts[i]` are part i's chunks; `version` what its snapshot reads. */
function fakeReader(version: () => string, parts: string[][], options: { delayMs?: number; failOnPart?: number } = {}) {
  const asked: ReaderRequest["type"][] = [];
  const given = new Map<number, number>();
  const reader: CsvReader = {
    async ask(request) {
      asked.push(request.type);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      if (request.type === "open") return { type: "opened", version: version() } satisfies ReaderReply;
      if (request.type === "close") return { type: "closed" };
      if (request.part === options.failOnPart) throw new Error("disk I/O error");
      const n = given.get(request.part) ?? 0;
      given.set(request.part, n + 1);
      const chunks = parts[request.part]!;
      const bytes = new TextEncoder().encode(chunks[n] ?? "");
      return { type: "chunk", part: request.part, bytes, rows: chunks[n] ? 1 : 0, done: n + 1 >= chunks.length };
    },
  };
  return { reader, asked };
}

describe("the order, the snapshot and failures of the parallel export", () => {
  const csv = (n: number) => ({ path: "unused", sql: "unused", parts: Array.from({ length: n }, (_, i) => [i]), skipAt: -1, header: ["a"] });
  const partsText = (n: number) => Array.from({ length: n }, (_, p) => Array.from({ length: 3 + (p % 4) }, (_, c) => `${p}.${c}\r\n`));

  it("writes the parts in order whichever reader is faster", async () => {
    const parts = partsText(9);
    const slow = fakeReader(() => "v1", parts, { delayMs: 3 });
    const fast = fakeReader(() => "v1", parts);
    let released = 0;
    const stream = await parallelCsvStream([slow.reader, fast.reader], () => released++, csv(9));
    expect(await text(stream!)).toBe("a\r\n" + parts.flat().join(""));
    await expect.poll(() => released).toBe(1);
    expect(slow.asked.at(-1)).toBe("close");
    expect(fast.asked.at(-1)).toBe("close");
  });

  it("does not export when the readers keep reading different versions (a write between their first reads)", async () => {
    let n = 0;
    const a = fakeReader(() => `v${n++}`, partsText(2));
    const b = fakeReader(() => `v${n++}`, partsText(2));
    let released = 0;
    expect(await parallelCsvStream([a.reader, b.reader], () => released++, csv(2))).toBeNull();
    expect(released).toBe(1);
    expect(a.asked.filter((x) => x === "open").length).toBe(3);
    expect(a.asked.at(-1)).toBe("close");
  });

  it("exports once a retry finds one version", async () => {
    const versions = ["v1", "v2", "v2", "v2"];
    const a = fakeReader(() => versions.shift()!, partsText(2));
    const b = fakeReader(() => versions.shift()!, partsText(2));
    const stream = await parallelCsvStream([a.reader, b.reader], () => {}, csv(2));
    expect(await text(stream!)).toBe("a\r\n" + partsText(2).flat().join(""));
  });

  it("fails the stream when a reader fails, and still gives the readers back", async () => {
    const a = fakeReader(() => "v1", partsText(6), { failOnPart: 4 });
    const b = fakeReader(() => "v1", partsText(6), { failOnPart: 4 });
    let released = 0;
    let closed: { error?: unknown } | undefined;
    const stream = await parallelCsvStream([a.reader, b.reader], () => released++, csv(6), { onClose: (r) => (closed = r) });
    await expect(text(stream!)).rejects.toThrow("disk I/O error");
    expect(String(closed?.error)).toContain("disk I/O error");
    await expect.poll(() => released).toBe(1);
  });
});
