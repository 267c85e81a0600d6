import { Link } from "@/app/i18n/navigation";
import type { StateInstrumentSummary, TranspositionStatus } from "@/db/queries/member-state-summary";
import { withAsOf, type AsOf } from "@/lib/as-of";
import { label } from "@/lib/vocabulary";
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
  const first = (page - 1) * pageSize + 1;
  const pageHref = (n: number) => withAsOf(n === 1 ? `/member-states/${state.code}` : `/member-states/${state.code}?page=${n}`, asOf);
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption>
            Instruments of {state.name}: notification, provisions by correspondence status, national measures and infringements
            {pageCount > 1 ? ` (${first}–${first + rows.length - 1} of ${total})` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col">Deadline</th>
              <th scope="col" className="note-column">
                Notification
              </th>
              {STATUS_COLUMNS.map((s) => (
                <th scope="col" key={s} className="num">
                  <StatusBadge status={s} />
                </th>
              ))}
              <th scope="col" className="num">
                Measures
              </th>
              <th scope="col" className="num">
                Infringements
              </th>
              <th scope="col">Details</th>
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
                    <span className="muted">not recorded</span>
                  )}
                </td>
                {STATUS_COLUMNS.map((s) => (
                  <td key={s} className="num">
                    {r.statusCounts[s]}
                  </td>
                ))}
                <td className="num">
                  {r.measureCount}
                  {r.laterMeasureCount > 0 ? <span className="muted"> (+{r.laterMeasureCount} not counted)</span> : null}
                </td>
                <td className="num">{r.infringementCount}</td>
                <td>
                  <Link href={withAsOf(stateInstrumentPath(state.code, r.celex), asOf)}>
                    Article by article<span className="visually-hidden"> for {r.shortName}</span>
                  </Link>{" "}
                  ·{" "}
                  <Link href={withAsOf(`/transpositions?state=${state.code}&instrument=${r.celex}`, asOf)}>
                    Correspondences<span className="visually-hidden"> for {r.shortName}</span>
                  </Link>{" "}
                  ·{" "}
                  <Link href={withAsOf(`/measures?state=${state.code}&instrument=${r.celex}`, asOf)}>
                    Measures<span className="visually-hidden"> for {r.shortName}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label="Pages of instruments" className="pagination">
          <ul>
            <li>{page > 1 ? <Link href={pageHref(1)}>First</Link> : <span aria-disabled="true">First</span>}</li>
            <li>
              {page > 1 ? (
                <Link href={pageHref(page - 1)} rel="prev">
                  Previous
                </Link>
              ) : (
                <span aria-disabled="true">Previous</span>
              )}
            </li>
            <li>
              Page {page} of {pageCount}
            </li>
            <li>
              {page < pageCount ? (
                <Link href={pageHref(page + 1)} rel="next">
                  Next
                </Link>
              ) : (
                <span aria-disabled="true">Next</span>
              )}
            </li>
            <li>{page < pageCount ? <Link href={pageHref(pageCount)}>Last</Link> : <span aria-disabled="true">Last</span>}</li>
          </ul>
        </nav>
      ) : null}
    </>
  );
}
