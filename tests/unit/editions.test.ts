import { describe, expect, it } from "vitest";
import { translator } from "../support/intl";
import { compareEditions, editionAsked, editionCitation, editionFileName, editionName, publishEditionInput, type FrozenFigures } from "@/lib/editions";

describe("edition names", () => {
  it("accept a year with up to two parts of letters and digits", () => {
    for (const name of ["2026-H2", "2026-Q1", "2026-06", "2026", "2026-H2-rev1", " 2026-H1 "]) expect(editionName.safeParse(name).success, name).toBe(true);
  });
  it("refuse anything that could not be a file name or a query value as it is", () => {
    for (const name of [
      "",
      "H2-2026",
      "2026_H2",
      "2026-H2/..",
      "../2026",
      "2026-H2.sqlite",
      "2026-",
      "2026--H2",
      "2026-H2-a-b",
      "２０２６-H2",
      "2026-H2\u0000",
      "2026-" + "x".repeat(13),
    ])
      expect(editionName.safeParse(name).success, JSON.stringify(name)).toBe(false);
    expect(() => editionFileName("../x")).toThrow();
    expect(editionFileName("2026-H2")).toBe("edition-2026-H2.sqlite");
  });
  it("take a reporting date up to today, and nothing else", () => {
    const input = publishEditionInput("2026-12-07");
    expect(input.parse({ name: "2026-H2", reportingDate: "2026-12-07" })).toEqual({ name: "2026-H2", reportingDate: "2026-12-07" });
    for (const reportingDate of ["2026-12-08", "2026-02-30", "31/12/2026", "1989-12-31"])
      expect(input.safeParse({ name: "2026-H2", reportingDate }).success, reportingDate).toBe(false);
    expect(input.safeParse({ name: "2026-H2", reportingDate: "2026-06-30", datasetVersion: "v1" }).success).toBe(false);
  });
});

describe("an edition's citation", () => {
  const edition = { name: "2026-H2", reportingDate: "2026-12-31", datasetVersion: "v1413", publishedAt: "2027-01-05T10:00:00Z" };
  it("names the title, the edition, its reporting date, dataset version and URL", () => {
    expect(editionCitation("NIS Measures Inventory", edition, "https://x.eu/editions/2026-H2", { locale: "en", t: translator("en") })).toBe(
      "NIS Measures Inventory, edition 2026-H2 (reporting date 2026-12-31; dataset version v1413; published 2027-01-05). https://x.eu/editions/2026-H2. Not an official publication of the European Commission.",
    );
  });
  it("is written in the reader's language, its dates too; the title, name and version stay as they are", () => {
    expect(editionCitation("NIS Measures Inventory", edition, "https://x.eu/fr/editions/2026-H2", { locale: "fr", t: translator("fr") })).toBe(
      "NIS Measures Inventory, édition 2026-H2 (date de référence 31/12/2026 ; version du jeu de données v1413 ; publiée le 05/01/2027). https://x.eu/fr/editions/2026-H2. Publication non officielle de la Commission européenne.",
    );
    expect(editionCitation("NIS Measures Inventory", edition, "https://x.eu/de/editions/2026-H2", { locale: "de", t: translator("de") })).toBe(
      "NIS Measures Inventory, Ausgabe 2026-H2 (Stichtag 31.12.2026; Datensatzversion v1413; veröffentlicht am 05.01.2027). https://x.eu/de/editions/2026-H2. Keine amtliche Veröffentlichung der Europäischen Kommission.",
    );
  });
  it("says how many editions have been published, none, one or more, in each language", () => {
    const say = (locale: "en" | "fr" | "de", count: number) => translator(locale)("editions.compareNeedsTwo", { count });
    expect(say("en", 0)).toBe("Two editions are needed to compare; none has been published.");
    expect(say("en", 1)).toBe("Two editions are needed to compare; 1 has been published.");
    expect(say("fr", 0)).toBe("Deux éditions sont nécessaires pour comparer ; aucune n'a été publiée.");
    expect(say("fr", 1)).toBe("Deux éditions sont nécessaires pour comparer ; une seule a été publiée.");
    expect(say("de", 0)).toBe("Für einen Vergleich sind zwei Ausgaben nötig; es wurde noch keine veröffentlicht.");
    expect(say("de", 1)).toBe("Für einen Vergleich sind zwei Ausgaben nötig; bisher wurde nur eine veröffentlicht.");
  });
});

const figures = (code: string, over: Partial<FrozenFigures> = {}): FrozenFigures => ({
  stateCode: code,
  stateName: code,
  notTransposed: 1,
  assessed: 4,
  deficit: 0.25,
  change: 0,
  longOverdue: 1,
  totalDelayMonths: 12,
  conformityDeficit: 0.1,
  overallScore: -1,
  ...over,
});

describe("comparing two editions", () => {
  it("sets each state's figures side by side with the difference, and marks states in only one", () => {
    const rows = compareEditions(
      [figures("DE"), figures("FR"), figures("UK")],
      [figures("DE"), figures("FR", { notTransposed: 0, deficit: 0, conformityDeficit: 0.3, overallScore: 1 }), figures("HR")],
    );
    expect(rows.map((r) => [r.stateCode, r.changed, r.inFrom, r.inTo])).toEqual([
      ["DE", false, true, true],
      ["FR", true, true, true],
      ["HR", true, false, true],
      ["UK", true, true, false],
    ]);
    const fr = rows[1]!.figures;
    expect(fr.notTransposed).toEqual({ from: 1, to: 0, difference: -1 });
    expect(fr.deficit).toEqual({ from: 0.25, to: 0, difference: -0.25 });
    expect(fr.conformityDeficit.difference).toBe(0.2);
    expect(fr.overallScore.difference).toBe(2);
    expect(rows[2]!.figures.deficit).toEqual({ from: null, to: 0.25, difference: null });
  });
});

describe("the edition a request asks for", () => {
  it("is read from a page's query, never for the API, the feeds or Next's files", () => {
    expect(editionAsked("/?edition=2026-H2&as_of=2026-06-30")).toBe("2026-H2");
    expect(editionAsked("/member-states/FR?edition=2026-H2&_rsc=abc")).toBe("2026-H2");
    expect(editionAsked("/measures")).toBeNull();
    expect(editionAsked("/?edition=")).toBeNull();
    expect(editionAsked("/?reedition=1")).toBeNull();
    for (const url of ["/api/v1/measures?edition=2026-H2", "/feeds/changes.atom?edition=2026-H2", "/_next/static/x.js?edition=2026-H2", "/api?edition=x"])
      expect(editionAsked(url), url).toBeNull();
    // Anything else is handed on as asked; db/editions.ts checks it against the published editions.
    expect(editionAsked("/?edition=..%2F..%2Fetc")).toBe("../../etc");
  });
});
