/**
 * The same page in each language (hreflang), from the path proxy.ts served; English is also the default. Next merges a
 * page's `alternates` over the layout's as a whole, so a page that sets its own (an Atom feed) spreads these in.
 */
import { LOCALES } from "@/lib/format";
import { localizedPath } from "@/lib/i18n";
import { requestPathname } from "@/server/i18n";

export async function languageAlternates(): Promise<Record<string, string>> {
  const pathname = (await requestPathname()) ?? "/";
  const languages: Record<string, string> = Object.fromEntries(LOCALES.map((l) => [l, localizedPath(l, pathname)]));
  languages["x-default"] = localizedPath("en", pathname);
  return languages;
}
