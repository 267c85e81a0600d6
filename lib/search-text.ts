/**
 * Text matching for full-text search, shared by the query builder and the
 * highlighter so that what is highlighted is exactly what matched.
 *
 * The FTS5 tables hold text folded by the migration's triggers (Greek accents
 * removed, final sigma → sigma, ß → ss); FTS5 itself folds case and Latin
 * diacritics (`unicode61 remove_diacritics 2`, `trigram remove_diacritics 1`).
 * A query word matches a word that starts with it (word index, prefix query)
 * or, for words of three letters or more, any text containing it (trigram
 * index): "datenschutz" finds "Bundesdatenschutzgesetz".
 */

/** Case-, accent- and script-insensitive form of a text (the JS twin of the migration's fold). */
export function foldText(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ").replace(/ß/g, "ss");
}

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;

/** The words of a query, folded; punctuation and FTS5 syntax are dropped, so nothing the user types is an operator. */
export function queryTerms(query: string): string[] {
  const words = foldText(query.slice(0, MAX_QUERY_LENGTH)).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}

function quote(term: string): string {
  // Terms are letters and digits only, but quoting keeps FTS5 keywords (AND, NEAR) literal.
  return `"${term.replace(/"/g, '""')}"`;
}

/** MATCH expression for the word index: every term as a prefix (implicit AND). */
export function wordMatchExpression(terms: string[]): string | null {
  return terms.length ? terms.map((t) => `${quote(t)}*`).join(" ") : null;
}

/** MATCH expression for the trigram index: every term as a substring; null when a term is too short for trigrams. */
export function trigramMatchExpression(terms: string[]): string | null {
  if (!terms.length || terms.some((t) => [...t].length < 3)) return null;
  return terms.map(quote).join(" ");
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
