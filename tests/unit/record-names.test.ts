import { describe, expect, it } from "vitest";
import { changeLabel, provisionRef, recordName, sortByName, type RecordFacts } from "@/lib/record-names";
import { translator } from "../support/intl";

describe("recordName: records named as people name them", () => {
  it("names a correspondence by instrument, article and state", () => {
    expect(recordName({ entity: "transposition", instrument: "95/46/EC", provisionKind: "article", provisionNumber: "17", state: "France" })).toBe(
      "95/46/EC Art. 17 — France",
    );
    expect(recordName({ entity: "transposition", instrument: "1999/93/EC", provisionKind: "annex", provisionNumber: "II", state: "Germany" })).toBe(
      "1999/93/EC Annex II — Germany",
    );
  });

  it("names a notification by instrument and state", () => {
    expect(recordName({ entity: "notification", instrument: "2022/2555 (NIS2)", state: "France" })).toBe("2022/2555 (NIS2) — notification — France");
  });

  it("names a measure by its title and key, a long title shortened", () => {
    expect(recordName({ entity: "national_measure", title: "Bundesdatenschutzgesetz 1990", key: "de-bdsg-1990" })).toBe(
      "Bundesdatenschutzgesetz 1990 (de-bdsg-1990)",
    );
    const long = recordName({ entity: "national_measure", title: `Loi n° 2024-1 ${"relative à la sécurité ".repeat(10)}`, key: "fr-loi-2024-1" });
    expect(long).toMatch(/^Loi n° 2024-1 relative .*… \(fr-loi-2024-1\)$/);
    expect(long.length).toBeLessThanOrEqual(80 + " (fr-loi-2024-1)".length);
  });

  it("falls back on what it has, never on an id", () => {
    expect(recordName({ entity: "national_measure", title: null, key: "fr-x" })).toBe("fr-x");
    expect(recordName({ entity: "national_measure", title: "  ", key: null })).toBe("National measure");
    expect(recordName({ entity: "transposition", instrument: null, provisionKind: null, provisionNumber: null, state: "France" })).toBe(
      "Transposition entry — France",
    );
    expect(recordName({ entity: "notification", instrument: null, state: null })).toBe("Instrument — notification");
    expect(provisionRef("article", null)).toBeNull();
    expect(provisionRef("annex", "Annex")).toBe("Annex");
  });
});

describe("changeLabel: a change named by what it is about", () => {
  it("says what is new, updated or deleted", () => {
    expect(changeLabel("create", { entity: "national_measure", title: "Loi n° 2024-1", key: "fr-loi-2024-1" })).toBe(
      "New national measure — Loi n° 2024-1 (fr-loi-2024-1)",
    );
    expect(changeLabel("create", { entity: "transposition", instrument: "95/46/EC", provisionKind: "article", provisionNumber: "4", state: "France" })).toBe(
      "New transposition entry — 95/46/EC Art. 4 — France",
    );
    expect(changeLabel("update", { entity: "transposition", instrument: "95/46/EC", provisionKind: "article", provisionNumber: "17", state: "France" })).toBe(
      "Update: 95/46/EC Art. 17 — France",
    );
    expect(changeLabel("delete", { entity: "notification", instrument: "97/66/EC", state: "France" })).toBe("Delete: 97/66/EC — notification — France");
  });
});

describe("in the interface's language", () => {
  const cases: [Parameters<typeof changeLabel>[0], RecordFacts][] = [
    ["create", { entity: "national_measure", title: null, key: null }],
    ["create", { entity: "transposition", instrument: null, provisionKind: null, provisionNumber: null, state: "France" }],
    ["update", { entity: "notification", instrument: null, state: "France" }],
    ["delete", { entity: "transposition", instrument: "95/46/EC", provisionKind: "article", provisionNumber: "17", state: "France" }],
  ];

  it("says in English by default what the English catalogue says", () => {
    for (const [operation, facts] of cases) expect(changeLabel(operation, facts)).toBe(changeLabel(operation, facts, translator("en")));
  });

  it("says it in French and German, the facts unchanged", () => {
    const facts: RecordFacts = { entity: "transposition", instrument: "95/46/EC", provisionKind: "article", provisionNumber: "17", state: "France" };
    expect(changeLabel("update", facts, translator("fr"))).toBe("Modification : 95/46/EC Art. 17 — France");
    expect(changeLabel("delete", facts, translator("de"))).toBe("Löschung: 95/46/EC Art. 17 — France");
    expect(changeLabel("create", { entity: "national_measure", title: "Loi n° 2024-1", key: "fr-loi-2024-1" }, translator("de"))).toBe(
      "Neue nationale Maßnahme — Loi n° 2024-1 (fr-loi-2024-1)",
    );
  });
});

describe("sortByName", () => {
  it("ignores accents and case and puts Art. 2 before Art. 10", () => {
    const names = ["Loi 2", "ébauche", "Art. 10", "art. 2", "Zeta", "Décret"];
    expect(sortByName(names, (n) => n)).toEqual(["art. 2", "Art. 10", "Décret", "ébauche", "Loi 2", "Zeta"]);
  });
});
