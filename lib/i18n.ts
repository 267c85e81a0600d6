/**
 * Where the interface's language lives in a URL (issue #18): French and German pages are prefixed (`/fr/…`, `/de/…`),
 * English is not. The route files stay where they are (app/ has no [locale] segment, so branches adding pages merge):
 * proxy.ts takes the prefix off, serves the unprefixed route and passes the language on in a request header.
 * Pure string logic here, so the proxy, the server's redirects and the switcher agree and are unit-tested.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./format";

/** The request header proxy.ts sets to the page's language; it overwrites whatever a client sent. */
export const LOCALE_HEADER = "x-inventory-locale";
/** The request header proxy.ts sets to the page's path without its language prefix, for the hreflang alternates. */
export const PATHNAME_HEADER = "x-inventory-pathname";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** "/fr/measures" → { locale: "fr", pathname: "/measures", prefixed: true }; "/measures" → English, unprefixed. */
export function splitLocale(pathname: string): { locale: Locale; pathname: string; prefixed: boolean } {
  const match = /^\/([a-z]{2})(?=\/|$)/.exec(pathname);
  if (!match || !isLocale(match[1])) return { locale: DEFAULT_LOCALE, pathname, prefixed: false };
  return { locale: match[1], pathname: pathname.slice(match[0].length) || "/", prefixed: true };
}

/** A same-site path (with its query or fragment) in `locale`: "/measures?x=1" → "/fr/measures?x=1", "/" → "/fr". */
export function localizedPath(locale: Locale, path: string): string {
  if (!path.startsWith("/") || path.startsWith("//")) return path;
  const end = path.search(/[?#]/);
  const [pathname, rest] = end < 0 ? [path, ""] : [path.slice(0, end), path.slice(end)];
  const bare = splitLocale(pathname).pathname;
  if (locale === DEFAULT_LOCALE) return bare + rest;
  return (bare === "/" ? `/${locale}` : `/${locale}${bare}`) + rest;
}

/** The language names as each language writes its own, for the switcher (they stay in their language). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français", de: "Deutsch" };
