import { measuresSpec } from "@/db/tables/measures";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listMeasures } from "@/db/queries/measures";
import { searchInventory } from "@/db/queries/search";
import { resolveAsOf, type AsOf } from "@/lib/as-of";
import { describeMatch, nearMatchExpression, searchTerms } from "@/lib/search-text";
import { parseTableQuery } from "@/lib/table-state";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { freshDatabase } from "../helpers/db";

let h: DbHandle;
beforeAll(() => {
  h = freshDatabase();
  loadSeed(h, readSeed());
});

const today = resolveAsOf(undefined);
const search = (q: string, asOf: AsOf = today) => searchInventory(h.db, { q, kind: null, asOf, page: 1, pageSize: 100 });
const keyOf = (href: string) => decodeURIComponent(href.replace("/measures/", ""));

// Seed titles that say "données à caractère personnel" (France, Belgium, Luxembourg), in force today…
const personnelToday = [
  "fr-loi-2004-801",
  "be-loi-2018-07-30-vie-privee",
  "be-ar-2001-09-05-telecom-97-66",
  "lu-loi-2018-08-01-cnpd",
  "lu-loi-2005-05-30-eprivacy",
];
// …and the ones repealed since, in force in 2005.
const personnel2005 = ["be-loi-1998-transposition-95-46", "be-loi-1992-vie-privee", "lu-loi-2002-08-02"];

describe("search finds what a person types (issue #17, item 5)", () => {
  it("finds “données à caractère personnel” for “données personnelles”, and says why", () => {
    const r = search("données personnelles");
    const keys = r.results.map((x) => keyOf(x.href));
    expect(keys).toEqual(expect.arrayContaining([...personnelToday, "fr-loi-2018-493"]));
    for (const x of r.results.filter((x) => personnelToday.includes(keyOf(x.href)))) {
      expect(x.title).toContain("données à caractère personnel");
      expect(x.matched.map(describeMatch)).toEqual(["données (as typed)", "personnel (a form of “personnelles”)"]);
    }
    const literal = r.results.find((x) => keyOf(x.href) === "fr-loi-2018-493")!;
    expect(literal.matched.map(describeMatch)).toEqual(["données (as typed)", "personnelles (as typed)"]);

    const past = search("DONNEES PERSONNELLES", resolveAsOf("2005-01-01")).results.map((x) => keyOf(x.href));
    expect(past).toEqual(expect.arrayContaining(personnel2005));
  });

  it("filters the measures table by the same rules", () => {
    const { query, notices } = parseTableQuery(measuresSpec, { q: "données personnelles", page_size: "100" });
    expect(notices).toEqual([]);
    const keys = listMeasures(h.db, query, today).rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining([...personnelToday, "fr-loi-2018-493"]));
    expect(new Set(keys)).toEqual(
      new Set(
        search("données personnelles")
          .results.filter((x) => x.kind === "measure")
          .map((x) => keyOf(x.href)),
      ),
    );
  });

  it("still finds words inside compounds, and says so", () => {
    expect(search("datenschutz").results.some((r) => r.title.includes("Bundesdatenschutzgesetz"))).toBe(true);
    const in2010 = search("datenschutz", resolveAsOf("2010-01-01")).results.find((r) => keyOf(r.href) === "de-bdsg-2001")!;
    expect(in2010.title).toContain("Bundesdatenschutzgesetzes");
    expect(in2010.matched.map(describeMatch)).toEqual(["Bundesdatenschutzgesetzes (contains “datenschutz”)"]);
  });

  it("ranks records whose words stand near each other first, then by bm25", () => {
    // A short title with the two words twelve words apart: bm25 alone would put it first.
    const measure = h.sqlite.prepare("select id, key, title_original as title from national_measures where key = 'de-dsanpug-eu-2017'").get() as {
      id: number;
      key: string;
      title: string;
    };
    const far = "Données un deux trois quatre cinq six sept huit neuf dix onze douze personnelles";
    h.sqlite.prepare("update national_measures set title_original = ? where id = ?").run(far, measure.id);
    try {
      const terms = searchTerms("données personnelles");
      const near = new Set(h.sqlite.prepare("select rowid from search_words where search_words match ?").pluck().all(nearMatchExpression(terms)) as number[]);
      expect(near.has(measure.id * 4 + 1)).toBe(false);
      const bm25 = (key: string) =>
        h.sqlite
          .prepare(
            "select bm25(search_words, 0.0, 3.0, 1.0) from search_words where search_words match ? and rowid = (select id * 4 + 1 from national_measures where key = ?)",
          )
          .pluck()
          .get(`"donnees"* "personnel"*`, key) as number;
      expect(bm25(measure.key)).toBeLessThan(bm25("fr-loi-2004-801"));

      const keys = search("données personnelles").results.map((x) => keyOf(x.href));
      expect(keys.at(-1)).toBe(measure.key);
      expect(keys.indexOf("fr-loi-2004-801")).toBeLessThan(keys.indexOf(measure.key));
    } finally {
      h.sqlite.prepare("update national_measures set title_original = ? where id = ?").run(measure.title, measure.id);
    }
  });
});
