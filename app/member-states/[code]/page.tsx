import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/app/i18n/navigation";
import { formatDate, memberStateName } from "@/lib/format";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { languageAlternates } from "@/app/i18n/alternates";
import { feedHref } from "@/lib/changes";
import { getLocalePath } from "@/app/i18n/paths";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findMemberStateDetail } from "@/db/queries/member-states";
import { listStateInstrumentSummaries, stateInstrumentDetails, stateRegulationActs } from "@/db/queries/member-state-summary";
import { asOfRules, resolveAsOf, withAsOf } from "@/lib/as-of";
import type { RawSearchParams } from "@/lib/table-state";
import { AsOfBanner } from "@/app/components/as-of-banner";
import { parseParam, stateCodeParam } from "@/lib/validation/params";
import { DateText } from "@/app/components/date-text";
import { SourceNote } from "@/app/components/source-note";
import { InfringementTable } from "./infringement-table";
import { InstrumentSection } from "./instrument-section";
import { InstrumentSummaryTable } from "./instrument-summary-table";
import { WorkingTitle, workingTitleIn } from "@/app/measures/working-title";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<RawSearchParams>;
}

/** Instruments per page of the summary table. */
const PAGE_SIZE = 50;
/** Up to this many instruments (an EU-15 state has records for about thirteen), each one's measures and correspondence table are shown on the page itself. */
const INLINE_SECTIONS_UP_TO = 15;
/** Infringement proceedings listed on the page; the rest are on the instruments' pages and in the CSV export. */
const INFRINGEMENTS_SHOWN = 25;

const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

/** Once per request: generateMetadata and the page both need the record. */
const loadState = cache((code: string) => findMemberStateDetail(getDb(), code, INFRINGEMENTS_SHOWN));

async function load(params: Props["params"]) {
  const code = parseParam(stateCodeParam, (await params).code);
  const detail = code ? loadState(code) : null;
  if (!detail) notFound();
  return detail;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { state } = await load(params);
  const locale = await getLocale();
  const name = memberStateName(state.code, state.name, locale);
  return {
    title: name,
    alternates: {
      languages: await languageAlternates(),
      types: {
        "application/atom+xml": [
          { url: (await getLocalePath())(feedHref({ state: state.code })), title: (await getTranslations("changes"))("feedTitleState", { state: name }) },
        ],
      },
    },
  };
}

export default async function MemberStatePage({ params, searchParams }: Props) {
  const detail = await load(params);
  const t = await getTranslations("memberState");
  const nav = await getTranslations("nav");
  // The state's name in the interface's language; its records (titles of national acts) stay in their own.
  const locale = await getLocale();
  const state = { ...detail.state, name: memberStateName(detail.state.code, detail.state.name, locale) };
  const { source, infringements, infringementCount } = detail;
  const query = await searchParams;
  const asOf = resolveAsOf(query.as_of);
  const requestedPage = pageParam.parse(Array.isArray(query.page) ? query.page[0] : query.page);
  const db = getDb();
  let summary = listStateInstrumentSummaries(db, state.code, asOf, { page: requestedPage, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(summary.total / PAGE_SIZE));
  const page = Math.min(requestedPage, pageCount);
  if (page !== requestedPage) summary = listStateInstrumentSummaries(db, state.code, asOf, { page, pageSize: PAGE_SIZE });
  const inline = summary.total <= INLINE_SECTIONS_UP_TO;
  const details = inline ? stateInstrumentDetails(db, state.code, summary.rows, asOf) : null;
  const isMember = asOfRules.member(state, asOf);
  return (
    <>
      <p className="muted">
        <Link href="/member-states">{nav("memberStates")}</Link> / {state.name}
      </p>
      <h1>
        {state.name} ({state.code})
      </h1>
      <AsOfBanner asOf={asOf} path={`/member-states/${state.code}`} />
      {!isMember ? <p className="as-of-warning">{t("notMember", { state: state.name, date: formatDate(asOf.date, locale) })}</p> : null}
      <p>
        <Link href={withAsOf(`/measures?state=${state.code}`, asOf)}>{t("allMeasures", { state: state.name })}</Link> ·{" "}
        <Link href={withAsOf(`/transpositions?state=${state.code}`, asOf)}>{t("correspondences")}</Link> ·{" "}
        <Link href={withAsOf(`/compare?state=${state.code}`, asOf)}>{t("compare")}</Link> ·{" "}
        <Link href={withAsOf(`/member-states/${state.code}/report`, asOf)}>{t("countryReport")}</Link>
      </p>
      <dl className="facts">
        <dt>{t("memberSince")}</dt>
        <dd>
          <DateText value={state.accessionDate} />
        </dd>
        {state.exitDate ? (
          <>
            <dt>{t("left")}</dt>
            <dd>
              <DateText value={state.exitDate} />
            </dd>
          </>
        ) : null}
        <dt>{t("source")}</dt>
        <dd>
          <SourceNote source={source} prefix="" />
        </dd>
      </dl>

      {summary.total === 0 ? (
        <>
          <h2>{t("measuresByInstrument")}</h2>
          <p>{t("noMeasures", { state: state.name })}</p>
        </>
      ) : (
        <>
          <h2>{t("atAGlance")}</h2>
          <p>
            {t("glanceIntro", { count: summary.total, state: state.name, date: formatDate(asOf.date, locale) })}
            {inline ? null : ` ${t("followLink")}`}
          </p>
          <InstrumentSummaryTable state={state} rows={summary.rows} asOf={asOf} page={page} pageCount={pageCount} pageSize={PAGE_SIZE} total={summary.total} />
          {details ? (
            <>
              <h2>{t("measuresByInstrument")}</h2>
              {summary.rows.map((row) => (
                <InstrumentSection
                  key={row.celex}
                  state={state}
                  summary={row}
                  measures={details.measures.get(row.instrumentId) ?? []}
                  provisions={details.provisions.get(row.instrumentId) ?? []}
                  correspondences={details.correspondences}
                  asOf={asOf}
                />
              ))}
            </>
          ) : null}
        </>
      )}

      <RegulationActs stateName={state.name} regulations={stateRegulationActs(db, state.code, asOf)} asOf={asOf} />
      <h2>{t("infringements")}</h2>
      {infringementCount === 0 ? (
        <p>{t("noInfringements", { state: state.name })}</p>
      ) : (
        <>
          {infringementCount > infringements.length ? (
            <p>
              {t.rich("firstInfringements", {
                shown: infringements.length,
                count: infringementCount,
                csv: (chunks) => <a href={`/api/v1/export/infringements.csv?state=${state.code}`}>{chunks}</a>,
              })}
            </p>
          ) : null}
          <InfringementTable stateName={state.name} infringements={infringements} asOf={asOf} />
        </>
      )}
    </>
  );
}

/** The directly applicable regulations and the state's national acts implementing or supplementing them (a regulation needs no transposition). */
function RegulationActs({
  stateName,
  regulations,
  asOf,
}: {
  stateName: string;
  regulations: ReturnType<typeof stateRegulationActs>;
  asOf: ReturnType<typeof resolveAsOf>;
}) {
  const t = useTranslations("memberState");
  const locale = useLocale();
  if (regulations.length === 0) return null;
  return (
    <section aria-labelledby="regulations-heading">
      <h2 id="regulations-heading">{t("regulations")}</h2>
      <p className="muted">{t("regulationsIntro", { state: stateName })}</p>
      <ul>
        {regulations.map((r) => (
          <li key={r.celex}>
            <Link href={withAsOf(`/instruments/${r.celex}`, asOf)}>{r.shortName}</Link>
            {r.appliesFrom ? <span className="muted"> {t.rich("appliesFrom", { date: () => <DateText value={r.appliesFrom} /> })}</span> : null}:{" "}
            {r.measures.length === 0 ? (
              <span className="muted">{t("noImplementingAct", { date: formatDate(asOf.date, locale) })}</span>
            ) : (
              r.measures.map((m, n) => (
                <span key={m.key}>
                  {n > 0 ? "; " : ""}
                  <Link href={withAsOf(`/measures/${m.key}`, asOf)} lang={m.language}>
                    {m.titleOriginal}
                  </Link>
                  {m.titleEnglish ? <span className="muted"> ({m.titleEnglish})</span> : null}
                  {workingTitleIn(m, locale) ? (
                    <>
                      {" — "}
                      <WorkingTitle measure={m} inline="span" />
                    </>
                  ) : null}
                  {m.inForceOn ? (
                    <span className="muted">{t.rich("inForce", { date: () => <DateText value={m.inForceOn} precision={m.inForceOnPrecision} /> })}</span>
                  ) : null}
                </span>
              ))
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
