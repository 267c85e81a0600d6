/**
 * The SPARQL client of the Publications Office's CELLAR endpoint: queries sent as POST (SPARQL 1.1 Protocol,
 * form-encoded), W3C JSON results parsed with zod (lib/eurlex/sparql-results.ts), paged with LIMIT/OFFSET,
 * each request with a timeout, retried with exponential backoff on 429, 5xx and network failures. Knows
 * nothing of the database: it answers CELLAR's data in the shapes of lib/eurlex/map.ts.
 */
import { z } from "zod";
import type { Translate } from "@/lib/translate";
import { translatorFor } from "@/server/translator";
import { groupMeasureRows, instrumentFromRows, type CellarInstrument, type NotifiedMeasure } from "@/lib/eurlex/map";
import { instrumentQuery, measureCountQuery, measuresQuery, relationsQuery } from "@/lib/eurlex/queries";
import { MalformedResponseError, parseSparqlResults, type SparqlRow } from "@/lib/eurlex/sparql-results";

export const DEFAULT_SPARQL_URL = "https://publications.europa.eu/webapi/rdf/sparql";

export interface CellarOptions {
  endpoint: string;
  pageSize: number;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** Largest answer read, in bytes. */
  maxBytes: number;
  sleep?: (ms: number) => Promise<void>;
}

const envSchema = z.object({
  EURLEX_SPARQL_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).default(DEFAULT_SPARQL_URL)),
  EURLEX_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
  EURLEX_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  EURLEX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  EURLEX_BACKOFF_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
});

export class CellarConfigError extends Error {
  override name = "CellarConfigError";
  /** The settings at fault and why, in zod's English (for whoever runs the server). */
  constructor(readonly detail: string) {
    super(`EUR-Lex import misconfigured: ${detail}`);
  }
}

/** The client's settings from the environment (README "Configuration"); a bad value is one line naming it. */
export function cellarOptionsFromEnv(env: Record<string, string | undefined> = process.env): CellarOptions {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]])));
  if (!parsed.success) throw new CellarConfigError(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  const c = parsed.data;
  return {
    endpoint: c.EURLEX_SPARQL_URL,
    pageSize: c.EURLEX_PAGE_SIZE,
    timeoutMs: c.EURLEX_TIMEOUT_MS,
    retries: c.EURLEX_RETRIES,
    backoffMs: c.EURLEX_BACKOFF_MS,
    maxBytes: 64 * 1024 * 1024,
  };
}

/** Why the endpoint's last attempt failed. */
export type CellarCause =
  | { code: "status"; status: number }
  | { code: "timeout" }
  | { code: "connectionRefused" }
  | { code: "hostNotFound" }
  | { code: "connectionReset" }
  /** A network error code or message, as Node gives it. */
  | { code: "other"; detail: string };

/** The endpoint refused the query, or could not be reached or kept failing. */
export type CellarFailure = { code: "refused"; host: string; status: number } | { code: "unreachable"; host: string; cause: CellarCause; attempts: number };

function causeText(cause: CellarCause, t: Translate): string {
  switch (cause.code) {
    case "status":
      return t("eurlexRun.causeStatus", { status: cause.status });
    case "timeout":
      return t("eurlexRun.causeTimeout");
    case "connectionRefused":
      return t("eurlexRun.causeConnectionRefused");
    case "hostNotFound":
      return t("eurlexRun.causeHostNotFound");
    case "connectionReset":
      return t("eurlexRun.causeConnectionReset");
    case "other":
      return cause.detail;
  }
}

/** A failure in the language of `t`: the staff page's (server/eurlex/run.ts), or English for the CLI and the log. */
export function cellarFailureText(failure: CellarFailure, t: Translate): string {
  return failure.code === "refused"
    ? t("eurlexRun.endpointRefused", { host: failure.host, status: failure.status })
    : t("eurlexRun.endpointUnreachable", { host: failure.host, cause: causeText(failure.cause, t), attempts: failure.attempts });
}

/**
 * The endpoint could not be reached or kept failing: one line for the editor, nothing was written. The message is the
 * CLI's and the log's English; the staff page words `failure` in its language (server/eurlex/run.ts).
 */
export class CellarUnavailableError extends Error {
  override name = "CellarUnavailableError";
  constructor(readonly failure: CellarFailure) {
    super(cellarFailureText(failure, translatorFor("en")));
  }
}

const host = (endpoint: string) => {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
};

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function causeOf(error: unknown): CellarCause {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return { code: "timeout" };
  // undici's "fetch failed" keeps the reason in its cause (an AggregateError when several addresses were tried).
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
  const code = cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
  if (code)
    return code === "ECONNREFUSED"
      ? { code: "connectionRefused" }
      : code === "ENOTFOUND"
        ? { code: "hostNotFound" }
        : code === "ECONNRESET"
          ? { code: "connectionReset" }
          : { code: "other", detail: code };
  if (cause instanceof Error && cause.message) return { code: "other", detail: cause.message };
  return { code: "other", detail: error instanceof Error ? error.message : String(error) };
}

/** Sends one query; retries 429, 5xx, timeouts and network failures; parses the JSON results. */
export async function runQuery(options: CellarOptions, query: string, firstRow = 1): Promise<{ vars: string[]; rows: SparqlRow[] }> {
  const sleep = options.sleep ?? defaultSleep;
  const attempts = options.retries + 1;
  let lastProblem: CellarCause = { code: "other", detail: "no attempt" };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let retryAfterMs: number | null = null;
    try {
      const response = await fetch(options.endpoint, {
        method: "POST",
        headers: {
          Accept: "application/sparql-results+json",
          "Content-Type": "application/x-www-form-urlencoded",
          "User-Agent": "nis-measures-inventory (EUR-Lex import)",
        },
        body: new URLSearchParams({ query, format: "application/sparql-results+json" }).toString(),
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: "follow",
      });
      if (response.status === 429 || response.status >= 500) {
        lastProblem = { code: "status", status: response.status };
        const ra = Number(response.headers.get("retry-after"));
        if (Number.isFinite(ra) && ra > 0) retryAfterMs = Math.min(ra * 1000, 30_000);
        await response.body?.cancel();
      } else if (!response.ok) {
        await response.body?.cancel();
        throw new CellarUnavailableError({ code: "refused", host: host(options.endpoint), status: response.status });
      } else {
        const declared = Number(response.headers.get("content-length") ?? "0");
        if (declared > options.maxBytes) throw new MalformedResponseError(`The endpoint's answer is larger than ${options.maxBytes} bytes.`);
        const text = await response.text();
        if (text.length > options.maxBytes) throw new MalformedResponseError(`The endpoint's answer is larger than ${options.maxBytes} bytes.`);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new MalformedResponseError("The endpoint's answer is not JSON.");
        }
        return parseSparqlResults(body, firstRow);
      }
    } catch (error) {
      if (error instanceof CellarUnavailableError || error instanceof MalformedResponseError) throw error;
      lastProblem = causeOf(error);
    }
    if (attempt < attempts) await sleep(retryAfterMs ?? options.backoffMs * 2 ** (attempt - 1));
  }
  throw new CellarUnavailableError({ code: "unreachable", host: host(options.endpoint), cause: lastProblem, attempts });
}

export interface FetchProgress {
  phase: "instrument" | "measures";
  done: number;
  total: number | null;
}

export interface CellarDirective {
  celex: string;
  retrievedAt: string;
  instrument: CellarInstrument | null;
  measures: NotifiedMeasure[];
  /** Rows read, pages asked for. */
  rows: number;
  pages: number;
}

/** Upper bound on pages, so an endpoint that ignores OFFSET cannot keep the import going forever. */
const MAX_PAGES = 1000;

/** Everything CELLAR has on one act: its metadata and relations, and every national measure notified for it. */
export async function fetchDirective(celex: string, options: CellarOptions, onProgress?: (p: FetchProgress) => void | Promise<void>): Promise<CellarDirective> {
  const retrievedAt = new Date().toISOString();
  await onProgress?.({ phase: "instrument", done: 0, total: null });
  const metadata = await runQuery(options, instrumentQuery(celex));
  const relations = metadata.rows.length ? await runQuery(options, relationsQuery(celex)) : { rows: [] };
  const instrument = instrumentFromRows(celex, metadata.rows, relations.rows);
  if (!instrument) return { celex, retrievedAt, instrument: null, measures: [], rows: 0, pages: 0 };

  const countRows = (await runQuery(options, measureCountQuery(celex))).rows;
  const counted = Number(countRows[0]?.values.count);
  const total = Number.isFinite(counted) && counted >= 0 ? counted : null;
  await onProgress?.({ phase: "measures", done: 0, total });

  // Rows are kept per page only until grouped by measure work: memory grows with the measures, not the rows.
  const rows: SparqlRow[] = [];
  let pages = 0;
  let rowCount = 0;
  const works = new Set<string>();
  for (let offset = 0; pages < MAX_PAGES; offset += options.pageSize) {
    const page = await runQuery(options, measuresQuery(celex, options.pageSize, offset), offset + 1);
    pages++;
    rowCount += page.rows.length;
    for (const r of page.rows) {
      rows.push(r);
      if (r.values.nim) works.add(r.values.nim);
    }
    await onProgress?.({ phase: "measures", done: total === null ? works.size : Math.min(works.size, total), total });
    if (page.rows.length < options.pageSize) break;
  }
  return { celex, retrievedAt, instrument, measures: groupMeasureRows(rows, celex), rows: rowCount, pages };
}
