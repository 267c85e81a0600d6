import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { chartTable, deficitChart, type ChartTable } from "@/lib/charts";
import { label } from "@/lib/vocabulary";
import { chartInLanguage } from "@/app/charts/chart-words";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import de from "@/messages/de.json";
import { instrument, notification, obligation, provision, snapshot, state, transposition } from "../../indicators/fixtures";

const data = snapshot({
  memberStates: [state("FR"), state("DE"), state("AT", "1995-01-01")],
  instruments: [instrument(1, { shortName: "Dir 1" }), instrument(2, { transpositionDeadline: "2001-01-01", repealedFrom: "2010-01-01" })],
  provisions: [provision(11, 1), provision(12, 1), provision(21, 2)],
  obligations: [obligation(1, [11], ["confidentiality"]), obligation(2, [12, 21], ["integrity", "confidentiality"])],
  notifications: [
    notification("FR", 1, "complete", "1999-06-01"),
    notification("FR", 2, "complete", null, { inForceOn: "2001-07-01" }),
    notification("DE", 1, "complete", null, { adoptedOn: "2000-04-01" }),
    notification("DE", 2, "none", null),
  ],
  transpositions: [transposition("FR", 11, "full"), transposition("FR", 12, "partial"), transposition("DE", 11, "full")],
});

const catalogues = { en, fr, de };
function inLanguage(table: ChartTable, locale: "en" | "fr" | "de"): ChartTable {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "charts", timeZone: "UTC" });
  const vocabulary = createTranslator({ locale, messages: catalogues[locale], namespace: "vocabulary", timeZone: "UTC" });
  const references = [t("referenceCouncil"), t("referenceSingleMarket")];
  return chartInLanguage(table, t as never, (v) => (locale === "en" ? label(v) : vocabulary(v as never)), locale, references);
}

const tables = () =>
  [
    chartTable("deficit", data, "2002-01-01", null),
    chartTable("timeline", data, "2002-01-01", data.instruments[1]!),
    chartTable("timeline", data, "1990-01-01", data.instruments[0]!),
    chartTable("delays", data, "2002-01-01", null),
    chartTable("coverage", data, "2002-01-01", null),
    chartTable("coverage", data, "1990-01-01", null),
  ] as ChartTable[];

describe("a chart's table in the interface's language", () => {
  it("reads in English exactly as lib/charts writes it, so the data table equals the CSV", () => {
    for (const table of tables()) expect(inLanguage(table, "en"), table.id).toEqual(table);
  });

  it("writes French titles, captions, heads, state names and delay classes, keeping every value", () => {
    const table = deficitChart(data, "2002-01-01");
    const french = inLanguage(table, "fr");
    expect(french.title).toBe("Déficit de transposition par État membre au 01/01/2002 (méthode du tableau d'affichage, non officiel)");
    expect(french.caption).toContain("Lignes de référence : 1 % (Conseil européen, mars 2007) ; 0,5 % (Acte pour le marché unique, 2011).");
    expect(french.columns.map((c) => c.label)).toContain("Échus, notification connue");
    expect(french.rows.map((r) => r.state)).toContain("Allemagne (DE)");
    expect(french.rows.map((r) => r.deficit_percent)).toEqual(table.rows.map((r) => r.deficit_percent));
    const delays = inLanguage(chartTable("delays", data, "2002-01-01", null)!, "de");
    expect(delays.rows[0]!.delay).toBe("Fristgerecht");
    expect(delays.columns.map((c) => c.key)).toEqual(chartTable("delays", data, "2002-01-01", null)!.columns.map((c) => c.key));
  });
});
