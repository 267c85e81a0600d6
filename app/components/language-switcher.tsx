"use client";
/**
 * The interface's language: a link per language to the same page with the same query. Plain links (a full page load),
 * because the root layout — and with it <html lang> and the header — is only rendered anew on a document request.
 * Each language's name is written in that language and marked with its `lang`, so a screen reader says it rightly.
 */
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { LOCALES } from "@/lib/format";
import { LOCALE_NAMES, localizedPath } from "@/lib/i18n";
import { usePathname } from "@/app/i18n/navigation";

export function LanguageSwitcher() {
  const t = useTranslations("site");
  const current = useLocale();
  const pathname = usePathname() || "/";
  const query = useSearchParams().toString();
  return (
    <nav aria-label={t("language")} className="language-switcher">
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <a
              href={localizedPath(locale, `${pathname}${query ? `?${query}` : ""}`)}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
            >
              {LOCALE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
