import { Link } from "@/app/i18n/navigation";
import { AS_OF_SUMMARY, todayIso, type AsOf } from "@/lib/as-of";
import { shiftYears } from "@/lib/indicators/dashboard";
import { queryString } from "@/lib/dashboard-params";
import { AsOfSlider } from "./as-of-slider";

export const FIRST_YEAR = 1995;

/**
 * The as-of date of the page, visible, with a previous/next-year stepper
 * (plain links), a date form (GET) and a year slider. `query` holds the
 * page's other parameters, kept by every control.
 */
export function AsOfControl({ asOf, path, query }: { asOf: AsOf; path: string; query: Record<string, string> }) {
  const today = todayIso();
  const previous = shiftYears(asOf.date, -1);
  const nextRaw = shiftYears(asOf.date, 1);
  const next = nextRaw > today ? today : nextRaw;
  const href = (date: string) => `${path}${queryString({ ...query, as_of: date })}`;
  return (
    <section className="as-of-control" aria-labelledby="as-of-heading">
      <h2 id="as-of-heading" className="as-of-title">
        As of <time dateTime={asOf.date}>{asOf.date}</time>
        {asOf.isToday ? " (today)" : ""}
      </h2>
      <div className="as-of-tools">
        <nav aria-label="Step through the years" className="as-of-stepper">
          {previous >= `${FIRST_YEAR}-01-01` ? (
            <Link href={href(previous)} rel="prev">
              ← Previous year ({previous})
            </Link>
          ) : null}
          {asOf.date < today ? (
            <Link href={href(next)} rel="next">
              Next year ({next}) →
            </Link>
          ) : null}
          {!asOf.isToday ? <Link href={href(today)}>Today</Link> : null}
        </nav>
        <form method="get" action={path} className="as-of-form">
          {Object.entries(query).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <label htmlFor="as-of-date">Date</label>
          <input id="as-of-date" type="date" name="as_of" defaultValue={asOf.date} min="1950-01-01" max="2100-12-31" />
          <button type="submit" className="secondary">
            Show this date
          </button>
        </form>
        {/* Keyed by the date: after a jump to another date the slider starts from it, not from the year it showed before. */}
        <AsOfSlider key={asOf.date} path={path} query={query} date={asOf.date} minYear={FIRST_YEAR} today={today} />
      </div>
      <p className="muted small">
        {AS_OF_SUMMARY} A complete notification without a date counts from its principal measure&apos;s entry into force (else adoption), marked &quot;date
        inferred&quot;.
      </p>
    </section>
  );
}
