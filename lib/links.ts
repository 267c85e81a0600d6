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

export function isCelex(value: string): boolean {
  return CELEX_PATTERN.test(value);
}
