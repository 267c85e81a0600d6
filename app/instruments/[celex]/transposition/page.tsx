import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadNationalTransposition } from "@/db/queries/national-transposition";
import { resolveAsOf, todayIso, withAsOf } from "@/lib/as-of";
import { NATIONAL_TRANSPOSITION_SORTS, sortNationalTransposition } from "@/lib/indicators/national-transposition";
import { queryString } from "@/lib/dashboard-params";
import type { RawSearchParams } from "@/lib/table-state";
import { celexParam, parseParam } from "@/lib/validation/params";
import { getLocale, getTranslations } from "next-intl/server";
import { getLabel } from "@/app/i18n/vocabulary";
import { formatDate, memberStateName } from "@/lib/format";
import { AsOfBanner } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";

interface Props {
  params: Promise<{ celex: string }>;
  searchParams: Promise<RawSearchParams>;
}

const sortParam = z.enum(NATIONAL_TRANSPOSITION_SORTS).catch("state");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("transposition"))("title", { instrument: (await params).celex }) };
}

/** One row per Member State: deadline, notification, principal measure, delay, conformity and infringement stage, sortable by delay, with its CSV. */
export default async function NationalTranspositionPage({ params, searchParams }: Props) {
  const celex = parseParam(celexParam, (await params).celex);
  const query = await searchParams;
  const t = await getTranslations("transposition");
  const dateBasis = await getTranslations("dateBasis");
  const label = await getLabel();
  const locale = await getLocale();
  const asOf = resolveAsOf(query.as_of);
  const data = celex ? loadNationalTransposition(getDb(), celex, asOf.date, todayIso()) : null;
  if (!data) notFound();
  const sort = sortParam.parse(Array.isArray(query.sort) ? query.sort[0] : query.sort);
  const rows = sortNationalTransposition(data.rows, sort);
  const { instrument } = data;
  const path = `/instruments/${instrument.celex}/transposition`;
  const asOfQuery = asOf.isToday ? {} : { as_of: asOf.date };
  const csvHref = `/api/v1/national-transposition/${instrument.celex}.csv${queryString({ as_of: asOf.date, sort })}`;
  const date = formatDate(asOf.date, locale);

  return (
    <>
      <p className="muted">
        <Link href="/instruments">{t("breadcrumb")}</Link> / <Link href={withAsOf(`/instruments/${instrument.celex}`, asOf)}>{instrument.shortName}</Link> /{" "}
        {t("breadcrumbHere")}
      </p>
      <h1>{t("title", { instrument: instrument.shortName })}</h1>
      <p className="lead">{instrument.title}</p>
      <AsOfBanner asOf={asOf} path={path} />
      {instrument.type === "regulation" ? (
        <p>{t("regulation")}</p>
      ) : rows.length === 0 ? (
        <p>{t("noneBound", { instrument: instrument.shortName, date })}</p>
      ) : (
        <>
          <p>{t.rich("intro", { date, csv: (chunks) => <a href={csvHref}>{chunks}</a> })}</p>
          <p className="sort-links">
            {t("sort")}{" "}
            {sort === "state" ? (
              <strong aria-current="true">{t("byState")}</strong>
            ) : (
              <Link href={`${path}${queryString({ ...asOfQuery })}`}>{t("byState")}</Link>
            )}{" "}
            ·{" "}
            {sort === "delay" ? (
              <strong aria-current="true">{t("byDelay")}</strong>
            ) : (
              <Link href={`${path}${queryString({ ...asOfQuery, sort: "delay" })}`}>{t("byDelay")}</Link>
            )}
          </p>
          <div className="table-scroll">
            <table aria-label={t("caption", { instrument: instrument.shortName, date })}>
              <thead>
                <tr>
                  <th scope="col">{t("state")}</th>
                  <th scope="col">{t("deadline")}</th>
                  <th scope="col">{t("notification")}</th>
                  <th scope="col">{t("principalMeasure")}</th>
                  <th scope="col" aria-sort={sort === "delay" ? "descending" : undefined}>
                    {t("delay")}
                  </th>
                  <th scope="col">{t("conformity")}</th>
                  <th scope="col">{t("infringementStage")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.stateCode}>
                    <th scope="row">
                      <Link href={withAsOf(`/member-states/${r.stateCode}/instruments/${instrument.celex}`, asOf)}>
                        {memberStateName(r.stateCode, r.stateName, locale)}
                      </Link>{" "}
                      ({r.stateCode})
                    </th>
                    <td>
                      <DateText value={r.deadline} />
                    </td>
                    <td>
                      {r.notificationStatus ? label(r.notificationStatus) : <span className="muted">{t("notRecorded")}</span>}
                      {r.transposedOn ? (
                        <>
                          {" "}
                          <DateText value={r.transposedOn} />
                          {r.dateBasis && r.dateBasis !== "notified" ? <div className="muted small">{dateBasis(r.dateBasis)}</div> : null}
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
                              {t.rich("inForce", {
                                date: () => <DateText value={r.principalMeasure!.inForceOn} precision={r.principalMeasure!.inForceOnPrecision} />,
                              })}
                            </div>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">{t("noneRecorded")}</span>
                      )}
                    </td>
                    <td>
                      {r.delayStatus === "overdue"
                        ? t.rich("overdue", { months: r.delayMonths ?? 0, strong: (chunks) => <strong>{chunks}</strong> })
                        : r.delayStatus === "late"
                          ? t("lateBy", { days: r.delayDays ?? 0, months: r.delayMonths ?? 0 })
                          : t(`delayStatus.${r.delayStatus}`)}
                    </td>
                    <td>
                      {r.nonConformingProvisions > 0 ? (
                        t("nonConforming", { count: r.nonConformingProvisions })
                      ) : (
                        <span className="muted">{t("noneFound")}</span>
                      )}
                    </td>
                    <td>
                      {r.infringement ? (
                        <>
                          {label(r.infringement.stage)} {r.infringement.date ? <DateText value={r.infringement.date} /> : null}
                          <div className="muted small">
                            {label(r.infringement.type)}
                            {r.infringement.courtCase ? `, ${r.infringement.courtCase}` : ""}
                            {r.infringement.isOpen ? t("open") : t("closed")}
                          </div>
                        </>
                      ) : (
                        <span className="muted">{t("none")}</span>
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
