import { loadInventorySnapshotCached } from "@/db/cache/snapshot";
import { useLocalePath } from "@/app/i18n/paths";
import type { Metadata } from "next";
import { useLocale, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { formatDate, formatShare, memberStateName, type Locale } from "@/lib/format";
import { getLabel, useLabel } from "@/app/i18n/vocabulary";
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
import { STATUS_SYMBOL } from "../components/status-symbols";
import { ProvisionHeatmap } from "./provision-heatmap";
import { ClientMessages } from "@/app/i18n/client-messages-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gaps"))("matrixTitle") };
}

const SYMBOL: Record<ProvisionCell["status"], string> = { ...STATUS_SYMBOL, not_due: "·" };
type Status = ProvisionCell["status"];
type GapsT = ReturnType<typeof useTranslations<"gaps">>;

/** The cells' short texts (beside the symbol) and the statuses' names, in the interface's language. */
function statusWords(t: GapsT, label: (value: string) => string): { short: Record<Status, string>; text: Record<Status, string> } {
  const short: Record<Status, string> = {
    full: t("short.full"),
    partial: t("short.partial"),
    not_transposed: t("short.not_transposed"),
    non_conforming: t("short.non_conforming"),
    not_applicable: t("short.not_applicable"),
    unknown: t("short.unknown"),
    not_due: t("short.not_due"),
  };
  const text = { ...Object.fromEntries(Object.keys(SYMBOL).map((s) => [s, label(s)])), not_due: t("notDue") } as Record<Status, string>;
  return { short, text };
}

const pctIn = (locale: Locale) => (v: number | null) => (v === null ? "—" : formatShare(v, 0, locale));
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
  const t = await getTranslations("gaps");
  const label = await getLabel();
  const viewLabels: Record<GapView, string> = {
    provisions: t("view.provisions"),
    obligations: t("view.obligations"),
    properties: t("view.properties"),
  };
  const { asOf } = params;
  const db = getDb();
  // Read only what the view needs: the whole inventory is 3 million correspondences at the scale of the acquis.
  const whole = loadInventorySnapshotCached(db, todayIso(), { provisions: false });
  // The collection's instruments are offered and the first is the default; an instrument named in the URL is shown whatever the collection.
  const ids = loadCollectionIds(db, params.collection, asOf.date, todayIso());
  const snapshot = ids === null ? whole : restrictSnapshot(whole, ids);
  const errors: string[] = [];
  let instrument = params.instrument === null ? snapshot.instruments[0] : whole.instruments.find((i) => i.celex === params.instrument);
  if (!instrument && params.instrument !== null) {
    errors.push(t("unknownInstrument", { celex: params.instrument, instead: snapshot.instruments[0]?.shortName ?? t("noInstrument") }));
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
      {t("sortRows")} {params.rows === "gap" ? <Link href={link({ sort_rows: null })}>{t("byName")}</Link> : <strong aria-current="true">{t("byName")}</strong>}{" "}
      ·{" "}
      {params.rows === "gap" ? (
        <strong aria-current="true">{t("largestGapFirst")}</strong>
      ) : (
        <Link href={link({ sort_rows: "gap" })}>{t("largestGapFirst")}</Link>
      )}
      {" — "}
      {t("sortColumns")}{" "}
      {params.cols === "gap" ? <Link href={link({ sort_cols: null })}>{t("documentOrder")}</Link> : <strong aria-current="true">{t("documentOrder")}</strong>} ·{" "}
      {params.cols === "gap" ? (
        <strong aria-current="true">{t("largestGapFirst")}</strong>
      ) : (
        <Link href={link({ sort_cols: "gap" })}>{t("largestGapFirst")}</Link>
      )}
    </p>
  );

  return (
    <>
      <h1>{t("matrixTitle")}</h1>
      <p className="lead">{t("matrixLead")}</p>
      <ParamErrors notices={params.notices} errors={errors} />
      <AsOfControl asOf={asOf} path="/gaps" query={base} />
      <CollectionControl
        path="/gaps"
        collection={params.collection}
        query={{ ...Object.fromEntries(Object.entries(base).filter(([k]) => k !== "collection" && k !== "instrument")), ...asOfQuery }}
        instruments={snapshot.instruments}
      />
      <nav aria-label={t("matrixViews")} className="view-tabs">
        <ul>
          {GAP_VIEWS.map((v) => (
            <li key={v}>
              {v === params.view ? (
                <strong aria-current="page">{viewLabels[v]}</strong>
              ) : (
                <Link href={`/gaps${queryString({ ...(v === "provisions" ? {} : { view: v }), ...collectionQuery(params.collection), ...asOfQuery })}`}>
                  {viewLabels[v]}
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
          title={t("obligationsTitle")}
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
          title={t("propertiesTitle")}
          matrix={loadPropertyMatrix(db, asOf.date, params, todayIso(), params.collection)}
          columnLabel={(p) => label(p)}
          columnTitle={(p) => t("propertyColumnTitle", { property: label(p) })}
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
  const t = useTranslations("gaps");
  const label = useLabel();
  const locale = useLocale();
  const pct = pctIn(locale);
  const { short, text } = statusWords(t, label);
  const { asOf } = params;
  const date = formatDate(asOf.date, locale);
  const { matrix, nationalProvisions, headings } = loadProvisionMatrix(db, instrumentId, asOf.date, params, todayIso());
  const provisionLabel = (kind: string, number: string) =>
    kind === "annex" ? (number === "Annex" ? t("annexAlone") : t("annexShort", { number })) : t("articleShort", { number });
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
        <label htmlFor="gap-instrument">{t("instrumentLabel")}</label>
        <InstrumentPicker id="gap-instrument" instruments={snapshot.instruments} selected={celex} />
        <button type="submit" className="secondary">
          {t("showMatrix")}
        </button>
      </form>
      <h2 id="matrix-heading">{t("provisionsHeading", { instrument: shortName, date })}</h2>
      {sortLinks}
      <Legend counts={counts} short={short} text={text} />
      {matrix.states.length === 0 || matrix.provisions.length === 0 ? (
        <p>{matrix.states.length === 0 ? t("nothingNoState", { date }) : t("nothingNoProvision", { instrument: shortName })}</p>
      ) : (
        <ClientMessages namespaces={["gaps"]}>
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
                name: memberStateName(r.state.code, r.state.name, locale),
                gap: pct(r.gap),
                href: withAsOf(`/member-states/${r.state.code}`, asOf),
                // The cell names the state, the provision, its status and the national provision; the heading is the column's, the note on the provision's page.
                cells: matrix.cells[ri]!.map((cell, ci): [string, string] => {
                  const np = nationalProvisions.get(`${r.state.code}|${matrix.provisions[ci]!.provision.id}`);
                  return [cell.status, np ? clip(np, 80) : ""];
                }),
              }))}
              statusText={text}
              shortText={short}
              asOfSuffix={asOf.isToday ? "" : `&as_of=${asOf.date}`}
            />
          </div>
        </ClientMessages>
      )}
      <p className="muted small">{t("provisionsNote", { instrument: shortName })}</p>
    </section>
  );
}

function Legend({ counts, short, text }: { counts: Map<string, number>; short: Record<Status, string>; text: Record<Status, string> }) {
  const t = useTranslations("gaps");
  return (
    <ul className="legend heatmap-legend" aria-label={t("legend")}>
      {(Object.keys(SYMBOL) as ProvisionCell["status"][]).map((s) => (
        <li key={s}>
          <span className={`swatch tstatus-${s}`} aria-hidden="true">
            {SYMBOL[s]} {short[s]}
          </span>{" "}
          {text[s]} ({counts.get(s) ?? 0})
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
  const t = useTranslations("gaps");
  const locale = useLocale();
  const pct = pctIn(locale);
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t("coverageHeading", { title, date: formatDate(asOfDate, locale) })}</h2>
      {sortLinks}
      <ul className="legend heatmap-legend" aria-label={t("legend")}>
        <li>
          <span className="swatch cov-4" aria-hidden="true">
            100%
          </span>{" "}
          {t("cov4")}
        </li>
        <li>
          <span className="swatch cov-3" aria-hidden="true">
            75–99%
          </span>{" "}
          {t("cov3")}
        </li>
        <li>
          <span className="swatch cov-2" aria-hidden="true">
            50–74%
          </span>{" "}
          {t("cov2")}
        </li>
        <li>
          <span className="swatch cov-1" aria-hidden="true">
            0–49%
          </span>{" "}
          {t("cov1")}
        </li>
        <li>
          <span className="swatch cov-none" aria-hidden="true">
            ?
          </span>{" "}
          {t("covNone")}
        </li>
        <li>
          <span className="swatch cov-out" aria-hidden="true">
            ·
          </span>{" "}
          {t("covOut")}
        </li>
      </ul>
      <div className="table-scroll">
        <table className="heatmap" aria-labelledby="matrix-heading">
          <thead>
            <tr>
              <th scope="col">{t("stateGap")}</th>
              {matrix.columns.map((c) => (
                <th scope="col" key={String(c.key)} title={columnTitle(c.key)}>
                  {columnLabel(c.key)}
                  <span className="gap-figure">{t("gapFigure", { gap: pct(c.gap) })}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.states.map((r, ri) => {
              const name = memberStateName(r.state.code, r.state.name, locale);
              return (
                <tr key={r.state.code}>
                  <th scope="row">
                    {name} ({r.state.code}) <span className="gap-figure">{t("gapFigure", { gap: pct(r.gap) })}</span>
                  </th>
                  {matrix.cells[ri]!.map((cell, ci) => {
                    const key = matrix.columns[ci]!.key;
                    if (!cell) {
                      return (
                        <td key={String(key)} className="cell cov-out">
                          <span title={`${name}, ${columnLabel(key)}: ${t("covOut")}`}>
                            · <span className="visually-hidden">{t("covOut")}</span>
                          </span>
                        </td>
                      );
                    }
                    const text =
                      cell.coverage === null
                        ? t("cellNothing", { unknown: cell.counts.unknown })
                        : t("cellCoverage", { share: pct(cell.coverage), full: cell.counts.full, assessed: cell.assessedCount, unknown: cell.counts.unknown });
                    const description = `${name}, ${columnLabel(key)}: ${text}`;
                    return (
                      <td key={String(key)} className={`cell ${coverageClass(cell)}`}>
                        <Link href={cellHref(r.state.code, key)} aria-label={description} title={description}>
                          <span aria-hidden="true">{cell.coverage === null ? "?" : `${pct(cell.coverage)} (${cell.counts.full}/${cell.assessedCount})`}</span>
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t("coverageNote")}</p>
    </section>
  );
}
