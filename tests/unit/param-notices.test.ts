import { describe, expect, it } from "vitest";
import { measuresSpec } from "@/db/tables/measures";
import { transpositionsSpec } from "@/db/tables/transpositions";
import { resolveAsOf } from "@/lib/as-of";
import { COLLECTION_IDS } from "@/lib/collections";
import { parseChartParams, parseDashboardParams, parseGapParams } from "@/lib/dashboard-params";
import { MAP_INDICATORS } from "@/lib/map/indicators";
import { noticeText, quoted, type ParamNotice } from "@/lib/param-notices";
import { MAX_QUERY_LENGTH } from "@/lib/search-text";
import { MAX_PAGE_SIZE, parseTableQuery } from "@/lib/table-state";
import { translator } from "../support/intl";

const NOW = new Date("2026-12-01T12:00:00Z");
const en = translator("en");

describe("query-parameter notices worded by the page", () => {
  it("says in English what the parsers used to say (the API, the CSV and the report PDF answer with these)", () => {
    const cases: [ParamNotice, string][] = [
      [
        { code: "ignored", name: "state", value: "XX1", reason: { code: "stateCode" } },
        'Ignored state="XX1": must be a two-letter EU country code such as DE or EL.',
      ],
      [{ code: "ignored", name: "instrument", value: "x", reason: { code: "celex" } }, 'Ignored instrument="x": must be a CELEX number such as 31995L0046.'],
      [{ code: "ignored", name: "obligation", value: "!", reason: { code: "obligationKey" } }, 'Ignored obligation="!": must be an obligation key.'],
      [
        { code: "ignored", name: "adopted_from", value: "2001-13-01", reason: { code: "isoDate" } },
        'Ignored adopted_from="2001-13-01": must be a date written YYYY-MM-DD.',
      ],
      [
        { code: "ignored", name: "adopted_to", value: "1800-01-01", reason: { code: "dateBounds" } },
        'Ignored adopted_to="1800-01-01": must be between 1950-01-01 and 2100-12-31.',
      ],
      [{ code: "ignored", name: "principal", value: "maybe", reason: { code: "yesNo" } }, 'Ignored principal="maybe": must be yes or no.'],
      [
        { code: "ignored", name: "status", value: "full", reason: { code: "oneOf", allowed: ["in_force", "repealed"] } },
        'Ignored status="full": must be one of in_force, repealed.',
      ],
      [
        { code: "rangeReversed", prefix: "adopted", from: "2005-01-01", to: "2001-01-01" },
        "Ignored adopted_from/adopted_to: the start 2005-01-01 is after the end 2001-01-01.",
      ],
      [
        { code: "sortIgnored", value: "password_hash", allowed: ["title", "adopted_on"] },
        'Ignored sort="password_hash": sort by one of title, adopted_on (prefix - for descending).',
      ],
      [{ code: "pageIgnored", value: "-1" }, 'Ignored page="-1": must be a whole number from 1.'],
      [{ code: "pageSizeClamped", requested: 100000, shown: 100, max: 100 }, "page_size=100000 is out of range; showing 100 rows per page (1 to 100)."],
      [{ code: "pageSizeIgnored", value: "ten", max: 100 }, 'Ignored page_size="ten": must be a whole number from 1 to 100.'],
      [{ code: "queryCut", max: 200 }, "The search text was cut to 200 characters."],
      [
        { code: "defaultUsed", name: "map", reason: { code: "oneOf", allowed: ["deficit", "coverage"] } },
        '"map" must be one of deficit, coverage; using the default instead.',
      ],
      [
        { code: "asOfInvalid", today: "2026-12-01", reason: { code: "isoDate" } },
        'The "as of" date must be a date written YYYY-MM-DD; showing today (2026-12-01) instead.',
      ],
    ];
    for (const [notice, text] of cases) expect(noticeText(notice, en)).toBe(text);
  });

  it("words the same notice in French and German, quoting the value and the parameter's name as typed", () => {
    const state: ParamNotice = { code: "ignored", name: "state", value: "XX", reason: { code: "stateCode" } };
    expect(noticeText(state, translator("fr"))).toBe("Paramètre ignoré state=\"XX\" : doit être le code à deux lettres d'un pays de l'UE, comme DE ou EL.");
    expect(noticeText(state, translator("de"))).toBe('Ignoriert: state="XX": muss ein zweibuchstabiger EU-Ländercode wie DE oder EL sein.');
    const map: ParamNotice = { code: "defaultUsed", name: "map", reason: { code: "oneOf", allowed: ["deficit", "coverage"] } };
    expect(noticeText(map, translator("de"))).toBe(
      "„map“ muss einer der folgenden Werte sein: deficit, coverage; stattdessen wird der Standardwert verwendet.",
    );
    const asOf: ParamNotice = { code: "asOfInvalid", today: "2026-12-01", reason: { code: "dateBounds" } };
    expect(noticeText(asOf, translator("fr"))).toBe(
      "La date demandée (as_of) doit être comprise entre 1950-01-01 et 2100-12-31 ; affichage à la date d'aujourd'hui (2026-12-01) à la place.",
    );
  });

  it("quotes a refused value so spaces and quotes show, cut to 40 characters", () => {
    expect(quoted(' a"b ')).toBe('" a\\"b "');
    expect(quoted("x".repeat(100))).toBe(JSON.stringify("x".repeat(40)));
  });
});

describe("the parsers' notices", () => {
  it("gives the table pages one coded notice per refused parameter, the value as typed", () => {
    const { notices } = parseTableQuery(
      measuresSpec,
      {
        state: ["de", "DE"],
        instrument: "<script>",
        sort: "-password_hash",
        page: "0",
        page_size: "ten",
        status: "full",
        principal: "maybe",
        adopted_from: "2001-02-30",
        adopted_to: "1800-01-01",
        as_of: "nope",
      },
      NOW,
    );
    expect(notices).toEqual([
      { code: "sortIgnored", value: "-password_hash", allowed: expect.arrayContaining(["adopted_on"]) },
      { code: "pageIgnored", value: "0" },
      { code: "pageSizeIgnored", value: "ten", max: MAX_PAGE_SIZE },
      { code: "ignored", name: "principal", value: "maybe", reason: { code: "yesNo" } },
      { code: "ignored", name: "state", value: "de", reason: { code: "stateCode" } },
      { code: "ignored", name: "instrument", value: "<script>", reason: { code: "celex" } },
      { code: "ignored", name: "status", value: "full", reason: { code: "oneOf", allowed: measuresSpec.statuses } },
      { code: "ignored", name: "adopted_from", value: "2001-02-30", reason: { code: "isoDate" } },
      { code: "ignored", name: "adopted_to", value: "1800-01-01", reason: { code: "dateBounds" } },
      { code: "asOfInvalid", today: "2026-12-01", reason: { code: "isoDate" } },
    ]);
  });

  it("reports a clamped page size, a cut search text and a reversed date range, and keeps what it can", () => {
    const long = "a".repeat(MAX_QUERY_LENGTH + 5);
    const { query, notices } = parseTableQuery(transpositionsSpec, { page_size: "500", q: long, relation: "subset,sideways", hide: "nonsense" }, NOW);
    expect(query.pageSize).toBe(MAX_PAGE_SIZE);
    expect(query.relation).toEqual(["subset"]);
    expect(notices).toEqual([
      { code: "pageSizeClamped", requested: 500, shown: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
      { code: "queryCut", max: MAX_QUERY_LENGTH },
      { code: "ignored", name: "relation", value: "sideways", reason: { code: "oneOf", allowed: expect.arrayContaining(["subset"]) } },
      { code: "ignored", name: "hide", value: "nonsense", reason: { code: "oneOf", allowed: expect.arrayContaining(["none"]) } },
    ]);
    const reversed = parseTableQuery(measuresSpec, { adopted_from: "2005-01-01", adopted_to: "2001-01-01" }, NOW);
    expect(reversed.query.adopted).toEqual({ from: null, to: null });
    expect(reversed.notices).toEqual([{ code: "rangeReversed", prefix: "adopted", from: "2005-01-01", to: "2001-01-01" }]);
  });

  it("gives the dashboard, the gap matrix and the charts a default-used notice per replaced parameter", () => {
    const dashboard = parseDashboardParams({ map: "bogus", collection: "nope", as_of: "2001-13-45" });
    expect(dashboard.map).toBe(parseDashboardParams({}).map);
    expect(dashboard.notices).toEqual([
      { code: "asOfInvalid", today: dashboard.asOf.date, reason: { code: "isoDate" } },
      { code: "defaultUsed", name: "map", reason: { code: "oneOf", allowed: MAP_INDICATORS } },
      { code: "defaultUsed", name: "collection", reason: { code: "oneOf", allowed: COLLECTION_IDS } },
    ]);
    expect(
      parseGapParams({ view: "cells", instrument: "x", sort_rows: "up", sort_cols: "down" }).notices.map((n) => n.code === "defaultUsed" && n.name),
    ).toEqual(["view", "instrument", "sort_rows", "sort_cols"]);
    expect(parseChartParams({ instrument: "x" }).notices).toEqual([{ code: "defaultUsed", name: "instrument", reason: { code: "celex" } }]);
    expect(parseChartParams({ instrument: "31995L0046", as_of: "2001-06-06" }).notices).toEqual([]);
  });

  it("refuses an as-of date out of bounds with its own reason", () => {
    expect(noticeText(resolveAsOf("1800-01-01", NOW).notice!, en)).toBe(
      'The "as of" date must be between 1950-01-01 and 2100-12-31; showing today (2026-12-01) instead.',
    );
  });
});
