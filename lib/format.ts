/**
 * Numbers and dates as a reader of a language writes them, through Intl: the one place the interface formats
 * them, so that a French or German interface (issue #18) changes the locale here, not every page. English keeps
 * the inventory's written forms: ISO dates, "16.7%", no thousands separator in figures read against each other.
 */
export const LOCALES = ["en", "fr", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** A decimal with a fixed number of digits: 16.7 (en), 16,7 (fr, de). */
export function formatDecimal(value: number, digits = 1, locale: Locale = DEFAULT_LOCALE): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
}

/** A share as a percentage: 0.167 → "16.7%" (en), "16,7 %" (fr), "16,7 %" (de). */
export function formatShare(share: number, digits = 1, locale: Locale = DEFAULT_LOCALE): string {
  return numberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(share);
}

/** A count as words would write it: 1,234 (en), 1 234 (fr), 1.234 (de). */
export function formatCount(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A change with its sign: "+2", "0", "−1" is written "-1" as the Scoreboard writes it. */
export function formatSigned(value: number, locale: Locale = DEFAULT_LOCALE): string {
  if (value === 0) value = 0; // -0 reads as 0
  return `${value > 0 ? "+" : ""}${numberFormat(locale, { maximumFractionDigits: 0, useGrouping: false }).format(value)}`;
}

const monthFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "1999-12-31" with month precision: "December 1999" (en), "décembre 1999" (fr), "Dezember 1999" (de). */
export function formatMonthYear(isoDate: string, locale: Locale = DEFAULT_LOCALE): string {
  let format = monthFormats.get(locale);
  if (!format) monthFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" })));
  return format.format(new Date(`${isoDate.slice(0, 7)}-01T00:00:00Z`));
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A day: "2004-08-06" as the inventory writes it in English, "6 août 2004" (fr), "6. August 2004" (de). */
export function formatDate(isoDate: string, locale: Locale = DEFAULT_LOCALE): string {
  if (locale === "en") return isoDate;
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })));
  return format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
