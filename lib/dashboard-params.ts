/**
 * The query strings of the dashboard (/), the gap matrix (/gaps), the charts
 * (/charts) and the chart CSV route, parsed once with zod. A bad value is
 * replaced by its default and reported in `notices` (lib/param-notices.ts), which
 * the page words and shows; nothing here throws. `as_of` is parsed by lib/as-of.ts, like every page.
 */
import { z } from "zod";
import { resolveAsOf, type AsOf } from "./as-of";
import { DEFAULT_MAP_INDICATOR, MAP_INDICATORS, type MapIndicator } from "./map/indicators";
import { celex, type RawSearchParams } from "./table-state";
import { COLLECTION_IDS, collectionId, DEFAULT_COLLECTION, type CollectionId } from "./collections";
import type { ParamNotice, ParamReason } from "./param-notices";

export type { RawSearchParams };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pick<T>(schema: z.ZodType<T>, raw: string | undefined, fallback: T, name: string, reason: ParamReason, notices: ParamNotice[]): T {
  if (raw === undefined || raw === "") return fallback;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  notices.push({ code: "defaultUsed", name, reason });
  return fallback;
}

function asOfOf(raw: RawSearchParams, notices: ParamNotice[]): AsOf {
  const asOf = resolveAsOf(raw.as_of);
  if (asOf.notice) notices.push(asOf.notice);
  return asOf;
}

const oneOf = (allowed: readonly string[]): ParamReason => ({ code: "oneOf", allowed });

const mapIndicator = z.enum(MAP_INDICATORS);

/** The named set of instruments a view is drawn for (lib/collections.ts); the default, instruments in force on the date, is left out of URLs. */
function collectionOf(raw: RawSearchParams, notices: ParamNotice[]): CollectionId {
  return pick(collectionId, first(raw.collection), DEFAULT_COLLECTION, "collection", oneOf(COLLECTION_IDS), notices);
}

export interface DashboardParams {
  asOf: AsOf;
  map: MapIndicator;
  collection: CollectionId;
  notices: ParamNotice[];
}

export function parseDashboardParams(raw: RawSearchParams): DashboardParams {
  const notices: ParamNotice[] = [];
  const asOf = asOfOf(raw, notices);
  return {
    asOf,
    map: pick(mapIndicator, first(raw.map), DEFAULT_MAP_INDICATOR, "map", oneOf(MAP_INDICATORS), notices),
    collection: collectionOf(raw, notices),
    notices,
  };
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
  notices: ParamNotice[];
}

export function parseGapParams(raw: RawSearchParams): GapParams {
  const notices: ParamNotice[] = [];
  const asOf = asOfOf(raw, notices);
  return {
    asOf,
    collection: collectionOf(raw, notices),
    view: pick(z.enum(GAP_VIEWS), first(raw.view), "provisions", "view", oneOf(GAP_VIEWS), notices),
    instrument: pick(celex.nullable(), first(raw.instrument), null, "instrument", { code: "celex" }, notices),
    rows: pick(z.enum(ROW_SORTS), first(raw.sort_rows), "name", "sort_rows", oneOf(ROW_SORTS), notices),
    cols: pick(z.enum(COLUMN_SORTS), first(raw.sort_cols), "document", "sort_cols", oneOf(COLUMN_SORTS), notices),
    notices,
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
  notices: ParamNotice[];
}

export function parseChartParams(raw: RawSearchParams): ChartParams {
  const notices: ParamNotice[] = [];
  const asOf = asOfOf(raw, notices);
  return {
    asOf,
    collection: collectionOf(raw, notices),
    instrument: pick(celex.nullable(), first(raw.instrument), null, "instrument", { code: "celex" }, notices),
    notices,
  };
}

/** A query string from the parameters that differ from their defaults, for links that keep the view. */
export function queryString(params: Record<string, string | null | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}
