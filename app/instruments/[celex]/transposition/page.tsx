import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadNationalTransposition } from "@/db/queries/national-transposition";
import { resolveAsOf, todayIso, withAsOf } from "@/lib/as-of";
import { DELAY_STATUS_TEXT, nationalTranspositionColumns } from "@/db/tables/national-transposition";
import { NATIONAL_TRANSPOSITION_SORTS, sortNationalTransposition } from "@/lib/indicators/national-transposition";
import { TRANSPOSITION_DATE_BASIS_LABELS } from "@/lib/indicators/transposition-deficit";
import { queryString } from "@/lib/dashboard-params";
import type { RawSearchParams } from "@/lib/table-state";
import { celexParam, parseParam } from "@/lib/validation/params";
import { label } from "@/lib/vocabulary";
import { AsOfBanner } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";

interface Props {
  params: Promise<{ celex: string }>;
  searchParams: Promise<RawSearchParams>;
}

const sortParam = z.enum(NATIONAL_TRANSPOSITION_SORTS).catch("state");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `National transposition of ${(await params).celex}` };
}

/** One row per Member State: deadline, notification, principal measure, delay, conformity and infringement stage, sortable by delay, with its CSV. */
export default async function NationalTranspositionPage({ params, searchParams }: Props) {
  const celex = parseParam(celexParam, (await params).celex);
  const query = await searchParams;
  const asOf = resolveAsOf(query.as_of);
  const data = celex ? loadNationalTransposition(getDb(), celex, asOf.date, todayIso()) : null;
  if (!data) notFound();
  const sort = sortParam.parse(Array.isArray(query.sort) ? query.sort[0] : query.sort);
  const rows = sortNationalTransposition(data.rows, sort);
  const { instrument } = data;
  const path = `/instruments/${instrument.celex}/transposition`;
  const asOfQuery = asOf.isToday ? {} : { as_of: asOf.date };
  const csvHref = `/api/v1/national-transposition/${instrument.celex}.csv${queryString({ as_of: asOf.date, sort })}`;
  const header = (id: string) => nationalTranspositionColumns.find((c) => c.id === id)!.header;

  return (
    <>
      <p className="muted">
        <Link href="/instruments">Instruments</Link> / <Link href={withAsOf(`/instruments/${instrument.celex}`, asOf)}>{instrument.shortName}</Link> / National
        transposition
      </p>
      <h1>National transposition of {instrument.shortName}</h1>
      <p className="lead">{instrument.title}</p>
      <AsOfBanner asOf={asOf} path={path} />
      {instrument.type === "regulation" ? (
        <p>
          A regulation applies directly: it has no transposition deadline, and no Member State is late with it. Its national implementing acts are on each
          state&apos;s page.
        </p>
      ) : rows.length === 0 ? (
        <p>
          No Member State was bound by {instrument.shortName} on {asOf.date} (not adopted yet, or repealed before any state&apos;s deadline).
        </p>
      ) : (
        <>
          <p>
            Each state&apos;s deadline is its own (its accession date if it joined later). The delay runs from the deadline to the notified complete
            transposition — or, where there is none yet, to {asOf.date} (&quot;not yet: N months overdue&quot;). <a href={csvHref}>This table as CSV</a>.
          </p>
          <p className="sort-links">
            Sort:{" "}
            {sort === "state" ? (
              <strong aria-current="true">by Member State</strong>
            ) : (
              <Link href={`${path}${queryString({ ...asOfQuery })}`}>by Member State</Link>
            )}{" "}
            ·{" "}
            {sort === "delay" ? (
              <strong aria-current="true">longest delay first</strong>
            ) : (
              <Link href={`${path}${queryString({ ...asOfQuery, sort: "delay" })}`}>longest delay first</Link>
            )}
          </p>
          <div className="table-scroll">
            <table aria-label={`National transposition of ${instrument.shortName} as of ${asOf.date}`}>
              <thead>
                <tr>
                  <th scope="col">{header("state")}</th>
                  <th scope="col">{header("deadline")}</th>
                  <th scope="col">{header("notification")}</th>
                  <th scope="col">{header("principal_measure")}</th>
                  <th scope="col" aria-sort={sort === "delay" ? "descending" : undefined}>
                    {header("delay_status")}
                  </th>
                  <th scope="col">Conformity</th>
                  <th scope="col">{header("infringement_stage")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.stateCode}>
                    <th scope="row">
                      <Link href={withAsOf(`/member-states/${r.stateCode}/instruments/${instrument.celex}`, asOf)}>{r.stateName}</Link> ({r.stateCode})
                    </th>
                    <td>
                      <DateText value={r.deadline} />
                    </td>
                    <td>
                      {r.notificationStatus ? label(r.notificationStatus) : <span className="muted">not recorded</span>}
                      {r.transposedOn ? (
                        <>
                          {" "}
                          <DateText value={r.transposedOn} />
                          {r.dateBasis && r.dateBasis !== "notified" ? <div className="muted small">{TRANSPOSITION_DATE_BASIS_LABELS[r.dateBasis]}</div> : null}
                        </>
                      ) : null}
                    </td>
                    <td>
                      {r.principalMeasure ? (
                        <>
                          <Link href={withAsOf(`/measures/${r.principalMeasure.key}`, asOf)} lang={r.principalMeasure.language}>
                            {r.principalMeasure.titleOriginal}
                          </Link>
                          {r.principalMeasure.inForceOn ? (
                            <div className="muted small">
                              in force <DateText value={r.principalMeasure.inForceOn} precision={r.principalMeasure.inForceOnPrecision} />
                            </div>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">none recorded</span>
                      )}
                    </td>
                    <td>
                      {r.delayStatus === "overdue" ? (
                        <>
                          <strong>Not yet</strong>: {r.delayMonths} months overdue
                        </>
                      ) : r.delayStatus === "late" ? (
                        <>
                          Late by {r.delayDays} days ({r.delayMonths} months)
                        </>
                      ) : (
                        DELAY_STATUS_TEXT[r.delayStatus]
                      )}
                    </td>
                    <td>
                      {r.nonConformingProvisions > 0 ? (
                        `${r.nonConformingProvisions} provision${r.nonConformingProvisions === 1 ? "" : "s"} non-conforming`
                      ) : (
                        <span className="muted">none found</span>
                      )}
                    </td>
                    <td>
                      {r.infringement ? (
                        <>
                          {label(r.infringement.stage)} {r.infringement.date ? <DateText value={r.infringement.date} /> : null}
                          <div className="muted small">
                            {label(r.infringement.type)}
                            {r.infringement.courtCase ? `, ${r.infringement.courtCase}` : ""}
                            {r.infringement.isOpen ? ", open" : ", closed"}
                          </div>
                        </>
                      ) : (
                        <span className="muted">none</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
