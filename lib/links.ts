/** Links built from data are only ever http(s); anything else renders as plain text. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const CELEX_PATTERN = /^[0-9]{5}[A-Z]{1,2}[0-9]{4}$/;

/** EUR-Lex's stable address for an act, by CELEX number. */
export function eurLexUrl(celex: string): string {
  if (!CELEX_PATTERN.test(celex)) throw new Error(`not a CELEX number: ${celex}`);
  return `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;
}

/**
 * Whether a source is the act's own page on EUR-Lex — the primary source for an instrument. Its
 * verification state is the record's (what was confirmed there), not a doubt about the source itself.
 */
export function isOwnEurLexPage(url: string | null, celex: string): boolean {
  if (!url || !CELEX_PATTERN.test(celex)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" || parsed.hostname !== "eur-lex.europa.eu") return false;
  const uri = parsed.searchParams.get("uri") ?? "";
  return uri.toUpperCase() === `CELEX:${celex}`;
}

export function isCelex(value: string): boolean {
  return CELEX_PATTERN.test(value);
}
