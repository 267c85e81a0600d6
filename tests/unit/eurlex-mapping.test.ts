import { describe, expect, it } from "vitest";
import { skipReasonText } from "@/lib/eurlex/words";
import { translator } from "../support/intl";
import { authorityUri, memberStateFromAuthority } from "@/lib/eurlex/countries";
import {
  cleanDate,
  cleanUrl,
  groupMeasureRows,
  instrumentFromRows,
  measureTypeFromAct,
  publicationReference,
  shortNameFromCelex,
  type CellarInstrument,
  type NotifiedMeasure,
} from "@/lib/eurlex/map";
import { buildPlan, importedMeasureKey, notificationSuffix, type ExistingMeasure, type PlanContext } from "@/lib/eurlex/plan";
import { instrumentQuery, measuresQuery, queryKind } from "@/lib/eurlex/queries";
import { MalformedResponseError, parseSparqlResults, type SparqlRow } from "@/lib/eurlex/sparql-results";

const row = (values: Record<string, string>, langs: Record<string, string> = {}): SparqlRow => ({ values, langs });
const C = "http://publications.europa.eu/resource/authority/country/";

describe("country authority codes", () => {
  it.each([
    ["DEU", "DE"],
    ["GRC", "EL"],
    ["GBR", "UK"],
    ["FRA", "FR"],
    ["SVN", "SI"],
  ])("%s is %s", (alpha3, eu) => {
    expect(memberStateFromAuthority(`${C}${alpha3}`)).toBe(eu);
    expect(memberStateFromAuthority(alpha3.toLowerCase())).toBe(eu);
  });
  it("does not guess a code that is not a (former) Member State", () => {
    expect(memberStateFromAuthority(`${C}XYZ`)).toBeNull();
    expect(memberStateFromAuthority(`${C}CHE`)).toBeNull();
    expect(memberStateFromAuthority(`${C}GRE`)).toBeNull();
  });
  it("maps back to the authority URI", () => {
    expect(authorityUri("EL")).toBe(`${C}GRC`);
  });
});

describe("dates, text and links from CELLAR", () => {
  it("treats the Office's placeholder dates as missing", () => {
    expect(cleanDate("1001-01-01")).toBeNull();
    expect(cleanDate("9999-12-31")).toBeNull();
    expect(cleanDate("1799-12-31")).toBeNull();
  });
  it("reads a day from the forms CDM dates come in, and refuses a day that does not exist", () => {
    expect(cleanDate("2025-01-15")).toBe("2025-01-15");
    expect(cleanDate("2025-01-15+01:00")).toBe("2025-01-15");
    expect(cleanDate("2025-01-15T00:00:00Z")).toBe("2025-01-15");
    expect(cleanDate("2021-02-30")).toBeNull();
    expect(cleanDate("15.01.2025")).toBeNull();
  });
  it("keeps only http(s) links", () => {
    expect(cleanUrl("javascript:alert(1)")).toBeNull();
    expect(cleanUrl("data:text/html,x")).toBeNull();
    expect(cleanUrl(" https://www.boe.es/eli/es/rdl/2018/09/07/12 ")).toBe("https://www.boe.es/eli/es/rdl/2018/09/07/12");
  });
  it("types national acts coarsely", () => {
    expect(measureTypeFromAct("Gesetz")).toBe("act");
    expect(measureTypeFromAct("Decreto legislativo")).toBe("decree");
    expect(measureTypeFromAct("Statutory Instrument")).toBe("regulation");
    expect(measureTypeFromAct("Ordonnance")).toBe("administrative_provision");
    expect(measureTypeFromAct("Νόμος")).toBe("act");
    expect(measureTypeFromAct(null)).toBe("other");
  });
  it("builds the national publication reference", () => {
    expect(publicationReference({ ojName: "Boletín Oficial del Estado", ojNumber: "218", publishedOn: "2018-09-08", ojPage: "87675" })).toBe(
      "Boletín Oficial del Estado 218, 8.9.2018, p. 87675",
    );
    expect(publicationReference({ ojName: null, ojNumber: null, publishedOn: "2018-09-08", ojPage: null })).toBeNull();
  });
});

describe("short names", () => {
  it.each([
    ["31995L0046", "directive", "95/46/EC"],
    ["31990L0388", "directive", "90/388/EEC"],
    ["31999L0093", "directive", "1999/93/EC"],
    ["32013L0040", "directive", "2013/40/EU"],
    ["32014R0910", "regulation", "910/2014"],
    ["32016R0679", "regulation", "2016/679"],
    ["32022L2555", "directive", "2022/2555"],
  ] as const)("%s is %s", (celex, type, name) => expect(shortNameFromCelex(celex, type)).toBe(name));
});

describe("W3C SPARQL JSON results", () => {
  const ok = {
    head: { vars: ["a", "b"] },
    results: {
      bindings: [
        { a: { type: "uri", value: "http://x" }, b: { type: "literal", value: "Titel", "xml:lang": "de" } },
        { a: { type: "typed-literal", datatype: "http://www.w3.org/2001/XMLSchema#date", value: "2020-01-01" } },
      ],
    },
  };
  it("reads values and languages; an unbound variable is absent", () => {
    const { rows } = parseSparqlResults(ok);
    expect(rows[0]).toEqual({ values: { a: "http://x", b: "Titel" }, langs: { b: "de" } });
    expect(rows[1]!.values).toEqual({ a: "2020-01-01" });
  });
  it("names the row that broke, counted across pages", () => {
    const bad = { head: { vars: ["a"] }, results: { bindings: [{ a: { type: "uri", value: "x" } }, { a: { type: "literal" } }] } };
    expect(() => parseSparqlResults(bad, 501)).toThrow(/^Row 502 of the endpoint's answer has a malformed value for \?a/);
    expect(() => parseSparqlResults({ head: { vars: [] }, results: { bindings: [{ a: { type: "blob", value: "x" } }] } })).toThrow(MalformedResponseError);
    expect(() => parseSparqlResults({ head: { vars: [] }, results: { bindings: ["x"] } })).toThrow(/Row 1 .* not a binding object/);
  });
  it("refuses what is not a results document", () => {
    expect(() => parseSparqlResults({ boolean: true })).toThrow(/not SPARQL JSON results/);
    expect(() => parseSparqlResults("<html>")).toThrow(MalformedResponseError);
  });
});

describe("queries", () => {
  it("ask by typed CELEX literal with the published CDM properties, and refuse anything that is not a CELEX", () => {
    const q = measuresQuery("32022L2555", 500, 1000);
    expect(q).toContain('cdm:resource_legal_id_celex "32022L2555"^^xsd:string');
    expect(q).toContain("cdm:measure_national_implementing_implements_resource_legal");
    expect(q).toContain("cdm:measure_national_implementing_implemented_by_country");
    expect(q).toContain('FILTER(STRSTARTS(STR(?celex), "72022L2555"))');
    expect(q).toMatch(/LIMIT 500 OFFSET 1000$/);
    expect(queryKind(q)).toBe("measures");
    expect(queryKind(instrumentQuery("32022L2555"))).toBe("instrument");
    expect(() => instrumentQuery('32022L2555" } DROP')).toThrow();
  });
});

describe("grouping measure rows", () => {
  it("makes one record per CELLAR work, with every directive it implements and the title in the state's language", () => {
    const base = { nim: "http://cellar/1", celex: "72002L0058BEL_2003", country: `${C}BEL`, dateDocument: "2003-06-13", dateNotification: "1001-01-01" };
    const measures = groupMeasureRows(
      [
        row({ ...base, title: "Wet betreffende de elektronische communicatie", alsoImplements: "32002L0058" }, { title: "nl" }),
        row({ ...base, title: "Loi relative aux communications électroniques", alsoImplements: "32002L0021" }, { title: "fr" }),
        row({ nim: "http://cellar/2", celex: "72002L0058GRC_1", country: `${C}GRC` }),
        row({ celex: "no work" }),
      ],
      "32002L0058",
    );
    expect(measures).toHaveLength(2);
    expect(measures[0]).toMatchObject({
      stateCode: "BE",
      countryCode: "BEL",
      title: "Loi relative aux communications électroniques",
      language: "fr",
      notifiedOn: null,
      implements: ["32002L0021", "32002L0058"],
    });
    expect(measures[1]).toMatchObject({ stateCode: "EL", title: null, language: "el", implements: ["32002L0058"] });
  });

  it("reads an instrument's metadata, keeping the earliest deadline and dropping placeholders", () => {
    const rows = [
      row({
        work: "w",
        type: "http://publications.europa.eu/resource/authority/resource-type/DIR",
        title: "Directive X",
        dateDocument: "2019-06-20",
        deadline: "2021-12-17",
        ojCollection: "http://publications.europa.eu/resource/authority/document-collection/OJ-L",
        ojNumber: "305",
        ojDate: "2019-11-26",
      }),
      row({ work: "w", deadline: "2023-12-17" }),
      row({ work: "w", deadlineLegacy: "1001-01-01" }),
    ];
    const i = instrumentFromRows("32019L1937", rows, [
      row({ relation: "repeals", otherCelex: "32001L0001" }),
      row({ relation: "cites", otherCelex: "32001L0002" }),
    ])!;
    expect(i).toMatchObject({
      type: "directive",
      shortName: "2019/1937",
      deadlines: ["2021-12-17", "2023-12-17"],
      ojReference: "OJ L 305, 26.11.2019",
      relations: [{ relation: "repeals", celex: "32001L0001" }],
    });
    expect(instrumentFromRows("32019L1937", [], [])).toBeNull();
  });
});

describe("matching and the preview", () => {
  const instrument: CellarInstrument = {
    celex: "32002L0058",
    workUri: "w",
    type: "directive",
    resourceType: null,
    shortName: "2002/58/EC",
    title: "T",
    adoptionDate: "2002-07-12",
    eli: null,
    deadlines: ["2003-10-31"],
    ojReference: "OJ L 201",
    relations: [],
  };
  const notified = (over: Partial<NotifiedMeasure>): NotifiedMeasure => ({
    workUri: "w1",
    celex: "72002L0058DEU_100",
    countryCode: "DEU",
    stateCode: "DE",
    title: "Gesetz A",
    language: "de",
    typeAct: "Gesetz",
    adoptedOn: "2004-06-22",
    notifiedOn: "2004-07-01",
    publishedOn: null,
    inForceOn: null,
    ojName: null,
    ojNumber: null,
    ojPage: null,
    referenceCommission: null,
    referenceMemberState: null,
    localId: null,
    eli: null,
    link: null,
    implements: ["32002L0058"],
    ...over,
  });
  const existing = (over: Partial<ExistingMeasure>): ExistingMeasure => ({
    id: 1,
    version: 3,
    key: "de-a",
    stateCode: "DE",
    verification: "unverified",
    titleOriginal: "Gesetz A",
    nationalIdentifier: null,
    adoptedOn: "2004-06-22",
    publishedOn: null,
    inForceOn: null,
    notifiedOn: null,
    publicationReference: null,
    url: null,
    eli: null,
    eurLexNimNumber: null,
    instruments: ["32002L0058"],
    ...over,
  });
  const ctx = (candidates: ExistingMeasure[], over: Partial<PlanContext> = {}): PlanContext => ({
    celex: "32002L0058",
    retrievedAt: "2026-12-07T10:00:00.000Z",
    existingInstrument: { celex: "32002L0058", shortName: "2002/58/EC" },
    inventoryInstruments: new Map([
      ["32002L0058", "2002/58/EC"],
      ["32009L0136", "2009/136/EC"],
    ]),
    lineagePairs: new Set(),
    memberStates: new Set(["DE", "FR", "EL", "UK"]),
    candidates,
    notifications: [],
    takenKeys: new Set(),
    ...over,
  });

  it("matches by EUR-Lex number first, then national identifier, then title and date — in the same state only", () => {
    const byCelex = buildPlan(
      instrument,
      [notified({ title: "Anders" })],
      ctx([existing({ id: 7, eurLexNimNumber: "72002L0058DEU_100", titleOriginal: "Other" })]),
    ).measures[0];
    expect(byCelex).toMatchObject({ kind: "matched", measureId: 7, matchedBy: "celex" });
    const bySuffix = buildPlan(
      instrument,
      [notified({})],
      ctx([existing({ id: 8, eurLexNimNumber: "72009L0136DEU_100", titleOriginal: "Other", adoptedOn: null })]),
    ).measures[0];
    expect(bySuffix).toMatchObject({ measureId: 8, matchedBy: "celex" });
    const byId = buildPlan(
      instrument,
      [notified({ referenceMemberState: " BGBL. I 2004 S. 1190 " })],
      ctx([existing({ id: 9, nationalIdentifier: "BGBl. I 2004 S. 1190", titleOriginal: "x" })]),
    ).measures[0];
    expect(byId).toMatchObject({ measureId: 9, matchedBy: "national_identifier" });
    const byTitle = buildPlan(instrument, [notified({ title: "gesetz  a." })], ctx([existing({ id: 10 })])).measures[0];
    expect(byTitle).toMatchObject({ measureId: 10, matchedBy: "title_and_date" });
    const otherState = buildPlan(instrument, [notified({ stateCode: "FR", countryCode: "FRA" })], ctx([existing({ id: 11 })])).measures[0];
    expect(otherState).toMatchObject({ kind: "new", key: "fr-eurlex-100" });
  });

  it("fills missing values, overwrites unverified ones, and makes differing verified values conflicts", () => {
    const m = notified({ title: "Gesetz A (neu)", publishedOn: "2004-06-25", notifiedOn: "2004-07-01" });
    const unverified = buildPlan(
      instrument,
      [m],
      ctx([existing({ id: 1, nationalIdentifier: null, eurLexNimNumber: "72002L0058DEU_100", notifiedOn: "2004" })]),
    ).measures[0]!;
    expect(unverified.kind === "matched" && unverified.changes.map((c) => c.field)).toEqual(["titleOriginal", "publishedOn", "notifiedOn"]);
    expect(unverified.kind === "matched" && unverified.conflicts).toEqual([]);
    const verified = buildPlan(instrument, [m], ctx([existing({ id: 1, verification: "verified", eurLexNimNumber: "72002L0058DEU_100" })])).measures[0]!;
    expect(verified.kind === "matched" && verified.conflicts).toEqual([{ field: "titleOriginal", before: "Gesetz A", after: "Gesetz A (neu)" }]);
    expect(verified.kind === "matched" && verified.changes.map((c) => c.field)).toEqual(["publishedOn", "notifiedOn"]);
  });

  it("adds the other directives an act is notified for when they are in the inventory, and counts a match with nothing new as unchanged", () => {
    const plan = buildPlan(
      instrument,
      [notified({ implements: ["32002L0058", "32009L0136", "32009L0140"] })],
      ctx([existing({ eurLexNimNumber: "72002L0058DEU_100", notifiedOn: "2004-07-01" })]),
    );
    expect(plan.measures[0]).toMatchObject({ changes: [{ field: "instruments", before: "32002L0058", after: "32002L0058, 32009L0136" }] });
    const same = buildPlan(instrument, [notified({})], ctx([existing({ eurLexNimNumber: "72002L0058DEU_100", notifiedOn: "2004-07-01" })]));
    expect(same.summary).toMatchObject({ unchanged: 1, matched: 0 });
  });

  it("skips unknown countries and measures that are not valid, and gives new measures free keys", () => {
    const plan = buildPlan(
      instrument,
      [
        notified({ stateCode: null, countryCode: "XYZ", celex: "72002L0058XYZ_1" }),
        notified({ celex: "72002L0058DEU_2", adoptedOn: "2005-01-01", inForceOn: "2004-01-01", title: "B" }),
        notified({ celex: "72002L0058DEU_3", title: null, adoptedOn: null }),
      ],
      ctx([], { takenKeys: new Set(["de-eurlex-3"]) }),
    );
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      { code: "invalid", issues: "inForceOn: Entry into force cannot be before adoption." },
      { code: "unknownCountry", country: "XYZ" },
    ]);
    expect(plan.skipped.map((s) => skipReasonText(s.reason, translator("en"))).sort()).toEqual([
      "not a valid measure: inForceOn: Entry into force cannot be before adoption.",
      "unknown country code XYZ: not a Member State of the inventory",
    ]);
    expect(plan.measures[0]).toMatchObject({ kind: "new", key: "de-eurlex-3-2", title: "Untitled measure notified as 72002L0058DEU_3" });
  });

  it("dates notifications that have no date and suggests, never sets, a principal measure", () => {
    const plan = buildPlan(
      instrument,
      [notified({ notifiedOn: "2004-07-01" }), notified({ workUri: "w2", celex: "72002L0058DEU_200", title: "C", notifiedOn: "2003-12-01" })],
      ctx([], { notifications: [{ id: 5, version: 2, stateCode: "DE", notifiedOn: null, principalMeasureKey: null }] }),
    );
    expect(plan.notifications).toEqual([{ notificationId: 5, version: 2, stateCode: "DE", notifiedOn: "2003-12-01", suggestedPrincipal: "de-eurlex-200" }]);
  });

  it("reads the notification part of a sector-7 CELEX", () => {
    expect(notificationSuffix("72022L2555DEU_202501234")).toBe("DEU_202501234");
    expect(notificationSuffix("32022L2555")).toBeNull();
    expect(importedMeasureKey("EL", "72002L0058GRC_200600744", new Set())).toBe("el-eurlex-200600744");
  });
});
