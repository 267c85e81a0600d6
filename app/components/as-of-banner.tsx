import { useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import type { AsOf } from "@/lib/as-of";
import { noticeText, type ParamNotice } from "@/lib/param-notices";
import type { Translate } from "@/lib/translate";
import { DateText } from "./date-text";

/** States the date the page is computed for, how, and how to get back to today. */
export function AsOfBanner({ asOf, path, extra }: { asOf: AsOf; path: string; extra?: string }) {
  const t = useTranslations("asOf");
  return (
    <p className="as-of-banner">
      <strong>{t.rich(asOf.isToday ? "bannerToday" : "banner", { date: () => <DateText value={asOf.date} /> })}</strong>{" "}
      <span className="muted">
        {t("summary")}
        {extra ? ` ${extra}` : ""}
      </span>
      {!asOf.isToday ? (
        <>
          {" "}
          <Link href={path}>{t("viewToday")}</Link>
        </>
      ) : null}
    </p>
  );
}

/**
 * What the page could not use from its address: the parsers' notices, worded in the page's language, then the
 * sentences the page worded itself.
 */
export function ParamErrors({ notices = [], errors = [] }: { notices?: readonly ParamNotice[]; errors?: readonly string[] }) {
  const t = useTranslations("asOf");
  const tm: Translate = useTranslations();
  const lines = [...notices.map((n) => noticeText(n, tm)), ...errors];
  if (!lines.length) return null;
  return (
    <div className="param-errors" role="alert">
      <p>
        <strong>{t("paramErrors")}</strong>
      </p>
      <ul>
        {lines.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
