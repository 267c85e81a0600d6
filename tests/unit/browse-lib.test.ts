import { transpositionsSpec } from "@/db/tables/transpositions";
import { measuresSpec } from "@/db/tables/measures";
import { describe, expect, it } from "vitest";
import { asOfRules, resolveAsOf, withAsOf } from "@/lib/as-of";
import { foldText, highlightSegments, queryTerms, searchTerms, snippetSegments, trigramMatchExpression, wordMatchExpression } from "@/lib/search-text";
import { hiddenColumns, parseTableQuery, tableHref, tableSearchParams, MAX_PAGE_SIZE } from "@/lib/table-state";

const NOW = new Date("2026-12-01T12:00:00Z");

describe("as-of dates", () => {
  it("defaults to today and rejects malformed or impossible dates with a notice", () => {
    expect(resolveAsOf(undefined, NOW)).toEqual({ date: "2026-12-01", isToday: true, notice: null });
    expect(resolveAsOf("2001-06-06", NOW)).toEqual({ date: "2001-06-06", isToday: false, notice: null });
    for (const bad of ["2001-02-30", "06/06/2001", "yesterday", "2001-6-6", "1800-01-01", "'; drop table x"]) {
      const r = resolveAsOf(bad, NOW);
      expect(r.date).toBe("2026-12-01");
      expect(r.notice).toMatchObject({ code: "asOfInvalid", today: "2026-12-01" });
    }
    expect(resolveAsOf("2001-02-30", NOW).notice).toMatchObject({ reason: { code: "isoDate" } });
    expect(resolveAsOf("1800-01-01", NOW).notice).toMatchObject({ reason: { code: "dateBounds" } });
  });

  it("applies the documented rules", () => {
    const past = resolveAsOf("2001-06-06", NOW);
    const today = resolveAsOf(undefined, NOW);
    const m = { adoptedOn: "2001-05-18", publishedOn: null, inForceOn: "2001-05-23", repealedOn: null };
    expect(asOfRules.measure(m, past, NOW)).toBe(true);
    expect(asOfRules.measure({ ...m, repealedOn: "2001-06-06" }, past, NOW)).toBe(false);
    expect(asOfRules.measure({ ...m, adoptedOn: null, inForceOn: "2001-07-01" }, past, NOW)).toBe(false);
    const undated = { adoptedOn: null, publishedOn: null, inForceOn: null, repealedOn: null };
    expect(asOfRules.measure(undated, past, NOW)).toBe(false);
    expect(asOfRules.measure(undated, today, NOW)).toBe(true);
    expect(asOfRules.notification({ notifiedOn: null }, past, NOW)).toBe(false);
    expect(asOfRules.notification({ notifiedOn: null }, today, NOW)).toBe(true);
    expect(asOfRules.notification({ notifiedOn: "2001-06-06" }, past, NOW)).toBe(true);
    expect(asOfRules.member({ accessionDate: "1973-01-01", exitDate: "2020-01-31" }, past)).toBe(true);
    expect(asOfRules.member({ accessionDate: "1973-01-01", exitDate: "2020-01-31" }, today)).toBe(false);
    expect(asOfRules.member({ accessionDate: "2013-07-01", exitDate: null }, past)).toBe(false);
  });

  it("carries a non-default date in links", () => {
    expect(withAsOf("/measures", resolveAsOf(undefined, NOW))).toBe("/measures");
    expect(withAsOf("/measures?state=DE#x", resolveAsOf("2001-06-06", NOW))).toBe("/measures?state=DE&as_of=2001-06-06#x");
  });
});

describe("table query parsing", () => {
  it("reads the shared vocabulary, several states and a signed sort", () => {
    const { query, notices } = parseTableQuery(
      measuresSpec,
      { state: ["DE", "FR"], instrument: "31995L0046", sort: "-in_force_on", page: "3", page_size: "50", status: "in_force,repealed" },
      NOW,
    );
    expect(notices).toEqual([]);
    expect(query).toMatchObject({
      state: ["DE", "FR"],
      instrument: "31995L0046",
      sort: { id: "in_force_on", desc: true },
      page: 3,
      pageSize: 50,
      status: ["in_force", "repealed"],
    });
  });

  it("reads a query naming __proto__ as Next hands it over: a later sort=x is not Array.prototype.sort", () => {
    // Next adds a repeated key's values to an array; "__proto__" and then "sort" are both found on the object already.
    const raw: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams("__proto__=de&sort=-in_force_on&map=x"))
      raw[k] = k in raw ? (Array.isArray(raw[k]) ? [...(raw[k] as unknown[]), v] : [raw[k], v]) : v;
    const { query } = parseTableQuery(measuresSpec, raw as Parameters<typeof parseTableQuery>[1], NOW);
    expect(query.sort).toEqual({ id: "in_force_on", desc: true });
  });

  it("drops bad values with a notice and never throws", () => {
    const { query, notices } = parseTableQuery(
      measuresSpec,
      {
        state: ["de", "XXX", "DE"],
        instrument: "<script>",
        sort: "password_hash",
        page: "-1",
        page_size: "100000",
        status: "full",
        adopted_from: "2001-13-01",
        as_of: "nope",
      },
      NOW,
    );
    expect(query.state).toEqual(["DE"]);
    expect(query.instrument).toBeNull();
    expect(query.sort).toEqual(measuresSpec.defaultSort);
    expect(query.page).toBe(1);
    expect(query.pageSize).toBe(MAX_PAGE_SIZE);
    expect(query.status).toEqual([]);
    expect(query.adopted.from).toBeNull();
    expect(notices.length).toBe(9);
    expect(notices).toContainEqual(expect.objectContaining({ code: "sortIgnored", value: "password_hash" }));
  });

  it("only accepts the statuses and filters of its own table", () => {
    expect(parseTableQuery(transpositionsSpec, { status: "full" }, NOW).query.status).toEqual(["full"]);
    expect(parseTableQuery(measuresSpec, { status: "full" }, NOW).notices).toHaveLength(1);
    expect(parseTableQuery(measuresSpec, { relation: "subset" }, NOW).query.relation).toEqual([]);
  });

  it("writes a canonical URL that parses back to the same view", () => {
    const raw = { state: ["DE", "FR"], q: "datenschutz", sort: "adopted_on", page: "2", as_of: "2001-06-06", hide: ["status"] };
    const parsed = parseTableQuery(measuresSpec, raw, NOW);
    const hidden = hiddenColumns(measuresSpec, parsed.query, raw);
    const qs = tableSearchParams(measuresSpec, parsed.query, parsed.asOf, hidden);
    expect(qs.toString()).toBe("state=DE&state=FR&q=datenschutz&as_of=2001-06-06&sort=adopted_on&page=2&hide=status");
    const again: Record<string, string[]> = {};
    for (const [k, v] of qs) again[k] = [...(again[k] ?? []), v];
    expect(parseTableQuery(measuresSpec, again, NOW).query).toEqual(parsed.query);
    expect(tableHref(measuresSpec, parsed.query, parsed.asOf, hidden, { page: 1 })).not.toContain("page=");
  });

  it("hides the default columns unless the URL says otherwise", () => {
    const defaults = measuresSpec.columns.filter((c) => c.hiddenByDefault).map((c) => c.id);
    expect(hiddenColumns(measuresSpec, parseTableQuery(measuresSpec, {}, NOW).query, {})).toEqual(defaults);
    expect(hiddenColumns(measuresSpec, parseTableQuery(measuresSpec, { hide: "none" }, NOW).query, { hide: "none" })).toEqual([]);
  });
});

describe("search text", () => {
  it("folds case, Latin and Greek accents and final sigma", () => {
    expect(foldText("Données ÉLECTRONIQUE")).toBe("donnees electronique");
    expect(foldText("Νόμος ΠΡΟΣΤΑΣΊΑ")).toBe("νομοσ προστασια");
    expect(foldText("Straße")).toBe("strasse");
  });

  it("builds match expressions from words only", () => {
    expect(queryTerms('" OR 1=1 -- NEAR(x)')).toEqual(["or", "1", "near", "x"]);
    expect(wordMatchExpression(searchTerms("or 1"))).toBe('"or"* AND "1"*');
    expect(trigramMatchExpression(searchTerms("datenschutz"))).toBe('"datenschutz"');
    expect(trigramMatchExpression(searchTerms("de datenschutz"))).toBeNull();
    expect(wordMatchExpression(searchTerms("*** ^^^"))).toBeNull();
  });

  it("splits text into plain and matched segments without HTML", () => {
    const segs = highlightSegments("Bundesdatenschutzgesetz <b>", ["datenschutz"]);
    expect(segs).toEqual([
      { text: "Bundes", isMatch: false },
      { text: "datenschutz", isMatch: true },
      { text: "gesetz <b>", isMatch: false },
    ]);
    expect(highlightSegments("Loi relative aux données", ["donnees"]).find((s) => s.isMatch)?.text).toBe("données");
    expect(highlightSegments("Νόμος 2472/1997", ["νομοσ"]).find((s) => s.isMatch)?.text).toBe("Νόμος");
    // Two-letter terms match at word starts only.
    expect(
      highlightSegments("Code de la", ["de"])
        .filter((s) => s.isMatch)
        .map((s) => s.text),
    ).toEqual(["de"]);
    const long = `${"a ".repeat(200)}données ${"b ".repeat(200)}`;
    const snip = snippetSegments(long, ["donnees"]);
    expect(snip.some((s) => s.isMatch && s.text === "données")).toBe(true);
    expect(snip.map((s) => s.text).join("").length).toBeLessThan(200);
  });
});
