/**
 * The request's interface language (set by proxy.ts from the URL), and redirects that keep it: a server action or a
 * guard redirecting to "/staff/…" from a French page lands on "/fr/staff/…".
 */
import { headers } from "next/headers";
import { redirect as nextRedirect } from "next/navigation";
import { DEFAULT_LOCALE, type Locale } from "@/lib/format";
import { LOCALE_HEADER, PATHNAME_HEADER, isLocale, localizedPath } from "@/lib/i18n";

/** The language of the request being served; English outside a request or when the proxy did not run (the API). */
export async function requestLocale(): Promise<Locale> {
  try {
    const value = (await headers()).get(LOCALE_HEADER);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** The requested page's path without its language prefix, for the hreflang alternates. */
export async function requestPathname(): Promise<string | null> {
  try {
    return (await headers()).get(PATHNAME_HEADER);
  } catch {
    return null;
  }
}

/** next/navigation's redirect to `path` in the request's language. Await it: it never returns. */
export async function redirect(path: string): Promise<never> {
  nextRedirect(localizedPath(await requestLocale(), path));
}
