import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import { useIndicatorText } from "@/app/i18n/indicators";
import { useMapWords } from "@/app/i18n/map-words";
import { useLocalePath } from "@/app/i18n/paths";
import { formatDate, memberStateName } from "@/lib/format";
import type { AsOf } from "@/lib/as-of";
import type { CollectionId } from "@/lib/collections";
import { INDICATORS } from "@/lib/indicators/catalogue";
import type { DashboardFigures } from "@/lib/indicators/dashboard";
import { isMemberOn } from "@/lib/indicators/timeline";
import type { SnapshotMemberState } from "@/lib/indicators/inventory";
import { withAsOf } from "@/lib/as-of";
import { MAP_INDICATORS, mapValues, type MapIndicator } from "@/lib/map/indicators";
import { EuropeMap } from "../map/europe-map";
import { ChartExport } from "../charts/chart-export";
import { ClientMessages } from "@/app/i18n/client-messages-provider";
import { collectionQuery } from "./collection-control";

/** The map coloured by one indicator, the form that picks it, and its values as a table. */
export function MapSection({
  indicator,
  figures,
  memberStates,
  asOf,
  collection,
  version,
}: {
  indicator: MapIndicator;
  figures: DashboardFigures;
  memberStates: readonly SnapshotMemberState[];
  asOf: AsOf;
  collection: CollectionId;
  /** The dataset version the figures come from, for the downloaded map's source line. */
  version: string;
}) {
  const t = useTranslations("map");
  const tm = useTranslations();
  const locale = useLocale();
  const localePath = useLocalePath();
  const text = useIndicatorText();
  const { label } = text(INDICATORS[indicator]);
  const values = mapValues(indicator, figures, useMapWords());
  // The map's states are plain SVG links: their hrefs carry the interface's language themselves.
  const states = memberStates.map((s) => ({
    code: s.code,
    name: memberStateName(s.code, s.name, locale),
    isMember: isMemberOn(s, asOf.date),
    href: localePath(withAsOf(`/member-states/${s.code}`, asOf)),
  }));
  return (
    <>
      <h2 id="map-heading">{t("title")}</h2>
      <form method="get" action={localePath("/")} className="inline-controls">
        {asOf.isToday ? null : <input type="hidden" name="as_of" value={asOf.date} />}
        {Object.entries(collectionQuery(collection)).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor="map-indicator">{t("colourBy")}</label>
        <select id="map-indicator" name="map" defaultValue={indicator}>
          {MAP_INDICATORS.map((m) => (
            <option key={m} value={m}>
              {text(INDICATORS[m]).label}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("recolour")}
        </button>
      </form>
      <div id="map-drawing">
        <EuropeMap indicator={indicator} values={values} states={states} asOfDate={asOf.date} />
      </div>
      <p className="chart-downloads">
        <a href={`/api/v1/export/indicators.csv?as_of=${asOf.date}`} download>
          {tm("chartExport.mapCsv")}
          <span className="visually-hidden">: {label}</span>
        </a>{" "}
        <ClientMessages namespaces={["chartExport"]}>
          <ChartExport
            drawingId="map-drawing"
            fileId={`map-${indicator}`}
            title={tm("chartExport.mapTitle", { indicator: label })}
            date={asOf.date}
            version={version}
          />
        </ClientMessages>
      </p>
      <details>
        <summary>{t("asTable")}</summary>
        <div className="table-scroll">
          <table aria-label={t("tableLabel", { label })}>
            <thead>
              <tr>
                <th scope="col">{t("state")}</th>
                <th scope="col">{label}</th>
              </tr>
            </thead>
            <tbody>
              {states.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    <Link href={withAsOf(`/member-states/${s.code}`, asOf)}>{s.name}</Link> ({s.code})
                  </th>
                  <td>{s.isMember ? values.get(s.code)?.text || t("noValueShort") : t("notMember", { date: formatDate(asOf.date, locale) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
