/**
 * Full-text search over the FTS5 indexes of migration 0004 (see
 * lib/search-text.ts for the matching rules). Match expressions are bound
 * parameters built from letters and digits only.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { instruments, memberStates, nationalMeasures, obligations, provisions } from "../schema";
import { measureCountsAsOfAlias, type AsOf } from "@/lib/as-of";
import { queryTerms, trigramMatchExpression, wordMatchExpression } from "@/lib/search-text";

export const searchKinds = ["measure", "provision", "obligation"] as const;
export type SearchKind = (typeof searchKinds)[number];
const KIND_CODE: Record<SearchKind, number> = { measure: 1, provision: 2, obligation: 3 };

/** `(select record id …)` of the records of one kind matching the text, for `id in (…)` filters; null when the text has no words. */
export function matchingIdsSql(kind: SearchKind, text: string): SQL | null {
  const terms = queryTerms(text);
  const words = wordMatchExpression(terms);
  if (!words) return null;
  const trigram = trigramMatchExpression(terms);
  const code = KIND_CODE[kind];
  const wordPart = sql`select rowid / 4 from search_words where search_words match ${words} and rowid % 4 = ${code}`;
  return trigram ? sql`(${wordPart} union select rowid / 4 from search_trigram where search_trigram match ${trigram} and rowid % 4 = ${code})` : sql`(${wordPart})`;
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
  context: string;
}

export interface SearchPage {
  terms: string[];
  total: number;
  countsByKind: Record<SearchKind, number>;
  results: SearchResult[];
}

/** The "as of" rule on a hit's `rid`: measures by the as-of rule, provisions with their instrument's adoption, obligations when a provision imposing them counts. */
function hitCountsAsOf(asOf: AsOf): SQL {
  return sql`(rid % 4 <> 1 or exists (select 1 from national_measures m where m.id = rid / 4 and ${measureCountsAsOfAlias("m", asOf)}))
      and (rid % 4 <> 2 or exists (select 1 from provisions p join instruments i on i.id = p.instrument_id where p.id = rid / 4 and i.adoption_date <= ${asOf.date}))
      and (rid % 4 <> 3 or not exists (select 1 from provision_obligations po0 where po0.obligation_id = rid / 4) or exists (select 1 from provision_obligations po join provisions p on p.id = po.provision_id join instruments i on i.id = p.instrument_id where po.obligation_id = rid / 4 and i.adoption_date <= ${asOf.date}))`;
}

/** Per kind, the records matching (and counting as of the date), and how many of them the word index matches. No bm25: counting needs no rank. */
function countHits(db: Db, words: string, trigram: string | null, asOf: AsOf): { code: number; n: number; words: number }[] {
  const wordIds = sql`select rowid as rid, 0 as tier from search_words where search_words match ${words}`;
  const union = trigram ? sql`${wordIds} union all select rowid as rid, 1 as tier from search_trigram where search_trigram match ${trigram}` : wordIds;
  return db.all(sql`with h as materialized (${union}), hits as (select rid, min(tier) as tier from h group by rid)
    select rid % 4 as code, count(*) as n, sum(tier = 0) as words from hits where ${hitCountsAsOf(asOf)} group by rid % 4`);
}

/**
 * One tier of the ranking: word-index hits (tier 0), or substring-only hits (tier 1, those the word index does not match),
 * by bm25 (title weighs 3, body 1), then id.
 */
function rankTier(db: Db, tier: 0 | 1, words: string, trigram: string, kindCode: number | null, asOf: AsOf, limit: number, offset: number): { rid: number }[] {
  // MATERIALIZED keeps SQLite from flattening the FTS scan into the outer query, where bm25() is not allowed.
  const scored =
    tier === 0
      ? sql`select rowid as rid, bm25(search_words, 0.0, 3.0, 1.0) as score from search_words where search_words match ${words}`
      : sql`select rowid as rid, bm25(search_trigram, 0.0, 3.0, 1.0) as score from search_trigram where search_trigram match ${trigram}
          and rowid not in (select rowid from search_words where search_words match ${words})`;
  const kind = kindCode === null ? sql`` : sql`rid % 4 = ${kindCode} and`;
  return db.all(sql`with s as materialized (${scored}) select rid from s where ${kind} ${hitCountsAsOf(asOf)} order by score, rid limit ${limit} offset ${offset}`);
}

export function searchInventory(db: Db, options: { q: string; kind: SearchKind | null; asOf: AsOf; page: number; pageSize: number }): SearchPage {
  const terms = queryTerms(options.q);
  const countsByKind: Record<SearchKind, number> = { measure: 0, provision: 0, obligation: 0 };
  const words = wordMatchExpression(terms);
  if (!words) return { terms, total: 0, countsByKind, results: [] };
  const trigram = trigramMatchExpression(terms);

  const wordsByKind: Record<SearchKind, number> = { measure: 0, provision: 0, obligation: 0 };
  for (const row of countHits(db, words, trigram, options.asOf)) {
    const kind = searchKinds.find((k) => KIND_CODE[k] === row.code);
    if (kind) {
      countsByKind[kind] = row.n;
      wordsByKind[kind] = row.words;
    }
  }
  const total = options.kind ? countsByKind[options.kind] : countsByKind.measure + countsByKind.provision + countsByKind.obligation;
  const wordTotal = options.kind ? wordsByKind[options.kind] : wordsByKind.measure + wordsByKind.provision + wordsByKind.obligation;
  // Word-index hits rank above substring-only hits, so a page within the first tier needs no substring ranking (and the other way round).
  const from = (options.page - 1) * options.pageSize;
  const to = from + options.pageSize;
  const kindCode = options.kind ? KIND_CODE[options.kind] : null;
  const ranked: { rid: number }[] = [];
  if (from < wordTotal) ranked.push(...rankTier(db, 0, words, trigram ?? "", kindCode, options.asOf, Math.min(to, wordTotal) - from, from));
  if (trigram && to > wordTotal && total > wordTotal) ranked.push(...rankTier(db, 1, words, trigram, kindCode, options.asOf, to - Math.max(from, wordTotal), Math.max(0, from - wordTotal)));
  const ids = (code: number) => ranked.filter((r) => r.rid % 4 === code).map((r) => Math.floor(r.rid / 4));
  const found = new Map<number, SearchResult>();

  const measureIds = ids(1);
  if (measureIds.length) {
    const rows = db
      .select({ id: nationalMeasures.id, key: nationalMeasures.key, title: nationalMeasures.titleOriginal, english: nationalMeasures.titleEnglish, identifier: nationalMeasures.nationalIdentifier, lang: nationalMeasures.language, state: memberStates.name, adoptedOn: nationalMeasures.adoptedOn })
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
        context: `National measure · ${r.state}${r.adoptedOn ? ` · adopted ${r.adoptedOn}` : ""}`,
      });
  }
  const provisionIds = ids(2);
  if (provisionIds.length) {
    const rows = db
      .select({ id: provisions.id, kind: provisions.kind, number: provisions.number, heading: provisions.heading, summary: provisions.summary, shortName: instruments.shortName })
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
        context: `Provision · ${r.shortName} ${r.kind === "annex" ? "Annex" : "Art."} ${r.number}`,
      });
  }
  const obligationIds = ids(3);
  if (obligationIds.length) {
    const rows = db.select({ id: obligations.id, key: obligations.key, duty: obligations.duty, addressee: obligations.addressee }).from(obligations).where(and(inArray(obligations.id, obligationIds))).all();
    for (const r of rows) found.set(r.id * 4 + 3, { kind: "obligation", href: `/obligations/${encodeURIComponent(r.key)}`, title: r.duty, titleLang: null, body: "", context: "Security obligation" });
  }
  return { terms, total, countsByKind, results: ranked.map((r) => found.get(r.rid)).filter((r): r is SearchResult => r !== undefined) };
}
