"use client";
/**
 * The header's search box and as-of control. Both are GET forms, so they work
 * without JavaScript; the as-of form reopens the current page with the other
 * parameters kept (and the page reset), read from the current URL. Both post
 * to the page in the interface's language.
 */
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { localizedPath } from "@/lib/i18n";
import { usePathname } from "@/app/i18n/navigation";

export function HeaderTools() {
  const t = useTranslations("header");
  const locale = useLocale();
  const pathname = usePathname() || "/";
  const params = useSearchParams();
  const asOf = params.get("as_of") ?? "";
  const kept = [...params.entries()].filter(([k]) => k !== "as_of" && k !== "page");
  return (
    <div className="header-tools">
      <form method="get" action={localizedPath(locale, "/search")} role="search" aria-label={t("searchLabel")}>
        <label htmlFor="site-search" className="visually-hidden">
          {t("searchFieldLabel")}
        </label>
        <input
          id="site-search"
          type="search"
          name="q"
          placeholder={t("searchPlaceholder")}
          maxLength={200}
          defaultValue={pathname === "/search" ? (params.get("q") ?? "") : ""}
        />
        {asOf ? <input type="hidden" name="as_of" value={asOf} /> : null}
        <button type="submit">{t("search")}</button>
      </form>
      <form method="get" action={localizedPath(locale, pathname)} aria-label={t("asOfLabel")} key={`${pathname}?${params.toString()}`}>
        {kept.map(([k, v], i) => (
          <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor="site-as-of">{t("asOf")}</label> <input id="site-as-of" type="date" name="as_of" defaultValue={asOf} min="1950-01-01" max="2100-12-31" />
        <button type="submit">{t("show")}</button>
      </form>
    </div>
  );
}
