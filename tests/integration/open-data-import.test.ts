import { and, eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, submissions, transpositions } from "@/db/schema";
import type { ImportEvent } from "@/server/import/run";
import type { Actor } from "@/lib/policy";
import { actorByEmail, seededInventory } from "../helpers/inventory";

// The route reads the caller from the session (server/api-route.ts): here, the actor each call names.
let caller: Actor = { kind: "anonymous" };
vi.mock("@/server/auth/actor", () => ({ getActor: async () => caller }));

let h: DbHandle;
const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle };
let exportGET: (r: Request, c: { params: Promise<{ file: string }> }) => Promise<Response>;
let importPOST: (r: Request) => Promise<Response>;

beforeAll(async () => {
  h = seededInventory();
  globalForDb.inventoryDb = h;
  exportGET = (await import("@/app/api/v1/export/[file]/route")).GET;
  importPOST = (await import("@/app/import/run/route")).POST;
});
afterAll(() => {
  delete globalForDb.inventoryDb;
});

async function exportCsv(qs: string): Promise<string> {
  // As of 2010, while the German Data Protection Act the seeded rows cite was in force (it was replaced in 2018).
  const res = await exportGET(new Request(`http://localhost/api/v1/export/transpositions.csv?${qs}&as_of=2010-01-01`), {
    params: Promise.resolve({ file: "transpositions.csv" }),
  });
  return res.text();
}

async function post(
  actor: Actor,
  fields: Record<string, string>,
  csv: string | Uint8Array,
  headers: Record<string, string> = { origin: "http://localhost", host: "localhost" },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([csv as BlobPart], { type: "text/csv" }), "table.csv");
  caller = actor;
  const res = await importPOST(new Request("http://localhost/import/run", { method: "POST", body: form, headers }));
  if (!res.headers.get("content-type")?.startsWith("application/x-ndjson")) return { res, events: [] as ImportEvent[] };
  const events = (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ImportEvent);
  return { res, events };
}
const reportOf = (events: ImportEvent[]) => (events.find((e) => e.type === "report") as Extract<ImportEvent, { type: "report" }>).report;

describe("correspondence CSV import", () => {
  it("round trip: an exported correspondence table imports with no changes; an edited one yields exactly the edits", async () => {
    const editor = actorByEmail(h, "editor@example.eu");
    // More rows first, one with a note a spreadsheet would read as a formula (neutralised in the export, restored on import).
    const seeded = await post(
      editor,
      { mode: "apply", state: "DE", instrument: "31995L0046" },
      "article,national_provision,status,relation,note\r\n16,§ 5 BDSG,full,equal,\r\n18,§ 4d BDSG,partial,subset,-only for automated processing\r\nAnnex I,,not_applicable,,\r\n".replace(
        "Annex I,,not_applicable,,\r\n",
        "",
      ),
    );
    expect(seeded.events.find((e) => e.type === "applied")).toMatchObject({ changes: 2 });
    const exported = await exportCsv("state=DE&instrument=31995L0046");
    expect(exported).toContain("'-only for automated processing");
    const lines = exported.trimEnd().split("\r\n");
    expect(lines.length).toBeGreaterThan(3);
    const same = reportOf((await post(editor, { mode: "validate", state: "DE", instrument: "31995L0046" }, exported)).events);
    expect(same.errors).toEqual([]);
    expect(same.summary).toMatchObject({ rows: lines.length - 1, create: 0, update: 0, unchanged: lines.length - 1 });

    const header = lines[0]!.split(",");
    const statusAt = header.indexOf("status");
    const cells = lines[1]!.split(",");
    const newStatus = cells[statusAt] === "partial" ? "non_conforming" : "partial";
    cells[statusAt] = newStatus;
    const edited = [lines[0], cells.join(","), ...lines.slice(2)].join("\r\n") + "\r\n";
    const { events } = await post(editor, { mode: "apply", state: "DE", instrument: "31995L0046" }, edited);
    const report = reportOf(events);
    expect(report.summary).toMatchObject({ update: 1, create: 0 });
    expect(report.rows.find((r) => r.action === "update")!.changes.map((c) => c.field)).toContain("status");
    expect(events.at(-1)).toMatchObject({ type: "progress", phase: "apply" });
    expect(events.find((e) => e.type === "applied")).toEqual({ type: "applied", mode: "direct", changes: 1 });
    const audit = h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "transposition"), eq(auditEvents.reason, "CSV import table.csv")))
      .all();
    expect(audit).toHaveLength(3);
    // The export now shows exactly the edit; only the assessment time of the edited row moved.
    const withoutAssessedAt = (csv: string) => (parse(csv) as string[][]).map((r) => r.filter((_, i) => i !== header.indexOf("assessed_at")));
    expect(withoutAssessedAt(await exportCsv("state=DE&instrument=31995L0046"))).toEqual(withoutAssessedAt(edited));
  });

  it("keeps Greek and Bulgarian text byte for byte through import and export", async () => {
    const editor = actorByEmail(h, "editor@example.eu");
    const text =
      'article,national_provision,status,relation,measure,note\r\n16,"Άρθρο 10, παρ. 1 ν. 2472/1997",partial,subset,,"Чл. 23 от Закона за защита на личните данни; ""бележка"""\r\n';
    const { events } = await post(editor, { mode: "apply", state: "EL", instrument: "31995L0046" }, text);
    expect(events.find((e) => e.type === "applied")).toMatchObject({ mode: "direct", changes: 1 });
    const exported = await exportCsv("state=EL&instrument=31995L0046");
    expect(exported).toContain('"Άρθρο 10, παρ. 1 ν. 2472/1997"');
    expect(exported).toContain('"Чл. 23 от Закона за защита на личните данни; ""бележка"""');
  });

  it("applies nothing when one row is bad, and reports it by line", async () => {
    const editor = actorByEmail(h, "editor@example.eu");
    const before = h.db.select().from(transpositions).where(eq(transpositions.stateCode, "IT")).all();
    const csv = "article,status\r\n16,full\r\n17,fully\r\n";
    const { events } = await post(editor, { mode: "apply", state: "IT", instrument: "31995L0046" }, csv);
    expect(reportOf(events).errors).toEqual([{ line: 3, column: "status", message: expect.stringContaining("Unknown status") }]);
    expect(events.at(-1)).toMatchObject({ type: "error", message: expect.stringContaining("Nothing was applied") });
    expect(h.db.select().from(transpositions).where(eq(transpositions.stateCode, "IT")).all()).toEqual(before);
  });

  it("turns a regulator's import into one pending submission for its own state, and refuses another state", async () => {
    const fr = actorByEmail(h, "regulator.fr@example.eu");
    const csv = "article,national_provision,status\r\n17,Art. 34 loi 78-17,full\r\nAnnex II,,not_applicable\r\n";
    const before = h.db.select().from(transpositions).all().length;
    const { events } = await post(fr, { mode: "apply", state: "FR", instrument: "31999L0093" }, csv.replace("17,", "2,"));
    const applied = events.find((e) => e.type === "applied") as Extract<ImportEvent, { type: "applied" }>;
    expect(applied).toMatchObject({ mode: "submission" });
    const sub = h.db.select().from(submissions).where(eq(submissions.id, applied.submissionId!)).get()!;
    expect(sub).toMatchObject({ stateCode: "FR", status: "pending" });
    expect(h.db.select().from(transpositions).all().length).toBe(before);
    const other = await post(fr, { mode: "apply", state: "DE", instrument: "31999L0093" }, csv);
    expect(other.res.status).toBe(403);
    expect(other.res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses cross-site posts, anonymous users, researchers, bad fields and bad files with one clear message", async () => {
    const editor = actorByEmail(h, "editor@example.eu");
    const ok = { mode: "validate", state: "DE", instrument: "31995L0046" };
    expect((await post(editor, ok, "article,status\r\n17,full\r\n", { origin: "https://evil.example", host: "localhost" })).res.status).toBe(403);
    expect((await post({ kind: "anonymous" }, ok, "article,status\r\n17,full\r\n")).res.status).toBe(401);
    expect((await post(actorByEmail(h, "researcher@example.eu"), ok, "a")).res.status).toBe(403);
    const bad = await post(editor, { ...ok, state: "Germany" }, "a");
    expect(bad.res.status).toBe(400);
    expect(((await bad.res.json()) as { errors: Record<string, string[]> }).errors.state).toBeTruthy();
    const latin1 = reportOf((await post(editor, ok, new Uint8Array([0x61, 0x72, 0x74, 0xe9]))).events);
    expect(latin1.fileError).toContain("not UTF-8");
    expect(reportOf((await post(editor, ok, "")).events).fileError).toBe("The file is empty.");
  });

  it("answers every hostile file with a clear report and writes nothing", async () => {
    const editor = actorByEmail(h, "editor@example.eu");
    const apply = { mode: "apply", state: "IT", instrument: "31995L0046" };
    const count = () => ({
      transpositions: h.db.select().from(transpositions).all().length,
      submissions: h.db.select().from(submissions).all().length,
      audit: h.db.$client.prepare("select count(*) from audit_events").pluck().get() as number,
    });
    const before = count();
    const encoder = new TextEncoder();
    const files: [string, Uint8Array | string, (r: ReturnType<typeof reportOf>) => void][] = [
      ["malformed UTF-8", new Uint8Array([0x61, 0x72, 0x74, 0x69, 0x63, 0x6c, 0x65, 0x0a, 0xc3, 0x28]), (r) => expect(r.fileError).toContain("not UTF-8")],
      ["a lone continuation byte", new Uint8Array([...encoder.encode("article,status\r\n17,"), 0x80, 0x0a]), (r) => expect(r.fileError).toContain("not UTF-8")],
      [
        "CR-only lines with a bad row",
        "article,status\r16,full\r17,fully\r",
        (r) => expect(r.errors).toEqual([{ line: 3, column: "status", message: expect.stringContaining("Unknown status") }]),
      ],
      ["a BOM and a bad row", "\uFEFFarticle,status\r\n99,full\r\n", (r) => expect(r.errors[0]).toMatchObject({ line: 2, column: "article" })],
      [
        "quotes in quotes, then a bad row",
        'article,national_provision,status\r\n16,"Art. ""7"" bis, al. 2",full\r\n17,"unterminated ""quote",nope\r\n',
        (r) => expect(r.errors).toEqual([{ line: 3, column: "status", message: expect.stringContaining("Unknown status") }]),
      ],
      ["an unterminated quote", 'article,status\r\n"17,full\r\n', (r) => expect(r.fileError).toMatch(/not a readable CSV/)],
      [
        "a formula with a bare quote",
        'article,national_provision,status\r\n16,=HYPERLINK("x"),full\r\n',
        (r) => expect(r.fileError).toMatch(/not a readable CSV file \(line 2\)/),
      ],
      [
        "formula cells beside a bad row",
        'article,national_provision,status,note\r\n16,"=HYPERLINK(""http://x"")",full,@SUM(A1)\r\n17,+cmd|\' /C calc\'!A0,maybe,-2+3\r\n',
        (r) => expect(r.errors).toEqual([{ line: 3, column: "status", message: expect.stringContaining("Unknown status") }]),
      ],
      [
        "the right header with another state's rows",
        "state,instrument,provision,status\r\nDE,31995L0046,Art. 16,full\r\nFR,31995L0046,Art. 17,full\r\n",
        (r) =>
          expect(r.errors.map((e) => [e.line, e.column])).toEqual([
            [2, "state"],
            [3, "state"],
          ]),
      ],
      ["20,001 rows", "article,status\r\n" + "17,full\r\n".repeat(20_001), (r) => expect(r.fileError).toContain("at most 20000")],
      ["5 MB and 1 byte", new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), (r) => expect(r.fileError).toContain("larger than 5 MB")],
      ["NUL bytes", new Uint8Array([0x61, 0x00, 0x00, 0x0a]), (r) => expect(r.fileError).toBeTruthy()],
    ];
    for (const [name, file, check] of files) {
      const { res, events } = await post(editor, apply, file);
      expect(res.status, name).toBeLessThan(500);
      if (events.length === 0) {
        // Refused before reading (too large for the form): a problem document that says why.
        expect(res.status, name).toBeGreaterThanOrEqual(400);
        expect(JSON.stringify(await res.json()), name).toMatch(/5 MB|too large|larger/i);
        expect(count(), name).toEqual(before);
        continue;
      }
      const report = reportOf(events);
      check(report);
      expect(
        events.some((e) => e.type === "applied"),
        name,
      ).toBe(false);
      expect(count(), name).toEqual(before);
    }
  }, 120_000);
});
