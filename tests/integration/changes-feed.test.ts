/**
 * The feeds of changes and the changes query, on the seeded inventory after edits by a named editor through a
 * submission: the feeds carry what changed in the public fields, and never who made the change, the submission's
 * message or the assessor fields.
 */
import { DOMParser } from "@xmldom/xmldom";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { tempPath } from "../helpers/db";

// The request headers proxy.ts sets: /fr/feeds/changes.atom is served by this route with x-inventory-locale: fr.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

process.env.INVENTORY_DB_PATH = tempPath();
const { prepareDatabase } = await import("@/server/setup");
prepareDatabase(process.env.INVENTORY_DB_PATH, { demoAccounts: false });
const { getDb } = await import("@/db/client");
const schema = await import("@/db/schema");
const { updateRecord, createRecord } = await import("@/db/writes/entity");
const { transpositionWriter } = await import("@/db/writes/transpositions");
const { measureWriter } = await import("@/db/writes/measures");
const { transpositionInput } = await import("@/lib/validation/transposition");
const { measureInput } = await import("@/lib/validation/measure");
const { listPublicChanges } = await import("@/db/queries/changes");
const { GET } = await import("@/app/feeds/changes.atom/route");

const db = getDb();
const EDITOR_EMAIL = "secret.editor@example.eu";
const editorId = db.insert(schema.users).values({ email: EDITOR_EMAIL, name: "Secret Editor", role: "editor", passwordHash: "x" }).returning().get().id;
const editor = { kind: "user" as const, id: editorId, email: EDITOR_EMAIL, name: "Secret Editor", role: "editor" as const, memberStateCode: null };

// France's correspondence for 95/46/EC Art. 17, changed by the editor with a reason naming a submission.
const target = db.$client
  .prepare(
    `select t.id from transpositions t join provisions p on p.id = t.provision_id join instruments i on i.id = p.instrument_id
     where t.state_code = 'FR' and i.celex = '31995L0046' and p.number = '17'`,
  )
  .pluck()
  .get() as number;
const before = transpositionWriter.snapshot(db, target)!;
updateRecord(
  db,
  transpositionWriter,
  target,
  before.version,
  transpositionInput.parse({
    stateCode: "FR",
    provisionId: before.provisionId,
    status: "partial",
    nationalProvision: 'Art. 34 <loi> & "informatique"',
    measureKeys: before.measureKeys,
    sourceMethod: "desk_research",
    verification: "unverified",
  }),
  { actor: editor, reason: "Submission #42: message from the French regulator", submissionId: null },
);
createRecord(
  db,
  measureWriter,
  measureInput.parse({
    stateCode: "DE",
    key: "de-feed-test",
    titleOriginal: "Gesetz zum Test der Feeds",
    language: "de",
    type: "act",
    status: "in_force",
    instruments: ["31997L0066"],
    sourceMethod: "desk_research",
    verification: "unverified",
  }),
  { actor: editor },
);

const feed = async (query = "") => GET(new Request(`http://inventory.test:3400/feeds/changes.atom${query}`));
const parse = (xml: string) =>
  new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") throw new Error(msg);
    },
  }).parseFromString(xml, "application/xml");
const ATOM = "http://www.w3.org/2005/Atom";
const entriesOf = (xml: string) =>
  Array.from(parse(xml).getElementsByTagNameNS(ATOM, "entry")).map((e) => ({
    id: e.getElementsByTagNameNS(ATOM, "id")[0]!.textContent!,
    title: e.getElementsByTagNameNS(ATOM, "title")[0]!.textContent!,
    summary: e.getElementsByTagNameNS(ATOM, "summary")[0]?.textContent ?? "",
    link: e.getElementsByTagNameNS(ATOM, "link")[0]!.getAttribute("href")!,
    categories: Array.from(e.getElementsByTagNameNS(ATOM, "category")).map((c) => c.getAttribute("term")!),
  }));

describe("the feed in French or German", () => {
  it("is written in that language, says so in xml:lang, and links to the pages in that language", async () => {
    request.headers.set("x-inventory-locale", "fr");
    try {
      const xml = await (await feed("?state=DE")).text();
      const root = parse(xml).documentElement!;
      expect(root.getAttribute("xml:lang")).toBe("fr");
      expect(root.getElementsByTagNameNS(ATOM, "title")[0]!.textContent).toBe("Inventaire des mesures SRI : modifications pour Allemagne");
      const links = Array.from(root.getElementsByTagNameNS(ATOM, "link")).filter((l) => l.parentNode === root);
      expect(links.map((l) => `${l.getAttribute("rel")} ${l.getAttribute("href")}`).sort()).toEqual([
        "alternate http://inventory.test:3400/fr/changes?state=DE",
        "self http://inventory.test:3400/fr/feeds/changes.atom?state=DE",
      ]);
      const [entry] = entriesOf(xml);
      expect(entry!.title).toBe("Nouvel enregistrement (mesure nationale) : Gesetz zum Test der Feeds (de-feed-test)");
      expect(entry!.link).toBe("http://inventory.test:3400/fr/measures/de-feed-test");
      request.headers.set("x-inventory-locale", "de");
      const german = parse(await (await feed()).text()).documentElement!;
      expect(german.getAttribute("xml:lang")).toBe("de");
      expect(entriesOf(await (await feed()).text())[0]!.title).toBe("Neu (nationale Maßnahme): Gesetz zum Test der Feeds (de-feed-test)");
    } finally {
      request.headers.delete("x-inventory-locale");
    }
    expect(parse(await (await feed()).text()).documentElement!.getAttribute("xml:lang")).toBe("en");
  });
});

describe("the feed of all changes", () => {
  it("is Atom, newest first, named as people name records, without who made the change", async () => {
    const response = await feed();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    const entries = entriesOf(xml);
    expect(entries.length).toBe(50);
    expect(entries[0]!.title).toBe("New national measure: Gesetz zum Test der Feeds (de-feed-test)");
    expect(entries[0]!.link).toBe("http://inventory.test:3400/measures/de-feed-test");
    expect(entries[1]!.title).toBe("Changed: 95/46/EC Art. 17 — France");
    expect(entries[1]!.summary).toContain("Status: full → partial");
    expect(entries[1]!.summary).toContain('Art. 34 <loi> & "informatique"');
    expect(entries[1]!.id).toMatch(/^tag:inventory\.test,2026:change\/\d+$/);
    // Who, through which submission, with what message, and the assessor fields: none of it.
    for (const secret of [EDITOR_EMAIL, "Secret Editor", "Submission #42", "French regulator", "assessor", "Assessor", "seed"])
      expect(xml).not.toContain(secret);
  });

  it("keeps an entry's id when newer changes arrive", async () => {
    const first = entriesOf(await (await feed()).text())[1]!.id;
    const measure = db.select().from(schema.nationalMeasures).where(eq(schema.nationalMeasures.key, "de-feed-test")).get()!;
    updateRecord(
      db,
      measureWriter,
      measure.id,
      measure.version,
      measureInput.parse({
        stateCode: "DE",
        key: "de-feed-test",
        titleOriginal: "Gesetz zum Test der Feeds",
        titleEnglish: "Act testing the feeds",
        language: "de",
        type: "act",
        status: "in_force",
        instruments: ["31997L0066"],
        sourceMethod: "desk_research",
        verification: "unverified",
      }),
      { actor: editor },
    );
    const entries = entriesOf(await (await feed()).text());
    expect(entries[0]!.title).toBe("Changed: Gesetz zum Test der Feeds (de-feed-test)");
    expect(entries[2]!.id).toBe(first);
  });
});

describe("the feeds of a Member State and of an instrument", () => {
  it("hold only that state's or that instrument's changes", async () => {
    const fr = entriesOf(await (await feed("?state=FR")).text());
    expect(fr[0]!.title).toBe("Changed: 95/46/EC Art. 17 — France");
    expect(fr.length).toBeGreaterThan(10);
    expect(fr.every((e) => e.categories.includes("FR"))).toBe(true);
    expect(fr.some((e) => e.title.includes("de-feed-test"))).toBe(false);
    const eprivacy = entriesOf(await (await feed("?instrument=31997L0066")).text());
    expect(eprivacy[0]!.title).toContain("de-feed-test");
    expect(eprivacy.every((e) => e.categories.includes("31997L0066"))).toBe(true);
    const both = entriesOf(await (await feed("?state=FR&instrument=31995L0046")).text());
    expect(both[0]!.title).toBe("Changed: 95/46/EC Art. 17 — France");
    expect(both.every((e) => e.categories.includes("FR") && e.categories.includes("31995L0046"))).toBe(true);
  });

  it("answers bad input with 400 and an unknown state or instrument with 404, never 5xx", async () => {
    for (const q of ["?state=fr", "?state=FRA", "?instrument=nope", "?since=2026-01-01", "?bogus=1", "?state=%00"]) {
      const r = await feed(q);
      expect(r.status, q).toBe(400);
      expect(r.headers.get("content-type")).toContain("text/plain");
    }
    expect((await feed("?state=XX")).status).toBe(404);
    expect((await feed("?instrument=32099L9999")).status).toBe(404);
  });

  it("says why in the feed's language", async () => {
    expect(await (await feed("?state=fr&bogus=1")).text()).toBe(
      'state must be a two-letter EU country code such as DE or EL; Unknown parameter "bogus". This feed accepts state and instrument.\n',
    );
    expect(await (await feed("?state=XX")).text()).toBe("There is no Member State with the code XX.\n");
    request.headers.set("x-inventory-locale", "fr");
    try {
      expect(await (await feed("?state=fr")).text()).toBe(
        "state doit être le code à deux lettres d'un pays de l'UE, comme DE ou EL. Ce flux accepte state et instrument.\n",
      );
      expect(await (await feed("?instrument=32099L9999")).text()).toBe("L'inventaire ne contient aucun acte de numéro CELEX 32099L9999.\n");
    } finally {
      request.headers.delete("x-inventory-locale");
    }
  });
});

describe("the changes since a date", () => {
  it("pages by keyset, filters by day, and is empty after the newest change", () => {
    const today = new Date().toISOString().slice(0, 10);
    const first = listPublicChanges(db, { since: today, limit: 10 });
    expect(first.changes).toHaveLength(10);
    expect(first.nextBefore).not.toBeNull();
    const second = listPublicChanges(db, { since: today, limit: 10, before: first.nextBefore! });
    expect(second.changes[0]!.id).toBeLessThan(first.changes.at(-1)!.id);
    expect(listPublicChanges(db, { since: "2100-01-01", limit: 10 })).toEqual({ changes: [], nextBefore: null });
    // No change carries its actor: the query never selects it.
    expect(JSON.stringify(first)).not.toContain(EDITOR_EMAIL);
    expect(JSON.stringify(first)).not.toContain("assessorName");
  });
});
