import Link from "next/link";
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
import { message } from "@/lib/messages";
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
  const { label } = INDICATORS[indicator];
  const values = mapValues(indicator, figures);
  const states = memberStates.map((s) => ({
    code: s.code,
    name: s.name,
    isMember: isMemberOn(s, asOf.date),
    href: withAsOf(`/member-states/${s.code}`, asOf),
  }));
  return (
    <>
      <h2 id="map-heading">Map</h2>
      <form method="get" action="/" className="inline-controls">
        {asOf.isToday ? null : <input type="hidden" name="as_of" value={asOf.date} />}
        {Object.entries(collectionQuery(collection)).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor="map-indicator">Colour the map by</label>
        <select id="map-indicator" name="map" defaultValue={indicator}>
          {MAP_INDICATORS.map((m) => (
            <option key={m} value={m}>
              {INDICATORS[m].label}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Recolour the map
        </button>
      </form>
      <div id="map-drawing">
        <EuropeMap indicator={indicator} values={values} states={states} asOfDate={asOf.date} />
      </div>
      <p className="chart-downloads">
        <a href={`/api/v1/export/indicators.csv?as_of=${asOf.date}`} download>
          {message("chartExport.mapCsv")}
          <span className="visually-hidden">: {label}</span>
        </a>{" "}
        <ChartExport
          drawingId="map-drawing"
          fileId={`map-${indicator}`}
          title={message("chartExport.mapTitle", { indicator: label })}
          date={asOf.date}
          version={version}
        />
      </p>
      <details>
        <summary>The map&apos;s values as a table</summary>
        <div className="table-scroll">
          <table aria-label={`Map values: ${label}`}>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">{label}</th>
              </tr>
            </thead>
            <tbody>
              {states.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    <Link href={s.href}>{s.name}</Link> ({s.code})
                  </th>
                  <td>{s.isMember ? values.get(s.code)?.text || "no value" : `not a member on ${asOf.date}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
