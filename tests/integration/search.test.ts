import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { searchInventory, searchKinds, type SearchKind, type SearchResult } from "@/db/queries/search";
import { asOfRules, resolveAsOf, type AsOf } from "@/lib/as-of";
import { searchTerms, trigramMatchExpression, wordMatchExpression } from "@/lib/search-text";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { freshDatabase } from "../helpers/db";

let h: DbHandle;
beforeAll(() => {
  h = freshDatabase();
  loadSeed(h, readSeed());
});

const today = resolveAsOf(undefined);
const search = (q: string, kind: SearchKind | null = null, page = 1, pageSize = 1000, asOf: AsOf = today) =>
  searchInventory(h.db, { q, kind, asOf, page, pageSize });

/** The index rowid of a result (`id × 4 + kind code`), from its address. */
function rowidOf(r: SearchResult): number {
  const [, section, key] = r.href.split("/");
  const tail = decodeURIComponent(key!);
  if (section === "measures") return (h.sqlite.prepare("select id from national_measures where key = ?").pluck().get(tail) as number) * 4 + 1;
  if (section === "provisions") return Number(tail) * 4 + 2;
  return (h.sqlite.prepare("select id from obligations where key = ?").pluck().get(tail) as number) * 4 + 3;
}

/** Scores straight from the FTS5 tables: the word index's bm25 for word hits (tier 0), the trigram index's for the others (tier 1). */
function reference(q: string): Map<number, { tier: 0 | 1; score: number }> {
  const terms = searchTerms(q);
  const out = new Map<number, { tier: 0 | 1; score: number }>();
  const trigram = trigramMatchExpression(terms);
  if (trigram)
    for (const r of h.sqlite
      .prepare("select rowid as rid, bm25(search_trigram, 0.0, 3.0, 1.0) as score from search_trigram where search_trigram match ?")
      .all(trigram) as { rid: number; score: number }[])
      out.set(r.rid, { tier: 1, score: r.score });
  for (const r of h.sqlite
    .prepare("select rowid as rid, bm25(search_words, 0.0, 3.0, 1.0) as score from search_words where search_words match ?")
    .all(wordMatchExpression(terms)) as { rid: number; score: number }[])
    out.set(r.rid, { tier: 0, score: r.score });
  return out;
}

/** Whether the record behind an index rowid counts today, by the pure as-of rules: measures adopted and not repealed, provisions and obligations of adopted instruments. */
function countsToday(rid: number): boolean {
  const id = Math.floor(rid / 4);
  const adopted = (adoptionDate: string) => asOfRules.instrument({ adoptionDate }, today);
  if (rid % 4 === 1) {
    const m = h.sqlite
      .prepare(
        "select adopted_on as adoptedOn, published_on as publishedOn, in_force_on as inForceOn, repealed_on as repealedOn from national_measures where id = ?",
      )
      .get(id) as Parameters<typeof asOfRules.measure>[0];
    return asOfRules.measure(m, today);
  }
  if (rid % 4 === 2)
    return adopted(
      h.sqlite.prepare("select i.adoption_date from provisions p join instruments i on i.id = p.instrument_id where p.id = ?").pluck().get(id) as string,
    );
  const dates = h.sqlite
    .prepare(
      "select i.adoption_date from provision_obligations po join provisions p on p.id = po.provision_id join instruments i on i.id = p.instrument_id where po.obligation_id = ?",
    )
    .pluck()
    .all(id) as string[];
  return dates.length === 0 || dates.some(adopted);
}

describe("search counting and ranking", () => {
  // "sign" matches some fifty records by word (signature, signing…) and a few only inside words (design…), across the three kinds;
  // some of its measure hits were repealed before today.
  const queries = ["sign", "datenschutz"];

  it("has queries that reach both tiers (word-index and substring-only hits)", () => {
    for (const q of queries) {
      const tiers = new Set([...reference(q).values()].map((x) => x.tier));
      expect(tiers).toEqual(new Set([0, 1]));
    }
  });

  it("pages through every counted hit once, whatever the page size, with the same counts on every page and tab", () => {
    for (const q of queries) {
      const counts = search(q).countsByKind;
      for (const kind of [null, ...searchKinds]) {
        const all = search(q, kind);
        expect(all.countsByKind).toEqual(counts);
        expect(all.total).toBe(kind ? counts[kind] : counts.measure + counts.provision + counts.obligation);
        expect(all.results).toHaveLength(all.total);
        if (kind) expect(all.results.every((r) => r.kind === kind)).toBe(true);
        for (const size of [1, 3, 7]) {
          const pages = [];
          for (let page = 1; (page - 1) * size < all.total + size; page++) {
            const p = search(q, kind, page, size);
            expect(p.total).toBe(all.total);
            expect(p.countsByKind).toEqual(counts);
            pages.push(...p.results);
          }
          expect(pages.map((r) => r.href)).toEqual(all.results.map((r) => r.href));
        }
      }
    }
  });

  it("ranks word-index hits first, each tier by bm25 (title weighs 3, body 1), then id", () => {
    for (const q of queries) {
      const ref = reference(q);
      const ranked = search(q).results.map((r) => {
        const rid = rowidOf(r);
        return { rid, ...ref.get(rid)! };
      });
      expect(ranked.every((r) => r.tier !== undefined)).toBe(true);
      const sorted = [...ranked].sort((a, b) => a.tier - b.tier || a.score - b.score || a.rid - b.rid);
      expect(ranked).toEqual(sorted);
      // Nothing counting today is left out and nothing else is in: every index hit that counts today is here (the seed
      // has measures repealed by today, e.g. the 2001 laws their successors replaced, which do not).
      expect(new Set(ranked.map((r) => r.rid))).toEqual(new Set([...ref.keys()].filter(countsToday)));
    }
  });

  it("counts and lists only records that count as of the date, word and substring-only hits alike", () => {
    const measures = h.sqlite.prepare("select id, key from national_measures order by id limit 2").all() as { id: number; key: string }[];
    const [word, substring] = measures as [{ id: number; key: string }, { id: number; key: string }];
    const set = h.sqlite.prepare(
      "update national_measures set title_english = ?, adopted_on = ?, published_on = null, in_force_on = null, repealed_on = ? where id = ?",
    );
    // A word hit in force 2010–2015 and a substring-only hit (inside "Xyq…") in force 2012–2020.
    set.run("Zqvhitword act", "2010-01-01", "2015-01-01", word.id);
    set.run("Xyqzqvhitword act", "2012-01-01", "2020-01-01", substring.id);
    const at = (date: string) => {
      const r = search("zqvhitword", null, 1, 20, resolveAsOf(date));
      return { total: r.total, measures: r.countsByKind.measure, keys: r.results.map((x) => x.href) };
    };
    const href = (m: { key: string }) => `/measures/${encodeURIComponent(m.key)}`;
    expect(at("2009-06-30")).toEqual({ total: 0, measures: 0, keys: [] });
    expect(at("2011-06-30")).toEqual({ total: 1, measures: 1, keys: [href(word)] });
    expect(at("2013-06-30")).toEqual({ total: 2, measures: 2, keys: [href(word), href(substring)] });
    expect(at("2016-06-30")).toEqual({ total: 1, measures: 1, keys: [href(substring)] });
    expect(search("zqvhitword").total).toBe(0);
  });

  it("answers from the indexes again after any write, by this connection or another process", () => {
    const first = search("zzkeptword", null, 1, 20);
    expect(first.total).toBe(0);
    const measure = h.sqlite.prepare("select id from national_measures order by id desc limit 1").pluck().get() as number;
    h.sqlite.prepare("update national_measures set title_english = 'Zzkeptword act', adopted_on = '2001-01-01', repealed_on = null where id = ?").run(measure);
    expect(search("zzkeptword", null, 1, 20).total).toBe(1);
    const other = openDatabase(h.path);
    try {
      other.sqlite.prepare("update national_measures set title_english = 'Something else' where id = ?").run(measure);
    } finally {
      other.sqlite.close();
    }
    expect(search("zzkeptword", null, 1, 20).total).toBe(0);
    expect(search("zzkeptword", "measure", 1, 20).results).toEqual([]);
  });
});
