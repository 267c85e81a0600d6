/**
 * next-intl's locale-aware navigation over the URL scheme of lib/i18n.ts (French and German prefixed, English not):
 * every internal link of the interface is this Link, so a French page links to French pages. Redirects on the server
 * use server/i18n.ts's redirect, which needs no React.
 */
import { createNavigation } from "next-intl/navigation";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/format";

export const { Link, usePathname, useRouter, getPathname } = createNavigation({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  // The URL alone chooses the language: no cookie remembers it, so a shared link opens in the language it names.
  localeCookie: false,
});
