import { loadInventorySnapshotCached } from "@/db/cache/snapshot";
import { useLocalePath } from "@/app/i18n/paths";
import type { Metadata } from "next";
import { Link } from "@/app/i18n/navigation";
import { getDb } from "@/db/client";
import { InstrumentPicker } from "../components/instrument-picker";
import { restrictSnapshot } from "@/lib/indicators/inventory";
import { loadObligationMatrix, loadPropertyMatrix, loadProvisionMatrix, obligationDuties } from "@/db/queries/gap-matrix";
import { ParamErrors } from "../components/as-of-banner";
import { AsOfControl } from "../components/dashboard/as-of-control";
import { CollectionControl, collectionQuery } from "../components/dashboard/collection-control";
import { loadCollectionIds } from "@/db/queries/collections";
import { todayIso, withAsOf } from "@/lib/as-of";
import { GAP_VIEWS, parseGapParams, queryString, type GapView, type RawSearchParams } from "@/lib/dashboard-params";
import type { CoverageMatrix, ProvisionCell } from "@/lib/indicators/gap-matrix";
import type { CoverageFigures } from "@/lib/indicators/coverage";
import { label } from "@/lib/vocabulary";
import { STATUS_SYMBOL } from "../components/status-symbols";
import { ProvisionHeatmap } from "./provision-heatmap";

export const metadata: Metadata = { title: "Gap matrix" };

const SYMBOL: Record<ProvisionCell["status"], string> = { ...STATUS_SYMBOL, not_due: "·" };
const SHORT: Record<ProvisionCell["status"], string> = {
  full: "Full",
  partial: "Part",
  not_transposed: "None",
  non_conforming: "NC",
  not_applicable: "N/A",
  unknown: "?",
  not_due: "n/d",
};
const STATUS_TEXT: Record<ProvisionCell["status"], string> = {
  ...Object.fromEntries(Object.keys(SYMBOL).map((s) => [s, label(s)])),
  not_due: "Not due on this date",
} as Record<ProvisionCell["status"], string>;
const VIEW_LABELS: Record<GapView, string> = {
  provisions: "States × provisions of an instrument",
  obligations: "States × obligations",
  properties: "States × security properties",
};

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);
const clip = (text: string, n = 240) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

function coverageClass(c: CoverageFigures | null): string {
  if (!c || c.coverage === null) return "cov-none";
  if (c.coverage >= 1) return "cov-4";
  if (c.coverage >= 0.75) return "cov-3";
  if (c.coverage >= 0.5) return "cov-2";
  return "cov-1";
}

export default async function GapsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseGapParams(await searchParams);
  const { asOf } = params;
  const db = getDb();
  // Read only what the view needs: the whole inventory is 3 million correspondences at the scale of the acquis.
  const whole = loadInventorySnapshotCached(db, todayIso(), { provisions: false });
  // The collection's instruments are offered and the first is the default; an instrument named in the URL is shown whatever the collection.
  const ids = loadCollectionIds(db, params.collection, asOf.date, todayIso());
  const snapshot = ids === null ? whole : restrictSnapshot(whole, ids);
  const errors = [...params.errors];
  let instrument = params.instrument === null ? snapshot.instruments[0] : whole.instruments.find((i) => i.celex === params.instrument);
  if (!instrument && params.instrument !== null) {
    errors.push(`No instrument with CELEX ${params.instrument} is in the inventory; showing ${snapshot.instruments[0]?.shortName ?? "none"} instead.`);
    instrument = snapshot.instruments[0];
  }
  const base: Record<string, string> = {
    ...collectionQuery(params.collection),
    ...(params.view === "provisions" ? {} : { view: params.view }),
    ...(params.view === "provisions" && instrument && params.instrument ? { instrument: instrument.celex } : {}),
    ...(params.rows === "name" ? {} : { sort_rows: params.rows }),
    ...(params.cols === "document" ? {} : { sort_cols: params.cols }),
  };
  const asOfQuery: Record<string, string> = asOf.isToday ? {} : { as_of: asOf.date };
  const link = (change: Record<string, string | null>) => {
    const merged: Record<string, string | null> = { ...base, ...asOfQuery, ...change };
    return `/gaps${queryString(merged)}`;
  };
  const sortLinks = (
    <p className="sort-links">
      Rows (states): {params.rows === "gap" ? <Link href={link({ sort_rows: null })}>by name</Link> : <strong aria-current="true">by name</strong>} ·{" "}
      {params.rows === "gap" ? <strong aria-current="true">largest gap first</strong> : <Link href={link({ sort_rows: "gap" })}>largest gap first</Link>}
      {" — "}Columns:{" "}
      {params.cols === "gap" ? <Link href={link({ sort_cols: null })}>document order</Link> : <strong aria-current="true">document order</strong>} ·{" "}
      {params.cols === "gap" ? <strong aria-current="true">largest gap first</strong> : <Link href={link({ sort_cols: "gap" })}>largest gap first</Link>}
    </p>
  );

  return (
    <>
      <h1>Gap matrix</h1>
      <p className="lead">
        Where the Member States&apos; transposition diverges: each cell is one state&apos;s correspondence for a provision, or its coverage of an obligation or
        security property. Status is shown by symbol and text as well as colour; &quot;?&quot; is not yet assessed, which is never counted as a gap.
      </p>
      <ParamErrors errors={errors} />
      <AsOfControl asOf={asOf} path="/gaps" query={base} />
      <CollectionControl
        path="/gaps"
        collection={params.collection}
        query={{ ...Object.fromEntries(Object.entries(base).filter(([k]) => k !== "collection" && k !== "instrument")), ...asOfQuery }}
        instruments={snapshot.instruments}
      />
      <nav aria-label="Matrix views" className="view-tabs">
        <ul>
          {GAP_VIEWS.map((v) => (
            <li key={v}>
              {v === params.view ? (
                <strong aria-current="page">{VIEW_LABELS[v]}</strong>
              ) : (
                <Link href={`/gaps${queryString({ ...(v === "provisions" ? {} : { view: v }), ...collectionQuery(params.collection), ...asOfQuery })}`}>
                  {VIEW_LABELS[v]}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {params.view === "provisions" && instrument ? (
        <ProvisionView
          db={db}
          snapshot={snapshot}
          instrumentId={instrument.id}
          celex={instrument.celex}
          shortName={instrument.shortName}
          params={params}
          sortLinks={sortLinks}
          base={base}
          asOfQuery={asOfQuery}
        />
      ) : params.view === "obligations" ? (
        <CoverageView
          title="Member States × obligations"
          matrix={loadObligationMatrix(db, asOf.date, params, todayIso(), params.collection)}
          columnLabel={(id) => whole.obligations.find((o) => o.id === id)?.key ?? String(id)}
          columnTitle={(() => {
            const duties = obligationDuties(db);
            return (id: number) => duties.get(id) ?? "";
          })()}
          cellHref={(state, id) =>
            withAsOf(`/transpositions?state=${state}&obligation=${encodeURIComponent(whole.obligations.find((o) => o.id === id)?.key ?? "")}`, asOf)
          }
          sortLinks={sortLinks}
          asOfDate={asOf.date}
        />
      ) : (
        <CoverageView
          title="Member States × security properties"
          matrix={loadPropertyMatrix(db, asOf.date, params, todayIso(), params.collection)}
          columnLabel={(p) => label(p)}
          columnTitle={(p) => `Provisions imposing an obligation tagged ${label(p)} (COM(2001)298 §2.1)`}
          cellHref={(state, p) => withAsOf(`/transpositions?state=${state}&property=${p}`, asOf)}
          sortLinks={sortLinks}
          asOfDate={asOf.date}
        />
      )}
    </>
  );
}

function ProvisionView({
  db,
  snapshot,
  instrumentId,
  celex,
  shortName,
  params,
  sortLinks,
  base,
  asOfQuery,
}: {
  db: ReturnType<typeof getDb>;
  snapshot: ReturnType<typeof loadInventorySnapshotCached>;
  instrumentId: number;
  celex: string;
  shortName: string;
  params: ReturnType<typeof parseGapParams>;
  sortLinks: React.ReactNode;
  base: Record<string, string>;
  asOfQuery: Record<string, string>;
}) {
  const localePath = useLocalePath();
  const { asOf } = params;
  const { matrix, nationalProvisions, headings } = loadProvisionMatrix(db, instrumentId, asOf.date, params, todayIso());
  const provisionLabel = (kind: string, number: string) => (kind === "annex" ? `Annex ${number}` : `Art. ${number}`);
  const counts = new Map<string, number>();
  for (const row of matrix.cells) for (const c of row) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return (
    <section aria-labelledby="matrix-heading">
      <form method="get" action={localePath("/gaps")} className="inline-controls">
        {Object.entries({ ...base, ...asOfQuery })
          .filter(([k]) => k !== "instrument")
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <label htmlFor="gap-instrument">Instrument</label>
        <InstrumentPicker id="gap-instrument" instruments={snapshot.instruments} selected={celex} />
        <button type="submit" className="secondary">
          Show its matrix
        </button>
      </form>
      <h2 id="matrix-heading">
        {shortName}: Member States × provisions requiring transposition, as of {asOf.date}
      </h2>
      {sortLinks}
      <Legend counts={counts} />
      {matrix.states.length === 0 || matrix.provisions.length === 0 ? (
        <p>
          Nothing to show: {matrix.states.length === 0 ? `no state was a member on ${asOf.date}` : `${shortName} has no provision requiring transposition`}.
        </p>
      ) : (
        <div className="table-scroll">
          <ProvisionHeatmap
            labelledBy="matrix-heading"
            shortName={shortName}
            columns={matrix.provisions.map((c) => ({
              id: c.provision.id,
              label: provisionLabel(c.provision.kind, c.provision.number),
              heading: headings.get(c.provision.id) ?? "",
              gap: pct(c.gap),
              href: withAsOf(`/provisions/${c.provision.id}`, asOf),
            }))}
            rows={matrix.states.map((r, ri) => ({
              code: r.state.code,
              name: r.state.name,
              gap: pct(r.gap),
              href: withAsOf(`/member-states/${r.state.code}`, asOf),
              // The cell names the state, the provision, its status and the national provision; the heading is the column's, the note on the provision's page.
              cells: matrix.cells[ri]!.map((cell, ci): [string, string] => {
                const np = nationalProvisions.get(`${r.state.code}|${matrix.provisions[ci]!.provision.id}`);
                return [cell.status, np ? clip(np, 80) : ""];
              }),
            }))}
            statusText={STATUS_TEXT}
            shortText={SHORT}
            asOfSuffix={asOf.isToday ? "" : `&as_of=${asOf.date}`}
          />
        </div>
      )}
      <p className="muted small">
        Gap of a provision = share of the assessed states (members, deadline passed) whose status is not &quot;full&quot;; gap of a state = share of its
        assessed, due provisions of {shortName} not &quot;full&quot;. &quot;Not due&quot; cells are provisions whose deadline for the state had not passed on
        the date (or that never bound it). Select a cell to open the correspondence.
      </p>
    </section>
  );
}

function Legend({ counts }: { counts: Map<string, number> }) {
  return (
    <ul className="legend heatmap-legend" aria-label="Legend">
      {(Object.keys(SYMBOL) as ProvisionCell["status"][]).map((s) => (
        <li key={s}>
          <span className={`swatch tstatus-${s}`} aria-hidden="true">
            {SYMBOL[s]} {SHORT[s]}
          </span>{" "}
          {STATUS_TEXT[s]} ({counts.get(s) ?? 0})
        </li>
      ))}
    </ul>
  );
}

function CoverageView<K extends string | number>({
  title,
  matrix,
  columnLabel,
  columnTitle,
  cellHref,
  sortLinks,
  asOfDate,
}: {
  title: string;
  matrix: CoverageMatrix<K>;
  columnLabel: (key: K) => string;
  columnTitle: (key: K) => string;
  cellHref: (state: string, key: K) => string;
  sortLinks: React.ReactNode;
  asOfDate: string;
}) {
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">
        {title}, as of {asOfDate}
      </h2>
      {sortLinks}
      <ul className="legend heatmap-legend" aria-label="Legend">
        <li>
          <span className="swatch cov-4" aria-hidden="true">
            100%
          </span>{" "}
          all assessed provisions full
        </li>
        <li>
          <span className="swatch cov-3" aria-hidden="true">
            75–99%
          </span>{" "}
          mostly full
        </li>
        <li>
          <span className="swatch cov-2" aria-hidden="true">
            50–74%
          </span>{" "}
          half or more full
        </li>
        <li>
          <span className="swatch cov-1" aria-hidden="true">
            0–49%
          </span>{" "}
          less than half full
        </li>
        <li>
          <span className="swatch cov-none" aria-hidden="true">
            ?
          </span>{" "}
          nothing assessed
        </li>
        <li>
          <span className="swatch cov-out" aria-hidden="true">
            ·
          </span>{" "}
          no provision due
        </li>
      </ul>
      <div className="table-scroll">
        <table className="heatmap" aria-labelledby="matrix-heading">
          <thead>
            <tr>
              <th scope="col">Member State (gap)</th>
              {matrix.columns.map((c) => (
                <th scope="col" key={String(c.key)} title={columnTitle(c.key)}>
                  {columnLabel(c.key)}
                  <span className="gap-figure">gap {pct(c.gap)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.states.map((r, ri) => (
              <tr key={r.state.code}>
                <th scope="row">
                  {r.state.name} ({r.state.code}) <span className="gap-figure">gap {pct(r.gap)}</span>
                </th>
                {matrix.cells[ri]!.map((cell, ci) => {
                  const key = matrix.columns[ci]!.key;
                  if (!cell) {
                    return (
                      <td key={String(key)} className="cell cov-out">
                        <span title={`${r.state.name}, ${columnLabel(key)}: no provision due`}>
                          · <span className="visually-hidden">no provision due</span>
                        </span>
                      </td>
                    );
                  }
                  const text =
                    cell.coverage === null
                      ? `nothing assessed (${cell.counts.unknown} unknown)`
                      : `${pct(cell.coverage)} full (${cell.counts.full} of ${cell.assessedCount} assessed; ${cell.counts.unknown} not assessed)`;
                  const description = `${r.state.name}, ${columnLabel(key)}: ${text}`;
                  return (
                    <td key={String(key)} className={`cell ${coverageClass(cell)}`}>
                      <Link href={cellHref(r.state.code, key)} aria-label={description} title={description}>
                        <span aria-hidden="true">{cell.coverage === null ? "?" : `${pct(cell.coverage)} (${cell.counts.full}/${cell.assessedCount})`}</span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Coverage = provisions assessed &quot;full&quot; ÷ provisions assessed, over the provisions due for the state (requiring transposition, deadline passed,
        repealed instruments included). Gap = 1 − coverage. Select a cell to open the correspondences behind it.
      </p>
    </section>
  );
}
