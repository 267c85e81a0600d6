/**
 * Full-text search over the FTS5 indexes of migration 0004 (see
 * lib/search-text.ts for the matching rules: words, their stems, substrings,
 * nearness). Match expressions are bound parameters built from letters and
 * digits only.
 */
import { memoOnContent, type MemoGroup } from "@/db/cache/memo";
import { measureCountsAsOfAlias } from "@/db/as-of";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, memberStates, nationalMeasures, obligations, provisions } from "../schema";
import { todayIso, type AsOf } from "@/lib/as-of";
import {
  explainMatch,
  nearMatchExpression,
  searchTerms,
  trigramFilterExpression,
  trigramMatchExpression,
  wordMatchExpression,
  type SearchTerm,
  type TermMatch,
} from "@/lib/search-text";

export const searchKinds = ["measure", "provision", "obligation"] as const;
export type SearchKind = (typeof searchKinds)[number];
const KIND_CODE: Record<SearchKind, number> = { measure: 1, provision: 2, obligation: 3 };

/** `(select record id …)` of the records of one kind matching the text, for `id in (…)` filters; null when the text has no words. */
export function matchingIdsSql(kind: SearchKind, text: string): SQL | null {
  const terms = searchTerms(text);
  const words = wordMatchExpression(terms);
  if (!words) return null;
  const trigram = trigramFilterExpression(terms);
  const code = KIND_CODE[kind];
  const wordPart = sql`select rowid / 4 from search_words where search_words match ${words} and rowid % 4 = ${code}`;
  return trigram
    ? sql`(${wordPart} union select rowid / 4 from search_trigram where search_trigram match ${trigram} and rowid % 4 = ${code})`
    : sql`(${wordPart})`;
}

export interface SearchHit {
  kind: SearchKind;
  id: number;
  score: number;
}

export interface SearchResult {
  kind: SearchKind;
  /** The address of the record's page. */
  href: string;
  title: string;
  titleLang: string | null;
  body: string;
  /** A measure's French and German working titles (the page shows the one of its language); null for other records. */
  workingTitles: { workingTitleFr: string | null; workingTitleDe: string | null } | null;
  /** What the record is, as data for the page to put into words (db/ stays free of the interface's language). */
  context: SearchContext;
  /** Why it matched: the word of its title or body that matched each query word, and how. */
  matched: TermMatch[];
}

/** A result's context line in parts: "National measure · France · adopted 2004-08-06", "Provision · DPD Art. 17", "Security obligation". */
export type SearchContext =
  | { kind: "measure"; stateCode: string; stateName: string; adoptedOn: string | null }
  | { kind: "provision"; shortName: string; provisionKind: string; number: string }
  | { kind: "obligation" };

export interface SearchPage {
  terms: SearchTerm[];
  total: number;
  countsByKind: Record<SearchKind, number>;
  results: SearchResult[];
}

/** The "as of" rule on an index rowid (`id × 4 + kind code`): measures by the as-of rule, provisions with their instrument's adoption, obligations when a provision imposing them counts. */
function hitCountsAsOf(rid: SQL, asOf: AsOf): SQL {
  return sql`(${rid} % 4 <> 1 or exists (select 1 from national_measures m where m.id = ${rid} / 4 and ${measureCountsAsOfAlias("m", asOf)}))
      and (${rid} % 4 <> 2 or exists (select 1 from provisions p join instruments i on i.id = p.instrument_id where p.id = ${rid} / 4 and i.adoption_date <= ${asOf.date}))
      and (${rid} % 4 <> 3 or not exists (select 1 from provision_obligations po0 where po0.obligation_id = ${rid} / 4) or exists (select 1 from provision_obligations po join provisions p on p.id = po.provision_id join instruments i on i.id = p.instrument_id where po.obligation_id = ${rid} / 4 and i.adoption_date <= ${asOf.date}))`;
}

/**
 * One pass over the indexes: the hits counting as of the date (word-index hits, tier 0, with their bm25 — title weighs 3,
 * body 1 — and substring-only hits, tier 1: the trigram index's that the word index does not match), counted per kind,
 * and the requested slice of tier 0: hits whose terms are near each other first (`match.near`), then by bm25, then rowid.
 * Each index is read once (the NEAR group once more) and each hit checked once; the counts and the slice come from the
 * same materialized hits, so nothing large crosses into JavaScript.
 */
function countAndRankWordHits(
  db: Db,
  match: MatchExpressions,
  asOf: AsOf,
  kindCode: number | null,
  limit: number,
  offset: number,
): { counts: { code: number; n: number; words: number }[]; ranked: { rid: number }[] } {
  const { words, trigramFilter, near } = match;
  const wordHits = sql`select rid, apart, score, 0 as tier from w where ${hitCountsAsOf(sql`rid`, asOf)}`;
  const substringHits = trigramFilter
    ? sql` union all select rid, null, null, 1 from (select rowid as rid from search_trigram where search_trigram match ${trigramFilter} and rowid not in (select rid from w)) where ${hitCountsAsOf(sql`rid`, asOf)}`
    : sql``;
  const kind = kindCode === null ? sql`` : sql` and rid % 4 = ${kindCode}`;
  // MATERIALIZED keeps SQLite from flattening the FTS scan into the outer query, where bm25() is not allowed, and reads `hits` once for both parts.
  const apart = near ? sql`rowid not in (select rowid from search_words where search_words match ${near})` : sql`0`;
  const rows = db.values<
    [0 | 1, number, number | null, number | null]
  >(sql`with w as materialized (select rowid as rid, ${apart} as apart, bm25(search_words, 0.0, 3.0, 1.0) as score from search_words where search_words match ${words}),
    hits as materialized (${wordHits}${substringHits})
    select 0, rid % 4, count(*), sum(tier = 0) from hits group by rid % 4
    union all select * from (select 1, rid, null, null from hits where tier = 0${kind} order by apart, score, rid limit ${limit} offset ${offset})`);
  return {
    counts: rows.filter((r) => r[0] === 0).map(([, code, n, w]) => ({ code, n: n ?? 0, words: w ?? 0 })),
    ranked: rows.filter((r) => r[0] === 1).map(([, rid]) => ({ rid })),
  };
}

interface MatchExpressions {
  /** Word index: every term as a prefix, or its stem. */
  words: string;
  /** Trigram index: every term as a substring, or its stem; null when a term is too short. */
  trigram: string | null;
  /** The same records as `trigram`, read with fewer phrases where no score is needed (`trigramFilterExpression`). */
  trigramFilter: string | null;
  /** Word index: the terms near each other; null for a single term. */
  near: string | null;
}

/** Searches kept, in a group of their own: there are as many as users type, and they must not push out the dashboard's views. */
const KEPT_SEARCHES: MemoGroup = { name: "searches", kept: 64 };

/** How many of the best word-index hits a kept search holds (the first ten pages of 20). */
const RANKS_KEPT = 200;
type WordHits = ReturnType<typeof countAndRankWordHits>;

/**
 * `countAndRankWordHits` for the slice [from, to), kept per search (terms, date, kind) while the inventory is unchanged
 * (`memoOnContent`): paging through the first pages, going back and searching again read the indexes once. Pages beyond
 * RANKS_KEPT are ranked afresh.
 */
function rankedWordHits(db: Db, match: MatchExpressions, asOf: AsOf, kindCode: number | null, from: number, to: number): WordHits {
  if (to > RANKS_KEPT) return countAndRankWordHits(db, match, asOf, kindCode, to - from, from);
  const key = `search|${JSON.stringify([match.words, match.trigram, match.near, asOf.date, kindCode])}`;
  const hits = memoOnContent(db, key, todayIso(), () => countAndRankWordHits(db, match, asOf, kindCode, RANKS_KEPT, 0), KEPT_SEARCHES);
  return { counts: hits.counts, ranked: hits.ranked.slice(from, to) };
}

/** Substring-only hits (those the word index does not match) by their trigram bm25, then rowid: the pages past the word-index hits. */
function rankSubstringHits(db: Db, words: string, trigram: string, kindCode: number | null, asOf: AsOf, limit: number, offset: number): { rid: number }[] {
  const scored = sql`select rowid as rid, bm25(search_trigram, 0.0, 3.0, 1.0) as score from search_trigram where search_trigram match ${trigram}
          and rowid not in (select rowid from search_words where search_words match ${words})`;
  const kind = kindCode === null ? sql`` : sql`rid % 4 = ${kindCode} and`;
  return db.all(
    sql`with s as materialized (${scored}) select rid from s where ${kind} ${hitCountsAsOf(sql`rid`, asOf)} order by score, rid limit ${limit} offset ${offset}`,
  );
}

export function searchInventory(db: Db, options: { q: string; kind: SearchKind | null; asOf: AsOf; page: number; pageSize: number }): SearchPage {
  const terms = searchTerms(options.q);
  const countsByKind: Record<SearchKind, number> = { measure: 0, provision: 0, obligation: 0 };
  const words = wordMatchExpression(terms);
  if (!words) return { terms, total: 0, countsByKind, results: [] };
  const trigram = trigramMatchExpression(terms);
  const match: MatchExpressions = { words, trigram, trigramFilter: trigramFilterExpression(terms), near: nearMatchExpression(terms) };

  const from = (options.page - 1) * options.pageSize;
  const to = from + options.pageSize;
  const kindCode = options.kind ? KIND_CODE[options.kind] : null;
  const { counts, ranked } = rankedWordHits(db, match, options.asOf, kindCode, from, to);
  const wordsByKind: Record<SearchKind, number> = { measure: 0, provision: 0, obligation: 0 };
  for (const row of counts) {
    const kind = searchKinds.find((k) => KIND_CODE[k] === row.code);
    if (kind) {
      countsByKind[kind] = row.n;
      wordsByKind[kind] = row.words;
    }
  }
  const total = options.kind ? countsByKind[options.kind] : countsByKind.measure + countsByKind.provision + countsByKind.obligation;
  const wordTotal = options.kind ? wordsByKind[options.kind] : wordsByKind.measure + wordsByKind.provision + wordsByKind.obligation;
  // Word-index hits rank above substring-only hits, so a page within the first tier needs no substring ranking.
  if (trigram && to > wordTotal && total > wordTotal)
    ranked.push(...rankSubstringHits(db, words, trigram, kindCode, options.asOf, to - Math.max(from, wordTotal), Math.max(0, from - wordTotal)));
  const ids = (code: number) => ranked.filter((r) => r.rid % 4 === code).map((r) => Math.floor(r.rid / 4));
  const found = new Map<number, Omit<SearchResult, "matched">>();

  const measureIds = ids(1);
  if (measureIds.length) {
    const rows = db
      .select({
        id: nationalMeasures.id,
        key: nationalMeasures.key,
        title: nationalMeasures.titleOriginal,
        english: nationalMeasures.titleEnglish,
        workingTitleFr: nationalMeasures.workingTitleFr,
        workingTitleDe: nationalMeasures.workingTitleDe,
        identifier: nationalMeasures.nationalIdentifier,
        lang: nationalMeasures.language,
        state: memberStates.name,
        stateCode: nationalMeasures.stateCode,
        adoptedOn: nationalMeasures.adoptedOn,
      })
      .from(nationalMeasures)
      .innerJoin(memberStates, eq(memberStates.code, nationalMeasures.stateCode))
      .where(inArray(nationalMeasures.id, measureIds))
      .all();
    for (const r of rows)
      found.set(r.id * 4 + 1, {
        kind: "measure",
        href: `/measures/${encodeURIComponent(r.key)}`,
        title: r.title,
        titleLang: r.lang,
        body: [r.english, r.identifier].filter(Boolean).join(" · "),
        workingTitles: { workingTitleFr: r.workingTitleFr, workingTitleDe: r.workingTitleDe },
        context: { kind: "measure", stateCode: r.stateCode, stateName: r.state, adoptedOn: r.adoptedOn },
      });
  }
  const provisionIds = ids(2);
  if (provisionIds.length) {
    const rows = db
      .select({
        id: provisions.id,
        kind: provisions.kind,
        number: provisions.number,
        heading: provisions.heading,
        summary: provisions.summary,
        shortName: instruments.shortName,
      })
      .from(provisions)
      .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
      .where(inArray(provisions.id, provisionIds))
      .all();
    for (const r of rows)
      found.set(r.id * 4 + 2, {
        kind: "provision",
        href: `/provisions/${r.id}`,
        title: r.heading,
        titleLang: null,
        body: r.summary,
        workingTitles: null,
        context: { kind: "provision", shortName: r.shortName, provisionKind: r.kind, number: r.number },
      });
  }
  const obligationIds = ids(3);
  if (obligationIds.length) {
    const rows = db
      .select({ id: obligations.id, key: obligations.key, duty: obligations.duty, addressee: obligations.addressee })
      .from(obligations)
      .where(and(inArray(obligations.id, obligationIds)))
      .all();
    for (const r of rows)
      found.set(r.id * 4 + 3, {
        kind: "obligation",
        href: `/obligations/${encodeURIComponent(r.key)}`,
        title: r.duty,
        titleLang: null,
        body: "",
        workingTitles: null,
        context: { kind: "obligation" },
      });
  }
  const results = ranked.flatMap((r) => {
    const hit = found.get(r.rid);
    return hit ? [{ ...hit, matched: explainMatch([hit.title, hit.body], terms) }] : [];
  });
  return { terms, total, countsByKind, results };
}
