/**
 * Text matching for full-text search, shared by the query builder, the highlighter and the "why it matched" line, so
 * that what is highlighted and explained is what matched.
 *
 * The FTS5 tables hold text folded by the migration's triggers (Greek accents removed, final sigma → sigma, ß → ss);
 * FTS5 itself folds case and Latin diacritics (`unicode61 remove_diacritics 2`, `trigram remove_diacritics 1`). Each
 * query word (at most eight, AND-ed) matches
 * - a word that starts with it (word index, prefix query): "donn" finds "données";
 * - or a word that starts with its stem, when a stemmer of one of the inventory's languages shortens it by a little
 *   (lib/search-stems.ts; at least 4 letters and 60 % of the word kept): "personnelles" finds "personnel", so
 *   "données personnelles" finds "données à caractère personnel";
 * - or, for words of three letters or more, any text containing it or its stem (trigram index): "datenschutz" finds
 *   "Bundesdatenschutzgesetz". These substring-only hits rank after the others.
 * Word-index hits whose words stand within ten words of each other in one field rank first (an FTS5 NEAR group),
 * then by bm25. Nothing the user types becomes FTS5 syntax: terms are letters and digits, quoted.
 */
import { wordStems } from "./search-stems";

/** Case-, accent- and script-insensitive form of a text (the JS twin of the migration's fold). */
export function foldText(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ").replace(/ß/g, "ss");
}

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;
/** A stem keeps at least this many letters and this share of the word's letters. */
const MIN_STEM_LETTERS = 4;
const MIN_STEM_SHARE = 0.6;
/** Words within this many tokens of each other count as near (FTS5 NEAR). */
export const NEAR_DISTANCE = 10;

/** The words of a query, folded; punctuation and FTS5 syntax are dropped, so nothing the user types is an operator. */
export function queryTerms(query: string): string[] {
  const words = foldText(query.slice(0, MAX_QUERY_LENGTH)).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export interface SearchTerm {
  /** The word as typed, lower-cased (for explanations). */
  typed: string;
  /** Its folded form, as the indexes hold words. */
  word: string;
  /** Its shortest kept stem, folded: a proper prefix of `word`; null when no stemmer shortens it enough and no more. */
  stem: string | null;
}

const letterCount = (s: string) => [...s].length;

/**
 * The shortest stem of a word that is a real, modest shortening of it, folded. Stems are kept only as prefixes of the
 * folded word (so the shortest one's prefix query covers every longer one's), of at least MIN_STEM_LETTERS letters and
 * MIN_STEM_SHARE of the word: a query has no language, and this keeps one language's aggressive rule from reaching
 * unrelated words ("sicherheit" → German "sich" is dropped, "personnelles" → French "personnel" is kept).
 */
function shortestStem(typed: string, word: string): string | null {
  const letters = letterCount(word);
  const least = Math.max(MIN_STEM_LETTERS, Math.ceil(letters * MIN_STEM_SHARE));
  let best: string | null = null;
  for (const raw of wordStems(typed)) {
    const stem = foldText(raw);
    const n = letterCount(stem);
    if (n >= least && n < letters && word.startsWith(stem) && (best === null || n < letterCount(best))) best = stem;
  }
  return best;
}

/** The query's terms (as `queryTerms`) with what was typed and the stem of each. */
export function searchTerms(query: string): SearchTerm[] {
  const text = query.slice(0, MAX_QUERY_LENGTH).normalize("NFC");
  // The typed (unfolded) form of each folded word: the stemmers need the accents.
  const typedOf = new Map<string, string>();
  for (const w of text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    const lower = w.toLowerCase();
    const folded = foldText(lower);
    if (!typedOf.has(folded)) typedOf.set(folded, lower);
  }
  return queryTerms(text).map((word) => {
    const typed = typedOf.get(word) ?? word;
    return { typed, word, stem: shortestStem(typed, word) };
  });
}

/** Every folded form a term matches by: the word, then its stem. */
function termForms(term: SearchTerm): string[] {
  return term.stem ? [term.word, term.stem] : [term.word];
}

/** The forms to highlight: every term's word and stem. */
export function matchForms(terms: SearchTerm[]): string[] {
  return terms.flatMap(termForms);
}

function quote(form: string): string {
  // Forms are letters and digits only, but quoting keeps FTS5 keywords (AND, NEAR) literal.
  return `"${form.replace(/"/g, '""')}"`;
}

/** `a` alone or `(a OR b)`, the forms of one term. */
function anyOf(phrases: string[]): string {
  return phrases.length === 1 ? phrases[0]! : `(${phrases.join(" OR ")})`;
}

/** MATCH expression for the word index: each term's word or stem as a prefix, terms AND-ed. The word itself is kept beside its stem so that its own forms score higher in bm25. */
export function wordMatchExpression(terms: SearchTerm[]): string | null {
  return terms.length ? terms.map((t) => anyOf(termForms(t).map((f) => `${quote(f)}*`))).join(" AND ") : null;
}

/** MATCH expression for the trigram index: each term's word or stem as a substring, terms AND-ed; null when a word is too short for trigrams. */
export function trigramMatchExpression(terms: SearchTerm[]): string | null {
  if (!terms.length || terms.some((t) => letterCount(t.word) < 3)) return null;
  return terms.map((t) => anyOf(termForms(t).map(quote))).join(" AND ");
}

/**
 * The trigram expression for which records match, where no score is read: a form holding another of its term's forms
 * ("προστασια" holds its stem "προστασ") matches no record the shorter one does not, and the index would read it for
 * nothing (6.2 → 3.8 ms for the Greek word's 6,500 hits at scale). The scored expression keeps both, for bm25.
 */
export function trigramFilterExpression(terms: SearchTerm[]): string | null {
  if (!trigramMatchExpression(terms)) return null;
  return terms.map((t) => anyOf(shortestForms(termForms(t)).map(quote))).join(" AND ");
}

/** The forms not holding another of the forms. */
function shortestForms(forms: string[]): string[] {
  return forms.filter((f) => !forms.some((other) => other !== f && f.includes(other)));
}

/** MATCH expression for word-index hits whose terms stand near each other in one field; null for a single term. The stem's prefix covers the word's, so one phrase per term suffices. */
export function nearMatchExpression(terms: SearchTerm[]): string | null {
  if (terms.length < 2) return null;
  return `NEAR(${terms.map((t) => `${quote(t.stem ?? t.word)}*`).join(" ")}, ${NEAR_DISTANCE})`;
}

export interface TermMatch {
  /** The query word as typed. */
  typed: string;
  /** The word of the text that matched, as written there. */
  found: string;
  /** How: the word itself (or a word starting with it), its stem, or either inside a longer word. */
  how: "word" | "prefix" | "stem" | "inside" | "stem-inside";
  /** The folded form that matched (the word or its stem). */
  form: string;
}

/**
 * Why a record matched: for each term, the first word of the texts that matches it, the closest way first (the word,
 * a word starting with it, its stem, then either inside a longer word — the trigram index's substring hits).
 * Terms found in none of the texts are left out.
 */
export function explainMatch(texts: string[], terms: SearchTerm[]): TermMatch[] {
  const words = texts.flatMap((t) => (t.normalize("NFC").match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map((w) => ({ w, f: foldText(w) })));
  const out: TermMatch[] = [];
  for (const term of terms) {
    const tries: [TermMatch["how"], string, (f: string, form: string) => boolean][] = [
      ["word", term.word, (f, form) => f === form],
      ["prefix", term.word, (f, form) => f.startsWith(form)],
    ];
    if (term.stem) tries.push(["stem", term.stem, (f, form) => f.startsWith(form)]);
    if (letterCount(term.word) >= 3) tries.push(["inside", term.word, (f, form) => f.includes(form)]);
    if (term.stem) tries.push(["stem-inside", term.stem, (f, form) => f.includes(form)]);
    for (const [how, form, test] of tries) {
      const hit = words.find((x) => test(x.f, form));
      if (hit) {
        out.push({ typed: term.typed, found: hit.w, how, form });
        break;
      }
    }
  }
  return out;
}

/** One match in words: "personnel (a form of “personnelles”)". */
export function describeMatch(m: TermMatch): string {
  switch (m.how) {
    case "word":
      return `${m.found} (as typed)`;
    case "prefix":
      return `${m.found} (begins with “${m.typed}”)`;
    case "stem":
      return `${m.found} (a form of “${m.typed}”)`;
    case "inside":
      return `${m.found} (contains “${m.typed}”)`;
    case "stem-inside":
      return `${m.found} (contains “${m.form}”, a form of “${m.typed}”)`;
  }
}

/** Characters folded so far (bounded: a text can hold any character). */
const foldedChars = new Map<string, string>();
const FOLDED_CHARS_KEPT = 10_000;

/** `foldText` of one character, kept: highlighting folds every character of every result on a page, one at a time. */
function foldChar(c: string): string {
  let folded = foldedChars.get(c);
  if (folded === undefined) {
    folded = foldText(c);
    if (foldedChars.size < FOLDED_CHARS_KEPT) foldedChars.set(c, folded);
  }
  return folded;
}

export interface Segment {
  text: string;
  isMatch: boolean;
}

/**
 * Splits a text into plain and matched segments (rendered as text and <mark>),
 * by folding it character by character so offsets map back to the original.
 */
export function highlightSegments(text: string, terms: string[]): Segment[] {
  if (!text) return [];
  if (!terms.length) return [{ text, isMatch: false }];
  const chars = [...text];
  const folded: string[] = [];
  const owner: number[] = [];
  chars.forEach((c, i) => {
    for (const f of foldChar(c)) {
      folded.push(f);
      owner.push(i);
    }
  });
  const haystack = folded.join("");
  const marked = new Array<boolean>(chars.length).fill(false);
  const isWordChar = (s: string | undefined) => s !== undefined && /[\p{L}\p{N}]/u.test(s);
  for (const term of terms) {
    const needle = [...term];
    const substring = needle.length >= 3;
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(term, from);
      if (at < 0) break;
      const start = [...haystack.slice(0, at)].length;
      if (substring || !isWordChar(folded[start - 1])) {
        for (let k = start; k < start + needle.length; k++) marked[owner[k] ?? 0] = true;
      }
      from = at + term.length;
    }
  }
  const segments: Segment[] = [];
  chars.forEach((c, i) => {
    const last = segments[segments.length - 1];
    const isMatch = marked[i] === true;
    if (last && last.isMatch === isMatch) last.text += c;
    else segments.push({ text: c, isMatch });
  });
  return segments;
}

/** A window of the text around its first match, for long bodies in result lists. */
export function snippetSegments(text: string, terms: string[], radius = 90): Segment[] {
  const segments = highlightSegments(text, terms);
  const total = segments.reduce((n, s) => n + s.text.length, 0);
  if (total <= radius * 2) return segments;
  let offset = 0;
  let firstMatch = 0;
  for (const s of segments) {
    if (s.isMatch) {
      firstMatch = offset;
      break;
    }
    offset += s.text.length;
  }
  const start = Math.max(0, firstMatch - radius);
  const end = Math.min(total, start + radius * 2);
  const out: Segment[] = [];
  let pos = 0;
  for (const s of segments) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + s.text.length);
    if (a < b) out.push({ text: s.text.slice(a - pos, b - pos), isMatch: s.isMatch });
    pos += s.text.length;
  }
  if (start > 0) out.unshift({ text: "… ", isMatch: false });
  if (end < total) out.push({ text: " …", isMatch: false });
  return out;
}
