import type { Metadata } from "next";
import { languageAlternates } from "@/app/i18n/alternates";
import { getTranslations } from "next-intl/server";
import { feedHref } from "@/lib/changes";
import { getLocalePath } from "@/app/i18n/paths";

import { EDITION_NAME } from "@/lib/editions";
import { getDb } from "@/db/client";
import { loadDashboard, loadDashboardOverview, provisionLabels } from "@/db/queries/dashboard";
import { datasetVersion } from "@/db/queries/reports";
import { headers } from "next/headers";
import { FILL_IN_REQUEST_LIMIT, indicatorCacheProgress, startIndicatorFill } from "@/server/cache/indicator-fill";
import { markMomentary } from "@/server/cache/momentary";
import { todayIso } from "@/lib/as-of";
import { parseDashboardParams, queryString, type RawSearchParams } from "@/lib/dashboard-params";
import { computeHeadlineFigures, totalMeasuresOf } from "@/lib/indicators/headline";
import { DEFAULT_MAP_INDICATOR } from "@/lib/map/indicators";
import { ParamErrors } from "./components/as-of-banner";
import { AsOfControl } from "./components/dashboard/as-of-control";
import { AsOfSuggestionNotice } from "./components/dashboard/as-of-suggestion";
import { CollectionControl, collectionQuery } from "./components/dashboard/collection-control";
import { DashboardIntro, InventoryScope } from "./components/dashboard/dashboard-intro";
import { FiguresBeingComputed } from "./components/dashboard/figures-being-computed";
import { HeadlineFiguresSection } from "./components/dashboard/headline-figures";
import { HoldingsSection } from "./components/dashboard/holdings";
import { LargestGapsSection } from "./components/dashboard/largest-gaps";
import { MapSection } from "./components/dashboard/map-section";
import { ReferenceListsSection } from "./components/dashboard/reference-lists";
import { ScoreboardSection } from "./components/dashboard/scoreboard-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("changes");
  return {
    alternates: {
      languages: await languageAlternates(),
      types: { "application/atom+xml": [{ url: (await getLocalePath())(feedHref({})), title: t("feedLinkTitle") }] },
    },
  };
}

/** Instruments named in the introduction and the instruments table; beyond that, a link to the full list. */
const DASHBOARD_INSTRUMENTS = 25;

export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const params = parseDashboardParams(raw);
  // The edition the page is viewed as of (scripts/server.ts reads it), kept by the date and collection controls.
  const edition: Record<string, string> = typeof raw.edition === "string" && EDITION_NAME.test(raw.edition) ? { edition: raw.edition } : {};
  const { asOf, collection } = params;
  const db = getDb();
  const takenOn = todayIso();
  // The page's parameters other than the date, kept by every control and link.
  const mapQuery: Record<string, string> = {
    ...(params.map === DEFAULT_MAP_INDICATOR ? {} : { map: params.map }),
    ...collectionQuery(collection),
    ...edition,
  };
  const datedQuery = { ...mapQuery, ...(asOf.isToday ? {} : { as_of: asOf.date }) };

  // A date whose figures are mostly missing is computed in the background rather than in this request (server/cache/indicator-fill.ts).
  const progress = indicatorCacheProgress(db, asOf.date, takenOn);
  if (progress.total - progress.computed > FILL_IN_REQUEST_LIMIT) {
    void startIndicatorFill(db, asOf.date, takenOn);
    markMomentary((await headers()).get("x-request-id")); // the next view shows more figures: not one to keep
    return (
      <>
        <DashboardIntro />
        <ParamErrors notices={params.notices} />
        <AsOfControl asOf={asOf} path="/" query={mapQuery} />
        <FiguresBeingComputed date={asOf.date} computed={progress.computed} total={progress.total} reloadHref={`/${queryString(datedQuery)}`} />
      </>
    );
  }

  const { snapshot, figures } = loadDashboard(db, asOf.date, takenOn, collection);
  // The whole acquis is 2,000 instruments: the dashboard names the first few, /instruments lists them all.
  const { perInstrument, totals, perState, updated } = loadDashboardOverview(db, DASHBOARD_INSTRUMENTS, takenOn);
  const provisions = provisionLabels(
    db,
    figures.largestProvisionGaps.map((g) => g.provisionId),
  );

  return (
    <>
      <DashboardIntro />
      <InventoryScope instrumentCount={totals.instruments} named={perInstrument} asOf={asOf} />
      <ParamErrors notices={params.notices} />

      <AsOfControl asOf={asOf} path="/" query={mapQuery} />
      <CollectionControl path="/" collection={collection} query={datedQuery} instruments={snapshot.instruments} />
      {figures.suggestion ? (
        <AsOfSuggestionNotice suggestion={figures.suggestion} asOf={asOf} collection={collection} instruments={snapshot.instruments} query={mapQuery} />
      ) : null}

      <HeadlineFiguresSection figures={computeHeadlineFigures(figures, snapshot.instruments, asOf.date)} collection={collection} />
      <MapSection
        indicator={params.map}
        figures={figures}
        memberStates={snapshot.memberStates}
        asOf={asOf}
        collection={collection}
        version={datasetVersion(db).version}
      />
      <ScoreboardSection scoreboard={figures.scoreboard} asOf={asOf} />
      <LargestGapsSection figures={figures} instruments={snapshot.instruments} memberStates={snapshot.memberStates} provisions={provisions} asOf={asOf} />
      <HoldingsSection totals={totals} totalMeasures={totalMeasuresOf(perState)} stateCount={perState.length} updated={updated} />
      <ReferenceListsSection perInstrument={perInstrument} perState={perState} instrumentCount={totals.instruments} />
    </>
  );
}
