import type { Metadata } from "next";
import { getLocalePath } from "@/app/i18n/paths";
import { getTranslations } from "next-intl/server";
import { chartWords } from "./chart-words";
import { getLabel } from "@/app/i18n/vocabulary";
import { getDb } from "@/db/client";
import { InstrumentPicker } from "../components/instrument-picker";
import { loadChartTable, snapshotForChart } from "@/db/queries/dashboard";
import { datasetVersion } from "@/db/queries/reports";
import { ParamErrors } from "../components/as-of-banner";
import { AsOfControl } from "../components/dashboard/as-of-control";
import { CollectionControl, collectionQuery } from "../components/dashboard/collection-control";
import { loadCollectionIds } from "@/db/queries/collections";
import { ChartFigure } from "../components/charts/chart-figure";
import { CoverageBars, DeficitBars, DelayBars, TimelineLines } from "../components/charts/charts";
import { ClientMessages } from "@/app/i18n/client-messages-provider";
import { todayIso } from "@/lib/as-of";
import { DEFICIT_REFERENCE_LINES, timelineChart, timelineInstrument, type ChartTable } from "@/lib/charts";
import { parseChartParams, queryString, type ChartId, type RawSearchParams } from "@/lib/dashboard-params";
import { securityProperties } from "@/lib/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("charts"))("title") };
}

export default async function ChartsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const localePath = await getLocalePath();
  const t = await getTranslations("charts");
  const { inLanguage, references } = await chartWords();
  const label = await getLabel();
  const params = parseChartParams(await searchParams);
  const { asOf } = params;
  const db = getDb();
  const takenOn = todayIso();
  const snapshot = snapshotForChart(db, "deficit", takenOn, loadCollectionIds(db, params.collection, asOf.date, takenOn));
  const errors: string[] = [];
  let instrument = timelineInstrument(snapshot, params.instrument);
  if (!instrument) {
    errors.push(t("unknownInstrument", { celex: params.instrument ?? "" }));
    instrument = timelineInstrument(snapshot, null);
  }
  const query: Record<string, string> = { ...collectionQuery(params.collection), ...(params.instrument && instrument ? { instrument: instrument.celex } : {}) };
  const csvHref = (id: ChartId, extra: Record<string, string> = {}) =>
    `/api/v1/charts/${id}${queryString({ as_of: asOf.date, ...collectionQuery(params.collection), ...extra })}`;
  // Only the timeline (one instrument, a millisecond) is computed here; the others always have a table.
  const table = (id: Exclude<ChartId, "timeline">) => inLanguage(loadChartTable(db, id, asOf.date, takenOn, null, params.collection) as ChartTable);
  const deficit = table("deficit");
  const timelineTable = instrument ? timelineChart(snapshot, instrument, asOf.date) : null;
  const timeline = timelineTable ? { ...inLanguage(timelineTable), markers: timelineTable.markers } : null;
  const delays = table("delays");
  const coverage = table("coverage");
  const { version } = datasetVersion(db);

  return (
    <ClientMessages namespaces={["charts"]}>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ParamErrors notices={params.notices} errors={errors} />
      <AsOfControl asOf={asOf} path="/charts" query={query} />
      <CollectionControl path="/charts" collection={params.collection} query={asOf.isToday ? {} : { as_of: asOf.date }} instruments={snapshot.instruments} />

      <ChartFigure table={deficit} csvHref={csvHref("deficit")} version={version}>
        <DeficitBars rows={deficit.rows} references={DEFICIT_REFERENCE_LINES.map((r, i) => ({ value: r.value, label: references[i] ?? r.label }))} />
      </ChartFigure>

      {timeline && instrument ? (
        <>
          <form method="get" action={localePath("/charts#chart-timeline")} className="inline-controls">
            {asOf.isToday ? null : <input type="hidden" name="as_of" value={asOf.date} />}
            {Object.entries(collectionQuery(params.collection)).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <label htmlFor="timeline-instrument">{t("timelineOf")}</label>
            <InstrumentPicker id="timeline-instrument" instruments={snapshot.instruments} selected={instrument.celex} />
            <button type="submit" className="secondary">
              {t("showTimeline")}
            </button>
          </form>
          <ChartFigure table={timeline} csvHref={csvHref("timeline", { instrument: instrument.celex })} version={version}>
            <TimelineLines rows={timeline.rows} deadline={timeline.markers.deadline} repealedFrom={timeline.markers.repealedFrom} />
          </ChartFigure>
        </>
      ) : (
        <p>{t("noTimeline")}</p>
      )}

      <ChartFigure table={delays} csvHref={csvHref("delays")} version={version}>
        <DelayBars rows={delays.rows} />
      </ChartFigure>

      <ChartFigure table={coverage} csvHref={csvHref("coverage")} version={version}>
        <CoverageBars rows={coverage.rows} properties={securityProperties.map((p) => ({ key: p, label: label(p) }))} />
      </ChartFigure>
    </ClientMessages>
  );
}
