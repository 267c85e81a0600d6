import { describe, expect, it, vi } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { tempPath } from "../helpers/db";

// The request headers proxy.ts sets: the language of /fr/member-states/FR/report.pdf is one of them (x-inventory-locale).
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

// The route handlers read the process-wide database: a seeded one of this test's own.
process.env.INVENTORY_DB_PATH = tempPath();
const { prepareDatabase } = await import("@/server/setup");
prepareDatabase(process.env.INVENTORY_DB_PATH, { demoAccounts: false });
const { getDbHandle } = await import("@/db/client");
const countryPdf = await import("@/app/member-states/[code]/report.pdf/route");
const instrumentPdf = await import("@/app/instruments/[celex]/report.pdf/route");
const { FILL_IN_REQUEST_LIMIT } = await import("@/server/cache/indicator-fill");
const { LOCALE_HEADER } = await import("@/lib/i18n");
const { loadDashboard } = await import("@/db/queries/dashboard");
const { todayIso } = await import("@/lib/as-of");
const { formatShare } = await import("@/lib/format");
const bare = (s: string) => s.replace(/\s+/g, "");

/** The PDF's text, whitespace folded. */
async function pdfText(res: Response): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

async function inLanguage<T>(locale: string, run: () => Promise<T>): Promise<T> {
  request.headers.set(LOCALE_HEADER, locale);
  try {
    return await run();
  } finally {
    request.headers.delete(LOCALE_HEADER);
  }
}

const country = (code: string, query = "") =>
  countryPdf.GET(new Request(`http://test.local/member-states/${code}/report.pdf${query}`), { params: Promise.resolve({ code }) });
const instrument = (celex: string, query = "") =>
  instrumentPdf.GET(new Request(`http://test.local/instruments/${celex}/report.pdf${query}`), { params: Promise.resolve({ celex }) });

describe("the report PDF routes", () => {
  it("answer a PDF download with a safe file name", async () => {
    const res = await country("DE", "?as_of=2005-01-01");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="country-report-DE-2005-01-01-v\d+\.pdf"$/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    const directive = await instrument("31999L0093");
    expect(directive.status).toBe(200);
    expect(directive.headers.get("content-disposition")).toMatch(/^attachment; filename="directive-report-31999L0093-\d{4}-\d{2}-\d{2}-v\d+\.pdf"$/);
  });

  it("answer in French or German under /fr/ and /de/: words, dates and numbers, with the state's own figures", async () => {
    const asOf = "2005-01-01";
    const row = loadDashboard(getDbHandle().db, asOf, todayIso()).figures.scoreboard.rows.find((r) => r.stateCode === "FR")!;
    const fr = await inLanguage("fr", () => country("FR", `?as_of=${asOf}`));
    expect(fr.status).toBe(200);
    const french = await pdfText(fr);
    expect(french).toContain("Rapport par pays : France (FR)");
    expect(french).toContain("Déficit de transposition");
    expect(french).toContain("À la date du: 01/01/2005");
    expect(french).toContain(`${row.deficit.notTransposedCount} actes sur ${row.deficit.assessedCount} non transposés`);
    expect(bare(french)).toContain(bare(formatShare(row.deficit.deficit!, 1, "fr")));
    expect(french).not.toContain("Transposition deficit");
    const de = await inLanguage("de", () => instrument("31995L0046", `?as_of=${asOf}`));
    const german = await pdfText(de);
    expect(german).toContain("Umsetzung nach Mitgliedstaat");
    expect(german).toContain("Frankreich (FR)");
    // Unprefixed, the PDF is English (the proxy overwrites any language header a client sends).
    expect(await pdfText(await country("FR", `?as_of=${asOf}`))).toContain("Country report: France (FR)");
  });

  it("answer malformed and unknown codes with 404 and bad parameters with 400", async () => {
    for (const code of ["XX", "de", "DEU", "", "../etc", "D%22E"]) expect((await country(code)).status, code).toBe(404);
    for (const celex of ["31999L9999", "nonsense", "31999l0093"]) expect((await instrument(celex)).status, celex).toBe(404);
    expect((await country("DE", "?as_of=1999-02-30")).status).toBe(400);
    expect((await country("DE", "?as_of=1850-01-01")).status).toBe(400);
    expect((await country("DE", "?lang=fr")).status).toBe(400);
  });

  it("say why in the report's language", async () => {
    expect(await (await country("XX")).text()).toBe("No such Member State in the inventory.\n");
    expect(await (await country("DE", "?lang=fr")).text()).toBe('Unknown parameter "lang"; this address accepts as_of.\n');
    await inLanguage("de", async () => {
      expect(await (await instrument("31999L9999")).text()).toBe("Kein Rechtsakt mit dieser CELEX-Nummer ist im Verzeichnis.\n");
      expect(await (await country("DE", "?as_of=1999-02-30")).text()).toBe("as_of muss ein Datum in der Form JJJJ-MM-TT sein.\n");
    });
    await inLanguage("fr", async () => {
      expect(await (await country("XX")).text()).toBe("Cet État membre ne figure pas dans l'inventaire.\n");
    });
  });

  it("answer a date whose figures are mostly missing with a retry, and compute them in the background rather than in the request", async () => {
    // More instruments than a request computes itself: copies of 95/46/EC under new CELEX numbers.
    const { sqlite } = getDbHandle();
    const columns = (sqlite.prepare("select name from pragma_table_info('instruments') where name not in ('id', 'celex')").pluck().all() as string[]).join(
      ", ",
    );
    const copy = sqlite.prepare(`insert into instruments (celex, ${columns}) select ?, ${columns} from instruments where celex = '31995L0046'`);
    sqlite.transaction(() => {
      for (let i = 0; i <= FILL_IN_REQUEST_LIMIT; i++) copy.run(`3199${i % 10}L${String(5000 + i).padStart(4, "0")}`);
    })();
    const res = await country("FR", "?as_of=1999-06-30");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("60");
    expect(await res.text()).toMatch(/being computed/);
    // A directive report reads one instrument's records only and is never deferred.
    expect((await instrument("31995L0046", "?as_of=1999-06-30")).status).toBe(200);
  });
});
