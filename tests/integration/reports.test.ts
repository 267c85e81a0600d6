import { beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import type { DbHandle } from "@/db/client";
import { loadDashboard } from "@/db/queries/dashboard";
import { datasetVersion, loadCountryReportInput, loadInstrumentReportInput } from "@/db/queries/reports";
import { resolveAsOf, todayIso } from "@/lib/as-of";
import { INDICATORS, formatIndicator } from "@/lib/indicators/catalogue";
import { RATING_LABELS } from "@/lib/indicators/ratings";
import { buildCountryReport } from "@/lib/reports/country";
import { documentText } from "@/lib/reports/document";
import { buildInstrumentReport } from "@/lib/reports/instrument";
import { renderReportPdf } from "@/server/reports/pdf";
import { reportLanguage, translator } from "../support/intl";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { freshDatabase } from "../helpers/db";

let h: DbHandle;
const today = todayIso();
const asOf = resolveAsOf(undefined);

beforeAll(() => {
  h = freshDatabase();
  loadSeed(h, readSeed());
});

/** The PDF's text, one string, whitespace folded (a cell's text may wrap onto several lines). */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(document, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), pages: totalPages };
}
/** Without any whitespace: where a long text wraps in a cell (a URL, a title), the extracted text has a space the document has not. */
const bare = (s: string) => s.replace(/\s+/g, "");

describe("the country report's data", () => {
  it("takes the state's Scoreboard row, coverage, delays and infringements from the dashboard's figures of the date", () => {
    const input = loadCountryReportInput(h.db, "FR", asOf, today, "http://example.test/member-states/FR/report")!;
    const { figures } = loadDashboard(h.db, asOf.date, today);
    expect(input.scoreboard.rows.find((r) => r.stateCode === "FR")).toEqual(figures.scoreboard.rows.find((r) => r.stateCode === "FR"));
    expect(input.coverage).toEqual(figures.coverage.find((c) => c.stateCode === "FR"));
    expect(input.delays.length).toBeGreaterThan(0);
    expect(input.delays.every((d) => d.stateCode === "FR")).toBe(true);
    expect(input.instrumentRows.length).toBe(input.instrumentTotal);
    expect(input.instrumentRows.some((r) => r.principalMeasure?.titleOriginal.startsWith("Loi n° 2004-801 du 6 août 2004"))).toBe(true);
  });

  it("names the dataset version after the latest audit event that changed data", () => {
    const version = datasetVersion(h.db);
    const latest = h.sqlite
      .prepare("select id, at from audit_events where entity not in ('export','user','api_token','session','submission','sign_in') order by id desc limit 1")
      .get() as {
      id: number;
      at: string;
    };
    expect(version).toEqual({ version: `v${latest.id}`, at: latest.at });
  });

  it("is null for a state the inventory lacks", () => {
    expect(loadCountryReportInput(h.db, "XX", asOf, today, "")).toBeNull();
    expect(loadInstrumentReportInput(h.db, "31995L9999", asOf, today, "")).toBeNull();
  });
});

describe("the country report's PDF", () => {
  it("holds the state's figures, ratings, national titles with their accents, and the citation", async () => {
    const input = loadCountryReportInput(h.db, "FR", asOf, today, "http://example.test/member-states/FR/report?as_of=" + asOf.date)!;
    const report = buildCountryReport(input, reportLanguage());
    // Speed is measured by npm run bench (a country report's PDF at scale), not here.
    const pdf = await renderReportPdf(report, translator());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text } = await pdfText(pdf);
    const row = input.scoreboard.rows.find((r) => r.stateCode === "FR")!;
    expect(text).toContain("Country report: France (FR)");
    expect(bare(text)).toContain(bare(report.citation));
    expect(text).toContain(`${INDICATORS.deficit.label}`);
    expect(text).toContain(formatIndicator(INDICATORS.deficit, row.deficit.deficit));
    expect(text).toContain(`${row.deficit.notTransposedCount} of ${row.deficit.assessedCount} instruments not transposed`);
    expect(text).toContain(formatIndicator(INDICATORS.total_delay, row.totalDelay.totalMonths));
    if (row.ratings.deficit) expect(text).toContain(RATING_LABELS[row.ratings.deficit]);
    expect(bare(text)).toContain(bare("Loi n° 2004-801 du 6 août 2004 relative à la protection des personnes physiques"));
    expect(bare(text)).toContain(bare("la loi n° 78-17 du 6 janvier 1978 relative à l'informatique"));
    expect(text).toContain(input.dataset.version);
    // Everything the page shows is in the PDF too: both render the one document.
    for (const part of documentText(report)) expect(bare(text)).toContain(bare(part));
  });

  it("shows Greek titles in the Greek report", async () => {
    const input = loadCountryReportInput(h.db, "EL", asOf, today, "http://example.test/")!;
    const greek = input.instrumentRows.map((r) => r.principalMeasure?.titleOriginal).find((t) => t && /[α-ω]/.test(t));
    expect(greek).toBeDefined();
    const { text } = await pdfText(await renderReportPdf(buildCountryReport(input, reportLanguage()), translator()));
    expect(bare(text)).toContain(bare(greek!));
  });
});

describe("the directive report", () => {
  it("has a row per state bound, and its PDF names each with its delay status", async () => {
    const input = loadInstrumentReportInput(h.db, "31995L0046", asOf, today, "http://example.test/instruments/31995L0046/report")!;
    expect(input.rows.length).toBeGreaterThan(10);
    expect(input.coverage.length).toBeGreaterThan(0);
    const report = buildInstrumentReport(input, reportLanguage());
    const { text } = await pdfText(await renderReportPdf(report, translator()));
    expect(text).toContain("Directive report: 95/46/EC");
    for (const r of input.rows) expect(text).toContain(`${r.stateName} (${r.stateCode})`);
    for (const part of documentText(report)) expect(bare(text)).toContain(bare(part));
    expect(bare(text)).toContain(bare(report.citation));
  });
});
