/**
 * When the indicator cache (db/cache/indicator-cache.ts) is filled in the background of the server: a date with many
 * instruments missing is computed a few instruments per turn of the event loop, each batch started only while the
 * server answers no request (./requests-in-flight.ts) or after a deferral, once per date and connection whatever the
 * number of pages asking. In a cluster a worker asks the primary instead, which fills the date once in a process of
 * its own (./warm-up.ts). What is computed and stored, and how, is db/cache's; this module only decides when and where.
 */
import cluster from "node:cluster";
import { openedDbHandle, type Db } from "@/db/client";
import { computeIndicatorBatch, indicatorCacheCounts, missingInstrumentIds, pruneIndicatorCache } from "@/db/cache/indicator-cache";
import type { IsoDate } from "@/lib/indicators/inventory";
import { errorFields, log } from "@/lib/log";
import { serverIsBusy } from "./requests-in-flight";
import type { IndicatorFillRequest } from "./fill-request";

/**
 * Above this many instruments missing for a date, a page does not compute them in its request (a minute at the scale
 * of the acquis, the whole process blocked): it starts `startIndicatorFill` and says the figures are being computed.
 */
export const FILL_IN_REQUEST_LIMIT = 100;

/** Instruments a background fill computes per turn of the event loop (about 300 ms at scale), so that requests are answered between turns. */
export const BACKGROUND_BATCH_SIZE = 10;

/**
 * A batch blocks the process (300 ms at scale), so a background fill starts one only while the server answers no
 * request (./requests-in-flight.ts) — a request then waits for at most the batch already running — or when it has
 * waited this long, so that a server never idle still finishes the fill.
 */
export const FILL_DEFERRAL_MS = 1_000;
const FILL_POLL_MS = 10;

/** How far the date's figures are: instruments stored out of all instruments, and whether this process is filling them or asked the primary to. */
export function indicatorCacheProgress(db: Db, asOf: IsoDate, takenOn: IsoDate): { computed: number; total: number; filling: boolean } {
  const key = fillKey(db, asOf, takenOn);
  return { ...indicatorCacheCounts(db, asOf, takenOn), filling: fills.has(key) || Date.now() - (asked.get(key) ?? -Infinity) < ASK_AGAIN_MS };
}

/**
 * Where a cluster worker sends a date to fill: the primary process (scripts/cluster.ts), which fills it once in a
 * process of its own (./warm-up.ts, `indicatorFills`); null in a lone server, which fills in its own background. Each
 * worker filling a date it was asked for had two processes do the same work at once, each waiting for the other's
 * write lock — and the waiting worker's pages with it (1.7 s for a measures page in a bench run, "database is locked").
 */
export type FillChannel = ((request: IndicatorFillRequest) => void) | null;

/** The primary, for the live inventory in a cluster worker; an edition's copy (`?edition=`) is filled where it is viewed. */
function clusterChannel(db: Db): FillChannel {
  return cluster.isWorker && process.send && openedDbHandle()?.db === db ? (request) => void process.send!(request) : null;
}

/** A worker asks again for a date after this long, should the primary's fill have failed (the primary ignores a date it is filling). */
const ASK_AGAIN_MS = 60_000;
/** When this process last asked the primary for a date, by connection and date. */
const asked = new Map<string, number>();

/** Background fills running in this process, by connection and date. */
const fills = new Map<string, Promise<void>>();
const connectionIds = new WeakMap<Db["$client"], number>();
let nextConnectionId = 1;
function fillKey(db: Db, asOf: IsoDate, takenOn: IsoDate): string {
  let id = connectionIds.get(db.$client);
  if (id === undefined) connectionIds.set(db.$client, (id = nextConnectionId++));
  return `${id}|${asOf}|${takenOn}`;
}

/**
 * Fills the date's cache in the background of this process, BACKGROUND_BATCH_SIZE instruments per turn of the event
 * loop while no request is being answered (FILL_DEFERRAL_MS), once per date whatever the number of callers. Resolves
 * when every instrument is stored, or when the fill failed (logged; the next view of the date starts it again). With a
 * channel (a cluster worker) it asks the primary instead, at most once per ASK_AGAIN_MS, and resolves at once.
 */
export function startIndicatorFill(db: Db, asOf: IsoDate, takenOn: IsoDate, channel: FillChannel = clusterChannel(db)): Promise<void> {
  const key = fillKey(db, asOf, takenOn);
  const running = fills.get(key);
  if (running) return running;
  if (channel) {
    if (Date.now() - (asked.get(key) ?? -Infinity) >= ASK_AGAIN_MS) {
      asked.set(key, Date.now());
      channel({ type: "indicator-fill", asOf });
    }
    return Promise.resolve();
  }
  const fill = new Promise<void>((done) => {
    let pruned = false;
    let waitingSince = Date.now();
    const step = () => {
      if (serverIsBusy() && Date.now() - waitingSince < FILL_DEFERRAL_MS) return void setTimeout(step, FILL_POLL_MS);
      try {
        if (!pruned) pruneIndicatorCache(db, takenOn);
        pruned = true;
        const batch = missingInstrumentIds(db, asOf, takenOn).slice(0, BACKGROUND_BATCH_SIZE);
        if (batch.length === 0) return done();
        computeIndicatorBatch(db, asOf, takenOn, batch);
        waitingSince = Date.now();
        // setImmediate runs after the event loop's poll phase, so a request that arrived during the batch is counted
        // before the next batch can start; a timer would start it first.
        setImmediate(step);
      } catch (error) {
        log("error", "filling the indicator cache failed", { asOf, ...errorFields(error) });
        done();
      }
    };
    setTimeout(step, 0);
  }).finally(() => fills.delete(key));
  fills.set(key, fill);
  return fill;
}
