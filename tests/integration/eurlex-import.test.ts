/**
 * The EUR-Lex import from CELLAR to the database: preview → apply → audit, against the local fixture server
 * (tests/support/cellar-server.ts answering tests/fixtures/cellar/), on a seeded inventory.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, instrumentLineage, instruments, measureInstruments, nationalMeasures, notifications, sources } from "@/db/schema";
import { updateRecord } from "@/db/writes/entity";
import { measureWriter } from "@/db/writes/measures";
import { conflictChoice } from "@/lib/eurlex/plan";
import { MalformedResponseError } from "@/lib/eurlex/sparql-results";
import type { Actor } from "@/lib/policy";
import { measureInput } from "@/lib/validation/measure";
import { CellarUnavailableError, type CellarOptions } from "@/server/eurlex/client";
import { applyFetched, fetchForImport, planFetched, PreviewOutdatedError, UnknownCelexError } from "@/server/eurlex/import";
import { actorByEmail, seededInventory } from "../helpers/inventory";
import { startCellarServer, type CellarServer } from "../support/cellar-server";

let caller: Actor = { kind: "anonymous" };
vi.mock("@/server/auth/actor", () => ({ getActor: async () => caller }));

let h: DbHandle;
let editor: Extract<Actor, { kind: "user" }>;
let server: CellarServer;
const options = (extra: Partial<CellarOptions> = {}): CellarOptions => ({
  endpoint: server.url,
  pageSize: 5,
  timeoutMs: 5000,
  retries: 2,
  backoffMs: 0,
  maxBytes: 10 * 1024 * 1024,
  ...extra,
});
const auditCount = () =>
  h.db
    .select({ n: sql<number>`count(*)` })
    .from(auditEvents)
    .get()!.n;
const measureByKey = (key: string) => h.db.select().from(nationalMeasures).where(eq(nationalMeasures.key, key)).get();
const instrumentsOf = (id: number) =>
  h.db
    .select({ celex: instruments.celex })
    .from(measureInstruments)
    .innerJoin(instruments, eq(instruments.id, measureInstruments.instrumentId))
    .where(eq(measureInstruments.measureId, id))
    .all()
    .map((r) => r.celex)
    .sort();

beforeAll(async () => {
  h = seededInventory();
  editor = actorByEmail(h, "editor@example.eu");
  server = await startCellarServer();
});
afterAll(async () => {
  await server.close();
  h.sqlite.close();
});

describe("preview of a directive in the inventory (32002L0058)", () => {
  it("reads every page, maps countries and dates, matches existing measures and shows conflicts with verified values", async () => {
    const before = auditCount();
    const fetched = await fetchForImport("32002L0058", options());
    const measurePages = server.requests.filter((r) => r.kind === "measures" && r.celex === "32002L0058");
    expect(measurePages.map((r) => r.offset)).toEqual([0, 5, 10]);
    expect(fetched.rows).toBe(11);
    expect(fetched.measures).toHaveLength(8);

    const { plan } = planFetched(h.db, fetched);
    expect(auditCount()).toBe(before);
    expect(plan.instrument.status).toBe("existing");
    expect(plan.summary).toMatchObject({ notified: 8, new: 2, matched: 5, skipped: 1 });
    expect(plan.skipped).toEqual([{ celex: "72002L0058XYZ_200500001", reason: { code: "unknownCountry", country: "XYZ" } }]);

    const byCelex = new Map(plan.measures.map((m) => [m.celex, m]));
    const ttdsg = byCelex.get("72002L0058DEU_202103456");
    expect(ttdsg).toMatchObject({ kind: "matched", measureKey: "de-ttdsg-2021", matchedBy: "national_identifier" });
    if (ttdsg?.kind !== "matched") throw new Error("not matched");
    // The TTDSG is verified: a different title and publication reference are conflicts, missing dates are changes.
    expect(ttdsg.conflicts.map((c) => c.field).sort()).toEqual(["publicationReference", "titleOriginal"]);
    expect(ttdsg.changes.map((c) => c.field).sort()).toEqual(["eurLexNimNumber", "notifiedOn", "publishedOn"]);

    expect(byCelex.get("72002L0058DEU_200400812")).toMatchObject({ kind: "matched", measureKey: "de-tkg-2004", matchedBy: "title_and_date" });
    expect(byCelex.get("72002L0058FRA_200400931")).toMatchObject({ kind: "matched", measureKey: "fr-loi-2004-669", matchedBy: "title_and_date" });
    // GRC is EL in the inventory.
    expect(byCelex.get("72002L0058GRC_200600744")).toMatchObject({ kind: "matched", stateCode: "EL", measureKey: "el-n-3471-2006" });

    // GBR is UK; "S.I. 2003/2426" is not the verified "SI 2003/2426": a conflict, not a change.
    const uk = byCelex.get("72002L0058GBR_200301533");
    expect(uk).toMatchObject({ kind: "matched", stateCode: "UK", measureKey: "uk-pecr-2003", matchedBy: "title_and_date" });
    expect(uk?.kind === "matched" && uk.conflicts.map((c) => c.field)).toContain("nationalIdentifier");

    // One record for an act notified for three directives, linked to each in the inventory.
    const ordonnance = byCelex.get("72002L0058FRA_201101877");
    expect(ordonnance?.kind === "new" && ordonnance.input.instruments).toEqual(["32002L0058", "32009L0136", "32009L0140"]);

    // Placeholder dates are missing, not 1001; a javascript: link is dropped.
    const it = byCelex.get("72002L0058ITA_201200688");
    expect(it?.kind).toBe("new");
    if (it?.kind === "new") {
      expect(it.input.publishedOn).toBeNull();
      expect(it.input.inForceOn).toBeNull();
      expect(it.input.url).toBeNull();
      expect(it.input.adoptedOn).toBe("2012-05-28");
      expect(it.input.type).toBe("decree");
      expect(it.input.publicationReference).toBe("Gazzetta Ufficiale della Repubblica Italiana 126");
    }
  });

  it("applies in one transaction with an audit event per change, cites the source, and keeps verified values unless chosen", async () => {
    const fetched = await fetchForImport("32002L0058", options());
    const { plan, fingerprint } = planFetched(h.db, fetched);
    const ttdsg = plan.measures.find((m) => m.kind === "matched" && m.measureKey === "de-ttdsg-2021");
    if (ttdsg?.kind !== "matched") throw new Error("not matched");
    const verifiedReference = measureByKey("de-ttdsg-2021")!.publicationReference;
    const before = auditCount();

    const { result } = applyFetched(h.db, editor, fetched, {
      expectedFingerprint: fingerprint,
      chosenConflicts: new Set([conflictChoice(ttdsg.measureId, "titleOriginal")]),
      requestId: "req-eurlex-1",
    });
    expect(result).toMatchObject({ instrumentCreated: false, created: 2, conflictsTaken: 1 });
    const events = h.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.id} > (select max(id) from audit_events) - ${auditCount() - before}`)
      .all();
    expect(events).toHaveLength(result.created + result.updated + result.notificationsDated + result.lineageCreated);
    for (const e of events) {
      expect(e.reason).toBe(`EUR-Lex import 32002L0058 ${fetched.retrievedAt}`);
      expect(e.actorId).toBe(editor.id);
      expect(e.requestId).toBe("req-eurlex-1");
    }

    const de = measureByKey("de-ttdsg-2021")!;
    expect(de.titleOriginal).toContain("Telekommunikation-Telemedien-Datenschutz-Gesetz - TTDSG");
    expect(de.publicationReference).toBe(verifiedReference);
    expect(de.notifiedOn).toBe("2021-07-15");
    expect(de.eurLexNimNumber).toBe("72002L0058DEU_202103456");
    expect(de.verification).toBe("verified");

    expect(measureByKey("uk-pecr-2003")!.eurLexNimNumber).toBe("72002L0058GBR_200301533");
    const created = measureByKey("it-eurlex-201200688")!;
    expect(created).toMatchObject({
      stateCode: "IT",
      eurLexNimNumber: "72002L0058ITA_201200688",
      url: null,
      publishedOn: null,
      verification: "unverified",
      language: "it",
    });
    // The bulk path writes what the generic one would: the audit event's after is the record's snapshot.
    const createdEvent = h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "national_measure"), eq(auditEvents.recordId, String(created.id))))
      .all();
    expect(createdEvent).toHaveLength(1);
    expect(createdEvent[0]).toMatchObject({ action: "create", before: null, actorLabel: editor.email });
    expect(createdEvent[0]!.after).toEqual(JSON.parse(JSON.stringify(measureWriter.snapshot(h.db, created.id))));
    const source = h.db.select().from(sources).where(eq(sources.id, created.sourceId)).get()!;
    expect(source).toMatchObject({
      title: `EUR-Lex national transposition (official notification), retrieved ${fetched.retrievedAt.slice(0, 10)}`,
      kind: "official_journal",
      method: "official_notification",
      url: "https://eur-lex.europa.eu/legal-content/EN/NIM/?uri=CELEX:32002L0058",
    });
    // Notifications gain the date of the state's first notified measure where they had none; the principal stays the editors' choice.
    expect(plan.notifications.filter((n) => n.notifiedOn).length).toBe(result.notificationsDated);
    for (const n of plan.notifications) {
      const row = h.db.select().from(notifications).where(eq(notifications.id, n.notificationId)).get()!;
      if (n.notifiedOn) expect(row.notifiedOn).toBe(n.notifiedOn);
      if (n.suggestedPrincipal) expect(row.principalMeasureId).toBeNull();
    }
    expect(instrumentsOf(measureByKey("fr-eurlex-201101877")!.id)).toEqual(["32002L0058", "32009L0136", "32009L0140"]);

    // Run again: nothing new; only the conflict left unchosen remains.
    const again = planFetched(h.db, await fetchForImport("32002L0058", options())).plan;
    expect(again.summary.new).toBe(0);
    const left = again.measures.flatMap((m) => (m.kind === "matched" ? [m] : []));
    for (const m of left) expect(m.changes).toEqual([]);
    expect(left.find((m) => m.measureKey === "de-ttdsg-2021")?.conflicts.map((c) => c.field)).toEqual(["publicationReference"]);
  });

  it("refuses to apply when the inventory changed since the preview, and writes nothing", async () => {
    const fetched = await fetchForImport("32002L0058", options());
    const { fingerprint } = planFetched(h.db, fetched);
    const current = measureWriter.snapshot(h.db, measureByKey("de-ttdsg-2021")!.id)!;
    const input = measureInput.parse({
      stateCode: "DE",
      key: "de-ttdsg-2021",
      titleOriginal: current.titleOriginal,
      titleEnglishIsWorkingTranslation: true,
      language: "de",
      type: "act",
      publicationReference: "Bundesgesetzblatt Teil I 2021, S. 1982 (checked)",
      status: current.status,
      instruments: current.instruments,
      sourceMethod: "national_gazette",
      verification: "verified",
      nationalIdentifier: current.nationalIdentifier,
      adoptedOn: current.adoptedOn,
      url: current.url,
    });
    updateRecord(h.db, measureWriter, current.id, current.version, input, { actor: editor, reason: "meanwhile" });
    const before = auditCount();
    expect(() => applyFetched(h.db, editor, fetched, { expectedFingerprint: fingerprint })).toThrow(PreviewOutdatedError);
    expect(auditCount()).toBe(before);
  });
});

describe("a directive not in the inventory (32013L0040)", () => {
  it("creates the instrument with its metadata and audit event, and its notified measures", async () => {
    const fetched = await fetchForImport("32013L0040", options());
    const { plan, fingerprint } = planFetched(h.db, fetched);
    expect(plan.instrument).toMatchObject({
      status: "new",
      shortName: "2013/40/EU",
      type: "directive",
      adoptionDate: "2013-08-12",
      transpositionDeadline: "2015-09-04",
      ojReference: "OJ L 218, 14.8.2013",
      eli: "http://data.europa.eu/eli/dir/2013/40/oj",
    });
    expect(plan.lineage).toEqual([{ instrument: "32005F0222", relation: "repealed_by", successor: "32013L0040", status: "not_in_inventory" }]);
    const { result } = applyFetched(h.db, editor, fetched, { expectedFingerprint: fingerprint });
    expect(result).toMatchObject({ instrumentCreated: true, created: 3 });
    const row = h.db.select().from(instruments).where(eq(instruments.celex, "32013L0040")).get()!;
    expect(row.title).toMatch(/^Directive 2013\/40\/EU/);
    expect(
      h.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entity, "instrument"), eq(auditEvents.recordId, String(row.id))))
        .all(),
    ).toHaveLength(1);
    expect(
      h.db
        .select({ n: sql<number>`count(*)` })
        .from(measureInstruments)
        .where(eq(measureInstruments.instrumentId, row.id))
        .get()!.n,
    ).toBe(3);
  });

  it("records lineage to an instrument in the inventory (NIS repealed by NIS2)", async () => {
    const nis = h.db.select({ id: instruments.id }).from(instruments).where(eq(instruments.celex, "32016L1148")).get()!;
    const recorded = h.db.select().from(instrumentLineage).where(eq(instrumentLineage.instrumentId, nis.id)).all();
    const { plan } = planFetched(h.db, await fetchForImport("32016L1148", options()));
    expect(plan.lineage).toEqual([
      {
        instrument: "32016L1148",
        relation: "repealed_by",
        successor: "32022L2555",
        status: recorded.some((l) => l.relation === "repealed_by") ? "recorded" : "new",
      },
    ]);
  });
});

describe("a service that fails", () => {
  it("retries a 503 and goes on", async () => {
    const s = await startCellarServer({ failures: { "32016L1148:measures": [503] } });
    try {
      const fetched = await fetchForImport("32016L1148", { ...options(), endpoint: s.url });
      expect(fetched.measures.map((m) => m.stateCode).sort()).toEqual(["ES", "HR"]);
      expect(s.requests.filter((r) => r.kind === "measures").map((r) => r.status)).toEqual([503, 200]);
    } finally {
      await s.close();
    }
  });

  it("retries 429 and 500 on the metadata too, with backoff", async () => {
    const s = await startCellarServer({ failures: { "32013L0040:instrument": [429, 500] } });
    const waits: number[] = [];
    try {
      const fetched = await fetchForImport("32013L0040", { ...options({ backoffMs: 100 }), endpoint: s.url, sleep: async (ms) => void waits.push(ms) });
      expect(fetched.instrument.celex).toBe("32013L0040");
      expect(waits).toEqual([100, 200]);
    } finally {
      await s.close();
    }
  });

  it("refuses a malformed binding with the row that broke, and writes nothing", async () => {
    const before = auditCount();
    await expect(fetchForImport("31999L0093", options())).rejects.toThrow(MalformedResponseError);
    await expect(fetchForImport("31999L0093", options())).rejects.toThrow(/Row 2 of the endpoint's answer has a malformed value for \?dateDocument/);
    expect(auditCount()).toBe(before);
  });

  it("says when CELLAR has no act with the CELEX", async () => {
    await expect(fetchForImport("32099L9999", options())).rejects.toThrow(UnknownCelexError);
  });

  it("gives one line when the endpoint cannot be reached", async () => {
    // A port that was just free: nothing listens there.
    const closed = await startCellarServer();
    await closed.close();
    const port = new URL(closed.url).port;
    const error = await fetchForImport("32002L0058", options({ endpoint: closed.url, retries: 1 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CellarUnavailableError);
    expect((error as Error).message).toBe(`The EUR-Lex endpoint 127.0.0.1:${port} could not be reached (connection refused, 2 attempts); nothing was changed.`);
    expect((error as Error).message).not.toContain("\n");
  });
});

describe("the route handler never answers 5xx to bad input or a failing service", () => {
  const post = async (body: unknown, opts: Partial<CellarOptions> = {}, headers: Record<string, string> = {}) => {
    const { POST } = await import("@/app/staff/eurlex/run/route");
    const o = options(opts);
    // The route reads the caller from the session and the endpoint from the environment, as in production.
    caller = editor;
    const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle };
    globalForDb.inventoryDb = h;
    const env = {
      EURLEX_SPARQL_URL: o.endpoint,
      EURLEX_PAGE_SIZE: String(o.pageSize),
      EURLEX_TIMEOUT_MS: String(o.timeoutMs),
      EURLEX_RETRIES: String(o.retries),
      EURLEX_BACKOFF_MS: String(o.backoffMs),
    };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    const request = new Request("http://localhost/staff/eurlex/run", {
      method: "POST",
      headers: { origin: "http://localhost", host: "localhost", "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    try {
      const res = await POST(request);
      return { status: res.status, text: await res.text() };
    } finally {
      delete globalForDb.inventoryDb;
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  };
  const lastEvent = (text: string) => JSON.parse(text.trim().split("\n").at(-1)!) as { type: string; message?: string };

  it("refuses a malformed CELEX, a non-JSON body, extra fields and a cross-site request with a 4xx", async () => {
    for (const celex of ["", "2002/58/EC", "32002L0058'; DROP", "3".repeat(200), 42]) expect((await post({ mode: "preview", celex })).status).toBe(400);
    expect((await post("not json")).status).toBe(400);
    expect((await post({ mode: "preview", celex: "32002L0058", role: "admin" })).status).toBe(400);
    expect((await post({ mode: "apply", celex: "32002L0058" })).status).toBe(400);
    expect((await post({ mode: "preview", celex: "32002L0058" }, {}, { origin: "https://evil.example" })).status).toBe(403);
  });

  it("answers an unknown CELEX, an unreachable endpoint and a malformed response with one line and writes nothing", async () => {
    const before = auditCount();
    const unknown = await post({ mode: "preview", celex: "32099L9999" });
    expect(unknown.status).toBe(200);
    expect(lastEvent(unknown.text)).toEqual({
      type: "error",
      message: "CELLAR has no act with CELEX 32099L9999; check the number on EUR-Lex. Nothing was changed.",
    });
    const closed = await startCellarServer();
    await closed.close();
    const unreachable = await post({ mode: "apply", celex: "32002L0058", fingerprint: "a".repeat(32) }, { endpoint: closed.url, retries: 0 });
    expect(lastEvent(unreachable.text).message).toMatch(
      /^The EUR-Lex endpoint 127\.0\.0\.1:\d+ could not be reached \(connection refused, 1 attempt\); nothing was changed\.$/,
    );
    const malformed = await post({ mode: "preview", celex: "31999L0093" });
    expect(lastEvent(malformed.text).message).toMatch(/^Row 2 of the endpoint's answer has a malformed value for \?dateDocument .*Nothing was changed\.$/);
    const stale = await post({ mode: "apply", celex: "32016L1148", fingerprint: "b".repeat(32) });
    expect(lastEvent(stale.text).message).toMatch(/changed since the preview/);
    expect(auditCount()).toBe(before);
  });
});
