import { describe, expect, it } from "vitest";
import { computeDashboardFigures } from "@/lib/indicators/dashboard";
import { computeCoverageByInstrument } from "@/lib/indicators/coverage";
import { nationalTranspositionRows } from "@/lib/indicators/national-transposition";
import type { InventorySnapshot } from "@/lib/indicators";
import { buildCountryReport, type CountryReportInput } from "@/lib/reports/country";
import { capRows, datasetVersionText, reportFileName } from "@/lib/reports/document";
import { buildInstrumentReport, computeInstrumentReportFigures } from "@/lib/reports/instrument";
import { reportLanguage, translator } from "../../support/intl";
import { infringement, instrument, notification, provision, snapshot, state, transposition } from "../indicators/fixtures";

/**
 * Two states, two instruments due 2000-01-01, viewed on 2003-01-01:
 * - AA notified Dir 1 complete on 2001-01-01 (late, 366 days) and nothing for Dir 2 (overdue 1,096 days: two years or more);
 * - BB notified Dir 2 complete on 1999-06-01 (on time) and none for Dir 1;
 * - CC joined in 2010: not a member on the date;
 * - AA has a non-communication proceeding on Dir 2 since 2001-01-01, open; Dir 1 Art. 1 is full for AA, Art. 2 partial.
 */
const AS_OF = "2003-01-01";
const inventory: InventorySnapshot = snapshot({
  memberStates: [state("AA"), state("BB"), state("CC", "2010-01-01")],
  instruments: [instrument(1), instrument(2)],
  provisions: [provision(11, 1), provision(12, 1)],
  notifications: [
    notification("AA", 1, "complete", "2001-01-01"),
    notification("AA", 2, "none", null),
    notification("BB", 1, "none", null),
    notification("BB", 2, "complete", "1999-06-01"),
  ],
  transpositions: [transposition("AA", 11, "full"), transposition("AA", 12, "partial")],
  infringements: [infringement(1, "AA", 2, "non_communication", [{ stage: "letter_of_formal_notice", date: "2001-01-01" }])],
});

function countryInput(code: string): CountryReportInput {
  const figures = computeDashboardFigures(inventory, AS_OF);
  return {
    state: inventory.memberStates.find((s) => s.code === code)!,
    asOf: AS_OF,
    dataset: { version: "v7", at: "2002-12-31T10:15:00.000Z" },
    url: `https://inventory.example/member-states/${code}/report?as_of=${AS_OF}`,
    scoreboard: figures.scoreboard,
    coverage: figures.coverage.find((c) => c.stateCode === code) ?? null,
    infringements: figures.infringements.find((i) => i.stateCode === code) ?? null,
    delays: figures.delays.filter((d) => d.stateCode === code),
    instruments: new Map(inventory.instruments.map((i) => [i.id, i])),
    instrumentRows: [
      {
        instrumentId: 1,
        celex: "32001L0001",
        shortName: "Dir 1",
        notificationStatus: "complete",
        measureCount: 2,
        statusCounts: { full: 1, partial: 1, unknown: 0 },
        principalMeasure: { key: "AA-1", titleOriginal: "Loi n° 78-17 relative à l'informatique", language: "fr", titleEnglish: "Act No 78-17" },
      },
    ],
    instrumentTotal: 1,
  };
}

const texts = (cells: { text: string }[]) => cells.map((c) => c.text);

describe("the country report", () => {
  const report = buildCountryReport(countryInput("AA"), reportLanguage());
  const section = (id: string) => report.sections.find((s) => s.id === id)!;

  it("states the date, the dataset version and a citation with both", () => {
    expect(report.title).toBe("Country report: State AA (AA)");
    expect(report.facts).toContainEqual({ label: "As of", value: AS_OF });
    expect(report.facts).toContainEqual({ label: "Dataset version", value: "v7 (last change 2002-12-31 10:15 UTC)" });
    expect(report.citation).toBe(
      `NIS Measures Inventory. Country report: State AA (AA), as of ${AS_OF}. Dataset version v7. https://inventory.example/member-states/AA/report?as_of=${AS_OF}. Not an official publication of the European Commission.`,
    );
    expect(report.fileName).toBe("country-report-AA-2003-01-01-v7.pdf");
  });

  it("gives the Scoreboard-style figures with their ratings, targets and averages", () => {
    const rows = section("figures").table!.rows;
    const [deficit, change, longOverdue, totalDelay] = rows;
    // 1 of 2 due instruments not transposed: 50%, above the 1% target.
    expect(texts(deficit!)).toEqual([
      "Transposition deficit",
      "50.0%",
      "",
      "target 1% (European Council, March 2007)",
      "1 of 2 instruments not transposed; 0 of 2 due left out as unknown",
    ]);
    expect(deficit![2]!.rating).toBe("red");
    // Both states at 50%: the average is 50%.
    expect(deficit![3]!.note).toBe("average of all states 50.0%");
    expect(change![3]!.text).toBe("since 2002-07-01");
    // Dir 2 overdue since 2000-01-01: two years or more on 2003-01-01.
    expect(texts(longOverdue!).slice(1, 2)).toEqual(["1"]);
    expect(longOverdue![2]!.rating).toBe("red");
    // 36 months overdue for Dir 2; BB's 36 months for Dir 1 make the average the same: yellow.
    expect(totalDelay![1]!.text).toBe("36.0 months");
    expect(totalDelay![2]!.rating).toBe("yellow");
    const coverage = rows.find((r) => r[0]!.text === "Provision coverage")!;
    expect(coverage[1]!.text).toBe("50.0%");
    expect(coverage[4]!.text).toBe("1 of 2 assessed provisions full; 2 applicable");
    const infringements = rows.find((r) => r[0]!.text === "Open infringement proceedings")!;
    expect(texts(infringements).slice(1)).toEqual(["1", "Not rated", "", "longest open 24.0 months"]);
  });

  it("lists the delays by deadline, in months, and the proceedings", () => {
    expect(section("delays").table!.rows.map(texts)).toEqual([
      ["Dir 1", "2000-01-01", "2001-01-01", "Late", "12.0"],
      ["Dir 2", "2000-01-01", "—", "Not yet transposed", "36.0"],
    ]);
    expect(section("delays").table!.rows[0]![0]!.href).toBe("/instruments/32001L0001");
    expect(section("infringements").table!.rows.map(texts)).toEqual([
      ["Dir 2", "Non-communication", "2001-01-01", "Letter of formal notice", "open", "24.0", "—"],
    ]);
  });

  it("keeps the longest delays when there are more than a table holds", () => {
    const input = countryInput("AA");
    const [late, overdue] = input.delays;
    // 60 copies of the late instrument with growing delays, and the overdue one (the longest): the 50 longest stay.
    const many = [...Array.from({ length: 60 }, (_, i) => ({ ...late!, instrumentId: 100 + i, delayDays: i })), overdue!];
    const report = buildCountryReport({ ...input, delays: many }, reportLanguage());
    const delays = report.sections.find((s) => s.id === "delays")!;
    expect(delays.table!.rows).toHaveLength(50);
    expect(delays.table!.rows.map((r) => r[4]!.text)).toContain("36.0");
    expect(delays.table!.rows.map((r) => r[0]!.text)).not.toContain("110");
    expect(delays.notes).toEqual(["The 50 longest of 61 delays, in order of deadline; each instrument's national-transposition page lists every state's."]);
  });

  it("lists the measures and coverage per instrument, the national title in its language", () => {
    const [row] = section("measures").table!.rows;
    expect(texts(row!)).toEqual(["Dir 1", "Complete", "2", "Loi n° 78-17 relative à l'informatique", "1 / 2", "50.0%"]);
    expect(row![3]).toMatchObject({ lang: "fr", note: "Act No 78-17", href: "/measures/AA-1" });
  });

  it("says a state that was not a member has no figures", () => {
    const cc = buildCountryReport(countryInput("CC"), reportLanguage());
    const figures = cc.sections.find((s) => s.id === "figures")!;
    expect(figures.table).toBeUndefined();
    expect(figures.paragraphs).toEqual([`State CC was not a Member State on ${AS_OF}: no Scoreboard-style figures are computed for it.`]);
  });

  it("writes numbers and dates in the report's locale", () => {
    const fr = buildCountryReport(countryInput("AA"), reportLanguage("fr"));
    expect(fr.locale).toBe("fr");
    const deficit = fr.sections[0]!.table!.rows[0]!;
    expect(deficit[1]!.text).toMatch(/^50,0\s%$/u);
    expect(fr.facts[0]!.value).toBe("01/01/2003");
  });

  it("names the indicators, the band and the vocabularies' values in the report's language", () => {
    for (const [locale, words] of [
      [
        "fr",
        {
          deficit: "Déficit de transposition",
          type: "Non-communication",
          stage: "Lettre de mise en demeure",
          complete: "Complète",
          target: /^objectif 1\s% \(Conseil européen/u,
        },
      ],
      [
        "de",
        {
          deficit: "Umsetzungsdefizit",
          type: "Nichtmitteilung",
          stage: "Aufforderungsschreiben",
          complete: "Vollständig",
          target: /^Zielwert 1\s% \(Europäischer Rat/u,
        },
      ],
    ] as const) {
      const report = buildCountryReport(countryInput("AA"), reportLanguage(locale));
      const sectionOf = (id: string) => report.sections.find((s) => s.id === id)!;
      const figures = sectionOf("figures").table!.rows;
      expect(figures[0]![0]!.text).toBe(words.deficit);
      expect(figures[0]![3]!.text).toMatch(words.target);
      const english = buildCountryReport(countryInput("AA"), reportLanguage("en")).sections[0]!.table!.rows;
      // No indicator keeps its English name (the catalogue's), and the overall band is the language's word for it.
      figures.forEach((row, i) => expect(row[0]!.text, english[i]![0]!.text).not.toBe(english[i]![0]!.text));
      const overall = figures.find((r) => r[0]!.text === reportLanguage(locale).words.indicator("overall"))!;
      expect(overall[2]!.text).not.toMatch(/average|not rated/i);
      const [proceeding] = sectionOf("infringements").table!.rows;
      expect(texts(proceeding!).slice(1, 4)).toEqual([words.type, locale === "fr" ? "01/01/2001" : "01.01.2001", words.stage]);
      expect(sectionOf("measures").table!.rows[0]![1]!.text).toBe(words.complete);
    }
  });
});

describe("the directive report", () => {
  const input = {
    instrument: {
      celex: "32001L0001",
      shortName: "Dir 1",
      title: "Directive 1",
      type: "directive",
      adoptionDate: "1995-01-01",
      transpositionDeadline: "2000-01-01",
      appliesFrom: null,
      repealedBy: null,
      repealedFrom: null,
    },
    asOf: AS_OF,
    dataset: { version: "v7", at: null },
    url: "https://inventory.example/instruments/32001L0001/report",
    rows: nationalTranspositionRows(inventory, 1, AS_OF).map((r) => ({ ...r, principalMeasure: null })),
    coverage: computeCoverageByInstrument(inventory, AS_OF).filter((c) => c.instrumentId === 1),
  };

  it("counts the states bound by their delay, and rates the long-overdue ones against the target of 0", () => {
    const figures = computeInstrumentReportFigures(input);
    // AA late (366 days); BB overdue since 2000-01-01 (1,096 days, two years or more).
    expect(figures).toMatchObject({
      boundCount: 2,
      onTimeCount: 0,
      lateCount: 1,
      overdueCount: 1,
      unknownCount: 0,
      notTransposedShare: 0.5,
      longOverdueCount: 1,
    });
    expect(figures.meanDelayDays).toBe((366 + 1096) / 2);
    expect(figures).toMatchObject({ fullCount: 1, assessedCount: 2, coverage: 0.5, openInfringementCount: 0 });
    const report = buildInstrumentReport(input, reportLanguage());
    const longOverdue = report.sections[0]!.table!.rows.find((r) => r[0]!.text === "States two years or more overdue")!;
    expect(longOverdue[2]!.rating).toBe("red");
    expect(report.sections[1]!.table!.rows.map((r) => r[0]!.text)).toEqual(["State AA (AA)", "State BB (BB)"]);
    expect(report.facts).toContainEqual({ label: "Dataset version", value: "v7 (no change recorded)" });
    expect(report.fileName).toBe("directive-report-32001L0001-2003-01-01-v7.pdf");
  });

  it("says a regulation needs no transposition", () => {
    const report = buildInstrumentReport({ ...input, instrument: { ...input.instrument, type: "regulation", shortName: "Reg 1" } }, reportLanguage());
    expect(report.title).toBe("Instrument report: Reg 1");
    expect(report.sections).toHaveLength(1);
    expect(report.sections[0]!.paragraphs[0]).toMatch(/needs no transposition/);
  });
});

describe("report helpers", () => {
  it("caps a table and says how many rows are left out", () => {
    expect(capRows([1, 2, 3], 2, translator())).toEqual({
      rows: [1, 2],
      notes: ["The first 2 of 3 rows; the rest are on the inventory's pages and in its CSV exports."],
    });
    expect(capRows([1], 2, translator())).toEqual({ rows: [1], notes: [] });
  });

  it("builds file names safe for Content-Disposition", () => {
    expect(reportFileName("country-report", 'F"R/..\\x', "2003-01-01")).toBe("country-report-F_R_.._x-2003-01-01.pdf");
  });

  it("writes the dataset version with the time of its event", () => {
    expect(datasetVersionText({ version: "v0", at: null }, reportLanguage())).toBe("v0 (no change recorded)");
  });
});
