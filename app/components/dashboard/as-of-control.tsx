import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { Link } from "@/app/i18n/navigation";
import { useLocalePath } from "@/app/i18n/paths";
import { todayIso, type AsOf } from "@/lib/as-of";
import { DateText } from "../date-text";
import { shiftYears } from "@/lib/indicators/dashboard";
import { queryString } from "@/lib/dashboard-params";
import { AsOfSlider } from "./as-of-slider";
import { ClientMessages } from "@/app/i18n/client-messages-provider";

export const FIRST_YEAR = 1995;

/**
 * The as-of date of the page, visible, with a previous/next-year stepper
 * (plain links), a date form (GET) and a year slider. `query` holds the
 * page's other parameters, kept by every control.
 */
export function AsOfControl({ asOf, path, query }: { asOf: AsOf; path: string; query: Record<string, string> }) {
  const t = useTranslations("asOf");
  const localePath = useLocalePath();
  const locale = useLocale();
  const today = todayIso();
  const previous = shiftYears(asOf.date, -1);
  const nextRaw = shiftYears(asOf.date, 1);
  const next = nextRaw > today ? today : nextRaw;
  const href = (date: string) => `${path}${queryString({ ...query, as_of: date })}`;
  return (
    <section className="as-of-control" aria-labelledby="as-of-heading">
      <h2 id="as-of-heading" className="as-of-title">
        {t.rich(asOf.isToday ? "titleToday" : "title", { date: () => <DateText value={asOf.date} /> })}
      </h2>
      <div className="as-of-tools">
        <nav aria-label={t("stepper")} className="as-of-stepper">
          {previous >= `${FIRST_YEAR}-01-01` ? (
            <Link href={href(previous)} rel="prev">
              {t("previousYear", { date: formatDate(previous, locale) })}
            </Link>
          ) : null}
          {asOf.date < today ? (
            <Link href={href(next)} rel="next">
              {t("nextYear", { date: formatDate(next, locale) })}
            </Link>
          ) : null}
          {!asOf.isToday ? <Link href={href(today)}>{t("today")}</Link> : null}
        </nav>
        <form method="get" action={localePath(path)} className="as-of-form">
          {Object.entries(query).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <label htmlFor="as-of-date">{t("date")}</label>
          <input id="as-of-date" type="date" name="as_of" defaultValue={asOf.date} min="1950-01-01" max="2100-12-31" />
          <button type="submit" className="secondary">
            {t("showDate")}
          </button>
        </form>
        {/* Keyed by the date: after a jump to another date the slider starts from it, not from the year it showed before. */}
        <ClientMessages namespaces={["asOf"]}>
          <AsOfSlider key={asOf.date} path={path} query={query} date={asOf.date} minYear={FIRST_YEAR} today={today} />
        </ClientMessages>
      </div>
      <p className="muted small">
        {t("summary")} {t("undatedNotification")}
      </p>
    </section>
  );
}
