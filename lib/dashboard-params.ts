/**
 * The query strings of the dashboard (/), the gap matrix (/gaps), the charts
 * (/charts) and the chart CSV route, parsed once with zod. A bad value is
 * replaced by its default and reported in `errors`, which the page shows;
 * nothing here throws. `as_of` is parsed by lib/as-of.ts, like every page.
 */
import { z } from "zod";
import { resolveAsOf, type AsOf } from "./as-of";
import { DEFAULT_MAP_INDICATOR, MAP_INDICATORS, type MapIndicator } from "./map/indicators";
import { celex, type RawSearchParams } from "./table-state";
import { collectionId, DEFAULT_COLLECTION, type CollectionId } from "./collections";

export type { RawSearchParams };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pick<T>(schema: z.ZodType<T>, raw: string | undefined, fallback: T, name: string, errors: string[]): T {
  if (raw === undefined || raw === "") return fallback;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  errors.push(`"${name}" ${parsed.error.issues[0]?.message ?? "is invalid"}; using the default instead.`);
  return fallback;
}

function asOfOf(raw: RawSearchParams, errors: string[]): AsOf {
  const asOf = resolveAsOf(raw.as_of);
  if (asOf.error) errors.push(asOf.error);
  return asOf;
}

const mapIndicator = z.enum(MAP_INDICATORS, { message: `must be one of ${MAP_INDICATORS.join(", ")}` });

/** The named set of instruments a view is drawn for (lib/collections.ts); the default, instruments in force on the date, is left out of URLs. */
function collectionOf(raw: RawSearchParams, errors: string[]): CollectionId {
  return pick(collectionId, first(raw.collection), DEFAULT_COLLECTION, "collection", errors);
}

export interface DashboardParams {
  asOf: AsOf;
  map: MapIndicator;
  collection: CollectionId;
  errors: string[];
}

export function parseDashboardParams(raw: RawSearchParams): DashboardParams {
  const errors: string[] = [];
  const asOf = asOfOf(raw, errors);
  return { asOf, map: pick(mapIndicator, first(raw.map), DEFAULT_MAP_INDICATOR, "map", errors), collection: collectionOf(raw, errors), errors };
}

export const GAP_VIEWS = ["provisions", "obligations", "properties"] as const;
export type GapView = (typeof GAP_VIEWS)[number];
export const ROW_SORTS = ["name", "gap"] as const;
export const COLUMN_SORTS = ["document", "gap"] as const;

export interface GapParams {
  asOf: AsOf;
  collection: CollectionId;
  view: GapView;
  /** CELEX of the instrument (provisions view); null = the first instrument. */
  instrument: string | null;
  rows: (typeof ROW_SORTS)[number];
  cols: (typeof COLUMN_SORTS)[number];
  errors: string[];
}

export function parseGapParams(raw: RawSearchParams): GapParams {
  const errors: string[] = [];
  const asOf = asOfOf(raw, errors);
  return {
    asOf,
    collection: collectionOf(raw, errors),
    view: pick(z.enum(GAP_VIEWS, { message: `must be one of ${GAP_VIEWS.join(", ")}` }), first(raw.view), "provisions", "view", errors),
    instrument: pick(celex.nullable(), first(raw.instrument), null, "instrument", errors),
    rows: pick(z.enum(ROW_SORTS, { message: `must be one of ${ROW_SORTS.join(", ")}` }), first(raw.sort_rows), "name", "sort_rows", errors),
    cols: pick(z.enum(COLUMN_SORTS, { message: `must be one of ${COLUMN_SORTS.join(", ")}` }), first(raw.sort_cols), "document", "sort_cols", errors),
    errors,
  };
}

export const CHART_IDS = ["deficit", "timeline", "delays", "coverage"] as const;
export type ChartId = (typeof CHART_IDS)[number];
export const chartId = z.enum(CHART_IDS, { message: `must be one of ${CHART_IDS.join(", ")}` });

export interface ChartParams {
  asOf: AsOf;
  collection: CollectionId;
  /** CELEX of the instrument the timeline is drawn for; null = the first instrument. */
  instrument: string | null;
  errors: string[];
}

export function parseChartParams(raw: RawSearchParams): ChartParams {
  const errors: string[] = [];
  const asOf = asOfOf(raw, errors);
  return { asOf, collection: collectionOf(raw, errors), instrument: pick(celex.nullable(), first(raw.instrument), null, "instrument", errors), errors };
}

/** A query string from the parameters that differ from their defaults, for links that keep the view. */
export function queryString(params: Record<string, string | null | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}
