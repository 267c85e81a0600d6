import { Link } from "@/app/i18n/navigation";
import type { StateInstrumentSummary, TranspositionStatus } from "@/db/queries/member-state-summary";
import { withAsOf, type AsOf } from "@/lib/as-of";
import { useTranslations } from "next-intl";
import { useLabel } from "@/app/i18n/vocabulary";
import { StatusBadge } from "@/app/components/status-badge";
import { DateText } from "@/app/components/date-text";
import { countingNeedsSaying, NotificationCounts } from "@/app/components/notification-counts";
import { stateInstrumentPath } from "./instrument-section";

const STATUS_COLUMNS: TranspositionStatus[] = ["full", "partial", "non_conforming", "not_transposed", "not_applicable", "unknown"];

/** One row per instrument: notification, correspondences counted by status, measures, and where the detail is. */
export function InstrumentSummaryTable({
  state,
  rows,
  asOf,
  page,
  pageCount,
  pageSize,
  total,
}: {
  state: { code: string; name: string };
  rows: StateInstrumentSummary[];
  asOf: AsOf;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
}) {
  const t = useTranslations("memberState");
  const pages = useTranslations("pagination");
  const label = useLabel();
  const first = (page - 1) * pageSize + 1;
  const pageHref = (n: number) => withAsOf(n === 1 ? `/member-states/${state.code}` : `/member-states/${state.code}?page=${n}`, asOf);
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption>
            {t("summaryCaption", { state: state.name })}
            {pageCount > 1 ? ` ${t("range", { first, last: first + rows.length - 1, total })}` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("instrument")}</th>
              <th scope="col">{t("deadline")}</th>
              <th scope="col" className="note-column">
                {t("notification")}
              </th>
              {STATUS_COLUMNS.map((s) => (
                <th scope="col" key={s} className="num">
                  <StatusBadge status={s} />
                </th>
              ))}
              <th scope="col" className="num">
                {t("measures")}
              </th>
              <th scope="col" className="num">
                {t("infringementsColumn")}
              </th>
              <th scope="col">{t("details")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.celex}>
                <th scope="row">
                  <Link href={withAsOf(`/instruments/${r.celex}`, asOf)}>{r.shortName}</Link>
                </th>
                <td>
                  <DateText value={r.transpositionDeadline} />
                </td>
                <td className="note-column">
                  {r.notification ? (
                    <>
                      {label(r.notification.status)}
                      {r.notification.notifiedOn ? (
                        <>
                          {" "}
                          <DateText value={r.notification.notifiedOn} />
                        </>
                      ) : null}
                    </>
                  ) : null}
                  {r.type !== "regulation" && countingNeedsSaying(r.reading, r.notification !== null) ? (
                    <span className="cell-note">
                      <NotificationCounts reading={r.reading} asOfDate={asOf.date} />
                    </span>
                  ) : r.notification ? null : (
                    <span className="muted">{t("notRecorded")}</span>
                  )}
                </td>
                {STATUS_COLUMNS.map((s) => (
                  <td key={s} className="num">
                    {r.statusCounts[s]}
                  </td>
                ))}
                <td className="num">
                  {r.measureCount}
                  {r.laterMeasureCount > 0 ? <span className="muted"> {t("notCounted", { count: r.laterMeasureCount })}</span> : null}
                </td>
                <td className="num">{r.infringementCount}</td>
                <td>
                  <Link href={withAsOf(stateInstrumentPath(state.code, r.celex), asOf)}>
                    {t("articleByArticle")}
                    <span className="visually-hidden"> {t("forInstrument", { instrument: r.shortName })}</span>
                  </Link>{" "}
                  ·{" "}
                  <Link href={withAsOf(`/transpositions?state=${state.code}&instrument=${r.celex}`, asOf)}>
                    {t("correspondencesLink")}
                    <span className="visually-hidden"> {t("forInstrument", { instrument: r.shortName })}</span>
                  </Link>{" "}
                  ·{" "}
                  <Link href={withAsOf(`/measures?state=${state.code}&instrument=${r.celex}`, asOf)}>
                    {t("measures")}
                    <span className="visually-hidden"> {t("forInstrument", { instrument: r.shortName })}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label={t("pagesLabel")} className="pagination">
          <ul>
            <li>{page > 1 ? <Link href={pageHref(1)}>{pages("first")}</Link> : <span aria-disabled="true">{pages("first")}</span>}</li>
            <li>
              {page > 1 ? (
                <Link href={pageHref(page - 1)} rel="prev">
                  {pages("previous")}
                </Link>
              ) : (
                <span aria-disabled="true">{pages("previous")}</span>
              )}
            </li>
            <li>{pages("pageOf", { page, count: pageCount })}</li>
            <li>
              {page < pageCount ? (
                <Link href={pageHref(page + 1)} rel="next">
                  {pages("next")}
                </Link>
              ) : (
                <span aria-disabled="true">{pages("next")}</span>
              )}
            </li>
            <li>{page < pageCount ? <Link href={pageHref(pageCount)}>{pages("last")}</Link> : <span aria-disabled="true">{pages("last")}</span>}</li>
          </ul>
        </nav>
      ) : null}
    </>
  );
}
