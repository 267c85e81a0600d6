/**
 * ISO 3166-1 numeric country ids (as world-atlas writes them, zero-padded)
 * to the EU's own country codes, which differ from ISO alpha-2 for Greece
 * (EL, not GR) and the United Kingdom (UK, not GB).
 */
export const ISO_NUMERIC_TO_EU: Readonly<Record<string, string>> = {
  "040": "AT",
  "056": "BE",
  "100": "BG",
  "191": "HR",
  "196": "CY",
  "203": "CZ",
  "208": "DK",
  "233": "EE",
  "246": "FI",
  "250": "FR",
  "276": "DE",
  "300": "EL",
  "348": "HU",
  "372": "IE",
  "380": "IT",
  "428": "LV",
  "440": "LT",
  "442": "LU",
  "470": "MT",
  "528": "NL",
  "616": "PL",
  "620": "PT",
  "642": "RO",
  "703": "SK",
  "705": "SI",
  "724": "ES",
  "752": "SE",
  "826": "UK",
};

export const EU_TO_ISO_NUMERIC: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ISO_NUMERIC_TO_EU).map(([iso, eu]) => [eu, iso]));

export function euCodeOf(isoNumeric: string | number | undefined | null): string | null {
  if (isoNumeric === undefined || isoNumeric === null) return null;
  return ISO_NUMERIC_TO_EU[String(isoNumeric).padStart(3, "0")] ?? null;
}
