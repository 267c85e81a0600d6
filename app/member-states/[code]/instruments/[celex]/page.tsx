import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, memberStateName } from "@/lib/format";
import { getDb } from "@/db/client";
import { findMemberState, listStateInfringements } from "@/db/queries/member-states";
import { findStateInstrumentSummary, stateInstrumentDetails } from "@/db/queries/member-state-summary";
import { asOfRules, resolveAsOf, withAsOf } from "@/lib/as-of";
import type { RawSearchParams } from "@/lib/table-state";
import { AsOfBanner } from "@/app/components/as-of-banner";
import { celexParam, parseParam, stateCodeParam } from "@/lib/validation/params";
import { InfringementTable } from "../../infringement-table";
import { InstrumentSection, stateInstrumentPath } from "../../instrument-section";

interface Props {
  params: Promise<{ code: string; celex: string }>;
  searchParams: Promise<RawSearchParams>;
}

/** Once per request: generateMetadata and the page both need the records. */
const loadState = cache((code: string) => findMemberState(getDb(), code));

async function load(params: Props["params"]) {
  const raw = await params;
  const code = parseParam(stateCodeParam, raw.code);
  const celex = parseParam(celexParam, raw.celex);
  const state = code && celex ? loadState(code) : null;
  if (!state || !celex) notFound();
  return { state, celex };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { state, celex } = await load(params);
  const summary = findStateInstrumentSummary(getDb(), state.code, celex, resolveAsOf((await searchParams).as_of));
  const name = memberStateName(state.code, state.name, await getLocale());
  return { title: (await getTranslations("stateInstrument"))("pageTitle", { state: name, instrument: summary?.shortName ?? celex }) };
}

/** One state's measures and correspondence table for one instrument: the detail behind a row of the state's page. */
export default async function StateInstrumentPage({ params, searchParams }: Props) {
  const loaded = await load(params);
  const { celex } = loaded;
  const t = await getTranslations("stateInstrument");
  const nav = await getTranslations("nav");
  const locale = await getLocale();
  // The state's name in the interface's language; its records (titles of national acts) stay in their own.
  const state = { ...loaded.state, name: memberStateName(loaded.state.code, loaded.state.name, locale) };
  const asOf = resolveAsOf((await searchParams).as_of);
  const db = getDb();
  const summary = findStateInstrumentSummary(db, state.code, celex, asOf);
  if (!summary) notFound();
  const details = stateInstrumentDetails(db, state.code, [summary], asOf);
  const infringements = listStateInfringements(db, state.code, { instrumentId: summary.instrumentId, limit: 1000 }).rows;
  return (
    <>
      <p className="muted">
        <Link href="/member-states">{nav("memberStates")}</Link> / <Link href={withAsOf(`/member-states/${state.code}`, asOf)}>{state.name}</Link> /{" "}
        {summary.shortName}
      </p>
      <h1>{t("heading", { state: state.name, code: state.code, instrument: summary.shortName })}</h1>
      <AsOfBanner asOf={asOf} path={stateInstrumentPath(state.code, celex)} />
      {!asOfRules.instrument(summary, asOf) ? <p className="as-of-warning">{t("notAdopted", { date: formatDate(asOf.date, locale) })}</p> : null}
      <p>
        <Link href={withAsOf(`/transpositions?state=${state.code}&instrument=${celex}`, asOf)}>{t("correspondencesTable")}</Link> ·{" "}
        <Link href={withAsOf(`/measures?state=${state.code}&instrument=${celex}`, asOf)}>{t("measuresTable")}</Link> ·{" "}
        <Link href={withAsOf(`/compare?state=${state.code}&instrument=${celex}`, asOf)}>{t("compareStates", { state: state.name })}</Link>
      </p>
      <InstrumentSection
        state={state}
        summary={summary}
        measures={details.measures.get(summary.instrumentId) ?? []}
        provisions={details.provisions.get(summary.instrumentId) ?? []}
        correspondences={details.correspondences}
        asOf={asOf}
        headingLevel={2}
        openCorrespondence
      />
      <h2>{t("infringementsHeading")}</h2>
      {infringements.length === 0 ? (
        <p>{t("noInfringements", { state: state.name, instrument: summary.shortName })}</p>
      ) : (
        <InfringementTable stateName={state.name} infringements={infringements} asOf={asOf} instrument={summary.shortName} />
      )}
    </>
  );
}
