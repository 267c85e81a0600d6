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

/**
 * A calendar date "2004-08-06" as the language writes it in a table: 2004-08-06 (en, the inventory's ISO form),
 * 06/08/2004 (fr), 06.08.2004 (de). Anything that is not a plain ISO date is returned as it is.
 */
export function formatDate(isoDate: string, locale: Locale = DEFAULT_LOCALE): string {
  if (locale === DEFAULT_LOCALE || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" })));
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The inventory's Member State codes that are not ISO 3166 region codes (the EU writes Greece EL and the United Kingdom UK). */
const REGION_OF: Record<string, string> = { EL: "GR", UK: "GB" };
const regionNames = new Map<Locale, Intl.DisplayNames>();

/** A Member State's name in the language (Intl's region names); English keeps the inventory's own name. */
export function memberStateName(code: string, englishName: string, locale: Locale = DEFAULT_LOCALE): string {
  if (locale === DEFAULT_LOCALE) return englishName;
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" })));
  try {
    return names.of(REGION_OF[code] ?? code) ?? englishName;
  } catch {
    return englishName;
  }
}

const timestampFormats = new Map<Locale, Intl.DateTimeFormat>();

/** An audit time "2026-12-07T03:10:42.123Z" as a reader writes it: "2026-12-07 03:10 UTC" (en; ISO as the inventory writes dates), by Intl elsewhere. */
export function formatTimestamp(iso: string, locale: Locale = DEFAULT_LOCALE): string {
  const date = new Date(iso.endsWith("Z") || /[+-]\d{2}:\d{2}$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(date.getTime())) return iso;
  if (locale === "en") return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  let format = timestampFormats.get(locale);
  if (!format)
    timestampFormats.set(
      locale,
      // dateStyle cannot be combined with timeZoneName: the parts are named, in formatDate's day form.
      (format = new Intl.DateTimeFormat(locale, {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "UTC",
        timeZoneName: "short",
      })),
    );
  return format.format(date);
}
