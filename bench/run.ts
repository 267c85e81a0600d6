/**
 * npm run bench [-- --runs 10 --warmup 2 --port 3601]
 *
 * Builds the production app if needed (into .next-bench, or NEXT_DIST_DIR),
 * generates the synthetic scale database under bench/data/ unless a complete
 * one with the same parameters is there, starts the production server
 * (scripts/start.ts) on it and on a fresh real database, and times each case:
 * wall time of the HTTP request measured from this process (request sent →
 * last byte read), beside the same data work done directly on SQLite
 * (bench/raw.ts with better-sqlite3, `sqlite3 -csv` for the export), as a
 * ratio. Prints one line per case and writes bench/results/latest.json.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { runEurlexBench } from "./eurlex";
import { exportSql, rawDashboard, rawGapMatrix, rawInstrument, rawMeasures, rawMemberState, rawSearch, rawTranspositions, type RawCase } from "./raw";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    port: { type: "string", default: "3601" },
    states: { type: "string", default: "30" },
    instruments: { type: "string", default: "2000" },
    provisions: { type: "string", default: "50" },
    measures: { type: "string", default: "300000" },
    seed: { type: "string", default: "42" },
    "skip-real": { type: "boolean", default: false },
    /**
     * `--only eurlex`: just the EUR-Lex import case (no build, no scale database); `--only cached`: just the 32-client
     * reads of kept answers (and through nginx); `--only french-dashboard`: just the French dashboard against the
     * English one, on a fresh seeded database (no scale database) or on a copy of `--db`.
     */
    only: { type: "string" },
    /** With `--only french-dashboard`: a database to copy and run on (the server writes its caches into the copy, never into it). */
    db: { type: "string" },
    /**
     * `--case <text>` (repeatable): only the scale cases whose name contains one of the texts ("CSV export", "report PDF",
     * "French dashboard", …), on the scale server alone: no real database, freshness, concurrency, cached or EUR-Lex cases.
     */
    case: { type: "string", multiple: true },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const WARMUP = Math.max(0, Number(args.warmup));
const BASE_PORT = Number(args.port);
const PARAMS = {
  states: Number(args.states),
  instruments: Number(args.instruments),
  provisions: Number(args.provisions),
  measures: Number(args.measures),
  seed: Number(args.seed),
};
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
const DATA_DIR = resolve("bench", "data");
const SCALE_DB = join(DATA_DIR, `scale-s${PARAMS.states}-i${PARAMS.instruments}-p${PARAMS.provisions}-m${PARAMS.measures}-seed${PARAMS.seed}.sqlite`);
const REAL_DB = join(DATA_DIR, "real.sqlite");
const RESULTS = resolve("bench", "results", args.case?.length ? "cases.json" : "latest.json");
const EXPORT_PATH = "/api/v1/export/transpositions.csv";
/** The export's rate against `sqlite3 -csv`'s over the same rows (issue #16: at least 0.6×). */
const EXPORT_RATIO = 0.6;
/** Whether a scale case runs: every case, unless `--case` names some. */
const selected = (name: string) => !args.case?.length || args.case.some((text) => name.includes(text));
const CASES_ONLY = Boolean(args.case?.length);

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

interface CaseResult {
  name: string;
  median_ms: number | null;
  p95_ms: number | null;
  runs: number;
  raw_median_ms: number | null;
  ratio: number | null;
  target_ms: number | null;
  rows_per_s: number | null;
  peak_rss_mb: number | null;
  meets_target: boolean | null;
  /** CPU time the server's processes spent per request (mean), and its ratio: see runLanguageCase. */
  cpu_median_ms?: number | null;
  cpu_ratio?: number | null;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
const p95 = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.95,
  );
const round = (x: number | null, digits = 1) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

// ---------------------------------------------------------------- build and data

function ensureBuild(): void {
  log(`checking the production build in ${DIST_DIR}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/ensure-build.ts"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: DIST_DIR } });
  if (r.status !== 0) throw new Error("the production build failed");
}

function isCompleteScaleDb(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("select after from audit_events where entity = 'synthetic_dataset' order by id desc limit 1").get() as
        { after: string } | undefined;
      if (!row) return false;
      const p = (JSON.parse(row.after) as { parameters: Record<string, number> }).parameters;
      return Object.entries(PARAMS).every(([k, v]) => p[k] === v);
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

function ensureScaleDb(): { seconds: number | null } {
  if (isCompleteScaleDb(SCALE_DB)) {
    log(`reusing ${SCALE_DB}`);
    return { seconds: null };
  }
  log(`generating ${SCALE_DB}`);
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/synth.ts", "--out", SCALE_DB, "--force", ...Object.entries(PARAMS).flatMap(([k, v]) => [`--${k}`, String(v)])],
    { stdio: "inherit" },
  );
  if (r.status !== 0) throw new Error("generating the scale database failed");
  return { seconds: (Date.now() - started) / 1000 };
}

/**
 * Today's indicator figures in the scale database, as a production server's start-up fills them
 * (scripts/warm-indicator-cache.ts; a minute at scale, nothing once done that day). The bench's servers run with
 * INDICATOR_CACHE_WARM=0, so that no warm-up competes with the timings; without this a new day's run timed the
 * country report's "being computed" 503 instead of its PDF.
 */
function warmTodaysFigures(): void {
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/warm-indicator-cache.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, INVENTORY_DB_PATH: SCALE_DB },
  });
  if (r.status !== 0) throw new Error("filling today's indicator figures in the scale database failed");
  log(`today's indicator figures are in the scale database (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// ---------------------------------------------------------------- servers

interface Server {
  name: string;
  base: string;
  child: ChildProcess;
  logFile: string;
}

function ownVmHwmMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The largest peak RSS of the server's processes: `npm start` forks one server process per CPU (scripts/cluster.ts). */
function vmHwmMb(pid: number): number | null {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // no such process
  }
  const peaks = [pid, ...children].map(ownVmHwmMb).filter((x): x is number => x !== null);
  return peaks.length ? Math.max(...peaks) : null;
}

async function startServer(name: string, dbPath: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  mkdirSync(DATA_DIR, { recursive: true });
  const logFile = join(DATA_DIR, `server-${name}.log`);
  const fd = openSync(logFile, "w");
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      INVENTORY_DB_PATH: dbPath,
      PORT: String(port),
      AUTH_SECRET: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: base,
      BACKUP_DIR: "",
      BACKUP_INTERVAL_HOURS: "",
      INDICATOR_CACHE_WARM: "0",
      ...env,
    },
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ${name} server exited (${child.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (res.ok) return { name, base, child, logFile };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill("SIGTERM");
  throw new Error(`the ${name} server did not answer /api/health within 3 minutes; see ${logFile}`);
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const done = new Promise<void>((r) => server.child.once("exit", () => r()));
  server.child.kill("SIGTERM");
  await Promise.race([done, new Promise((r) => setTimeout(r, 20_000))]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}

/** One request, timed from sending it to reading the last byte. */
async function timedGet(url: string, retried = false): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  try {
    const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
    const body = await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status, bytes: body.byteLength };
  } catch (error) {
    // A kept-alive connection the server closed while the raw queries ran (its keep-alive timeout is 5 s): ask once more on a new one.
    if (retried) throw error;
    return timedGet(url, true);
  }
}

/** Times `url`, or `url(i)` for the i-th request: a different URL per request times first views, past any cache of the page's work. */
async function timeUrl(url: string | ((run: number) => string)): Promise<{ times: number[]; error: string | null; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const r = await timedGet(typeof url === "string" ? url : url(i));
    if (r.status !== 200) return { times, error: `HTTP ${r.status}`, bytes: r.bytes };
    bytes = r.bytes;
    if (i >= WARMUP) times.push(r.ms);
  }
  return { times, error: null, bytes };
}

function timeRaw(db: Database.Database, work: RawCase): number[] {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    work(db);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times;
}

// ---------------------------------------------------------------- cases

interface PageCase {
  name: string;
  /** One path for every run, or one per run (first views). */
  path: string | ((run: number) => string);
  realPath: string;
  raw: RawCase;
  target: number | null;
}

async function runPageCase(
  c: PageCase,
  scale: Server,
  real: Server | null,
  db: Database.Database,
): Promise<{ result: CaseResult; realMedian: number | null; note: string }> {
  const path = c.path;
  const server = await timeUrl(typeof path === "string" ? scale.base + path : (run) => scale.base + path(run));
  const rawTimes = timeRaw(db, c.raw);
  const realRun = real ? await timeUrl(real.base + c.realPath) : null;
  const med = server.times.length && !server.error ? median(server.times) : null;
  const rawMed = median(rawTimes);
  const realMedian = realRun && !realRun.error && realRun.times.length ? median(realRun.times) : null;
  return {
    result: {
      name: c.name,
      median_ms: round(med),
      p95_ms: med === null ? null : round(p95(server.times)),
      runs: server.times.length,
      raw_median_ms: round(rawMed, 2),
      ratio: med === null ? null : round(med / rawMed, 2),
      target_ms: c.target,
      rows_per_s: null,
      peak_rss_mb: null,
      meets_target: med === null ? false : c.target === null ? null : med <= c.target,
    },
    realMedian,
    note: [
      server.error ? `scale server answered ${server.error}` : `${(server.bytes / 1024).toFixed(0)} KiB`,
      realRun?.error ? `real server answered ${realRun.error}` : null,
    ]
      .filter(Boolean)
      .join("; "),
  };
}

/**
 * The dashboard's two slow moments, beside its usual (cached) time: the first
 * view of a date, which fills the indicator cache for every instrument, and
 * the first view after a write, which recomputes the changed instrument and
 * the Scoreboard. The bench changes one correspondence's status and back
 * through its own connection (the server notices as it would any other
 * process's commit); the rows end as they were.
 */
async function runDashboardFreshnessCases(scale: Server, path: string, asOf: string): Promise<{ result: CaseResult; note: string }[]> {
  const rw = new Database(SCALE_DB);
  rw.pragma("foreign_keys = ON");
  rw.pragma("busy_timeout = 30000");
  try {
    rw.prepare("delete from indicator_cache_instruments where as_of = ?").run(asOf);
    // The first view answers at once that the figures are being computed and starts a background fill
    // (server/cache/indicator-fill.ts); the bench reloads every second until the figures are there, timing
    // another page between reloads to show what the fill costs the rest of the site.
    const started = performance.now();
    const first = await timedGet(scale.base + path);
    const isPending = async () => (await (await fetch(scale.base + path)).text()).includes('data-figures-pending="true"');
    const others: number[] = [];
    let reloads = 0;
    while ((await isPending()) && performance.now() - started < 600_000) {
      reloads += 1;
      others.push((await timedGet(`${scale.base}/measures?state=DE`)).ms);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const ready = performance.now() - started;
    const timedOut = await isPending();
    const cold: CaseResult = {
      name: `dashboard ${path}, first view of the date (says the figures are being computed)`,
      median_ms: round(first.ms),
      p95_ms: null,
      runs: 1,
      raw_median_ms: null,
      ratio: null,
      target_ms: null,
      rows_per_s: null,
      peak_rss_mb: null,
      meets_target: null,
    };
    const filled: CaseResult = {
      name: `dashboard ${path}, until the date's figures are there (background fill)`,
      median_ms: timedOut ? null : round(ready),
      p95_ms: null,
      runs: 1,
      raw_median_ms: null,
      ratio: null,
      target_ms: null,
      rows_per_s: null,
      peak_rss_mb: round(vmHwmMb(scale.child.pid!)),
      meets_target: null,
    };
    const during: CaseResult = {
      name: "/measures?state=DE during that fill",
      median_ms: others.length ? round(median(others)) : null,
      p95_ms: others.length ? round(p95(others)) : null,
      runs: others.length,
      raw_median_ms: null,
      ratio: null,
      target_ms: null,
      rows_per_s: null,
      peak_rss_mb: null,
      meets_target: null,
    };
    const row = rw.prepare("select id, status from transpositions where status in ('partial', 'full') order by id limit 1").get() as {
      id: number;
      status: string;
    };
    const flip = rw.prepare("update transpositions set status = ? where id = ?");
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      flip.run(row.status === "full" ? "partial" : "full", row.id);
      flip.run(row.status, row.id);
      times.push((await timedGet(scale.base + path)).ms);
    }
    const afterWrite: CaseResult = {
      name: `dashboard ${path}, first view after a write`,
      median_ms: round(median(times)),
      p95_ms: round(p95(times)),
      runs: times.length,
      raw_median_ms: null,
      ratio: null,
      target_ms: null,
      rows_per_s: null,
      peak_rss_mb: null,
      meets_target: null,
    };
    return [
      { result: cold, note: `status ${first.status}` },
      {
        result: filled,
        note: timedOut
          ? `still being computed after ${reloads} reloads (10 minutes): no figure`
          : `${reloads} reloads a second apart; every instrument's figures computed for the date`,
      },
      { result: during, note: "one request a second while the fill runs" },
      { result: afterWrite, note: "one correspondence changed and changed back before each view" },
    ];
  } finally {
    rw.close();
  }
}

/** Streams the CSV export and counts its lines; `sqlite3 -csv` does the same query into /dev/null. */
async function runExportCase(scale: Server, transpositions: number): Promise<{ result: CaseResult; note: string }> {
  const name = `CSV export ${EXPORT_PATH} (${transpositions.toLocaleString("en")} rows)`;
  const probe = await fetch(scale.base + EXPORT_PATH, { method: "HEAD" }).catch(() => null);
  // sqlite3 -csv over the same rows (as of today), its lines counted by wc so nothing is buffered here.
  const rawStarted = performance.now();
  const raw = spawnSync("sh", ["-c", `/usr/bin/sqlite3 -csv "$0" "$1" | wc -l`, SCALE_DB, exportSql(new Date().toISOString().slice(0, 10))], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const rawMs = performance.now() - rawStarted;
  const rawRows = Number(raw.stdout.trim());
  const rawRate = raw.status === 0 && rawRows > 0 ? rawRows / (rawMs / 1000) : null;
  const unavailable = (why: string) => ({
    result: {
      name,
      median_ms: null,
      p95_ms: null,
      runs: 0,
      raw_median_ms: round(rawMs),
      ratio: null,
      target_ms: null,
      rows_per_s: null,
      peak_rss_mb: null,
      meets_target: null,
    },
    note: `not available (${why}); sqlite3 -csv: ${rawRate === null ? "failed" : `${Math.round(rawRate).toLocaleString("en")} rows/s`}`,
  });
  if (!probe || probe.status === 404) return unavailable(probe ? "404: the endpoint does not exist yet" : "no answer");
  const times: number[] = [];
  let rows = 0;
  const runs = Math.min(RUNS, 3);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(scale.base + EXPORT_PATH, { headers: { "accept-encoding": "identity" } });
    if (res.status !== 200 || !res.body) return unavailable(`HTTP ${res.status}`);
    rows = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) for (let k = 0; k < chunk.length; k++) if (chunk[k] === 10) rows++;
    times.push(performance.now() - started);
  }
  const med = median(times);
  const dataRows = Math.max(0, rows - 1);
  const rate = dataRows / (med / 1000);
  const peak = vmHwmMb(scale.child.pid!);
  const meets = rawRate !== null && peak !== null ? rate >= EXPORT_RATIO * rawRate && peak < 300 : null;
  return {
    result: {
      name,
      median_ms: round(med),
      p95_ms: round(p95(times)),
      runs,
      raw_median_ms: round(rawMs),
      ratio: round(med / rawMs, 2),
      target_ms: null,
      rows_per_s: Math.round(rate),
      peak_rss_mb: round(peak),
      meets_target: meets,
    },
    note: `${dataRows.toLocaleString("en")} data lines (rows counting as of today); sqlite3 -csv ${rawRows.toLocaleString("en")} lines, ${rawRate === null ? "failed" : `${Math.round(rawRate).toLocaleString("en")} rows/s`}; target ≥ ${EXPORT_RATIO}× that and peak RSS < 300 MB (VmHWM of the server process)`,
  };
}

function ensureWrk(): string | null {
  if (spawnSync("sh", ["-c", "command -v wrk"]).status === 0) return "wrk";
  log("wrk is missing: installing Debian's wrk with apt-get");
  const r = spawnSync("sh", ["-c", "(apt-get install -y wrk || (apt-get update && apt-get install -y wrk)) >/dev/null 2>&1"], { stdio: "inherit" });
  return r.status === 0 && spawnSync("sh", ["-c", "command -v wrk"]).status === 0 ? "wrk" : null;
}

const WRK_SCRIPT = `done = function(summary, latency, requests)
  io.write(string.format("BENCH {\\"requests\\":%d,\\"duration_us\\":%d,\\"p50_us\\":%d,\\"p95_us\\":%d,\\"p99_us\\":%d,\\"non2xx\\":%d,\\"errors\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
`;

interface WrkReport {
  requests: number;
  duration_us: number;
  p50_us: number;
  p95_us: number;
  p99_us: number;
  non2xx: number;
  errors: number;
  rps: number;
}

/**
 * What Chromium sends as Accept-Encoding. The many-client cases ask as a browser does: a reader's browser is given the
 * page compressed (Next gzips it, and the response cache keeps the compressed bytes), so timing identity answers
 * measured a 430 KiB dashboard against a 13 KiB script, a transfer no reader makes.
 */
const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

/** 32 clients on one URL for `seconds` (wrk, 2 threads), asking as a browser does unless told another encoding. */
function runWrk(wrk: string, url: string, seconds = 10, acceptEncoding = BROWSER_ACCEPT_ENCODING): WrkReport {
  const script = join(DATA_DIR, "wrk-report.lua");
  writeFileSync(script, WRK_SCRIPT);
  const r = spawnSync(wrk, ["-t2", "-c32", `-d${seconds}s`, "--timeout", "30s", "-H", `Accept-Encoding: ${acceptEncoding}`, "-s", script, url], {
    encoding: "utf8",
  });
  const line = /BENCH (\{.*\})/.exec(r.stdout ?? "");
  if (!line) throw new Error(`wrk gave no report: ${r.stderr || r.stdout}`);
  const w = JSON.parse(line[1]!) as Omit<WrkReport, "rps">;
  return { ...w, rps: w.requests / (w.duration_us / 1e6) };
}

async function runConcurrencyCase(scale: Server, path: string, db: Database.Database, raw: RawCase): Promise<{ result: CaseResult; note: string }> {
  const name = `32 concurrent clients ${path} (10 s)`;
  const wrk = ensureWrk();
  const rawMed = median(timeRaw(db, raw));
  if (!wrk)
    return {
      result: {
        name,
        median_ms: null,
        p95_ms: null,
        runs: 0,
        raw_median_ms: round(rawMed, 2),
        ratio: null,
        target_ms: null,
        rows_per_s: null,
        peak_rss_mb: null,
        meets_target: null,
      },
      note: "not available: wrk could not be installed",
    };
  await timedGet(scale.base + path);
  const w = runWrk(wrk, scale.base + path);
  const rps = w.rps;
  const rawRps = 1000 / rawMed;
  return {
    result: {
      name,
      median_ms: round(w.p50_us / 1000),
      p95_ms: round(w.p95_us / 1000),
      runs: w.requests,
      raw_median_ms: round(rawMed, 2),
      ratio: round(rawRps / rps, 2),
      target_ms: null,
      rows_per_s: Math.round(rps * 10) / 10,
      peak_rss_mb: round(vmHwmMb(scale.child.pid!)),
      meets_target: null,
    },
    note: `${rps.toFixed(1)} requests/s (rows_per_s holds requests/s here; ratio = single-thread raw queries/s ÷ server requests/s), ${w.non2xx} non-2xx, ${w.errors} socket errors`,
  };
}

// ---------------------------------------------------------------- responses kept by version (issue #16)

/** The first script of a page: a static asset of the same server, the yardstick of the cached reads. */
async function staticAssetPath(base: string): Promise<string> {
  const html = await (await fetch(`${base}/measures`)).text();
  const m = /\/_next\/static\/[^"?]+\.js/.exec(html);
  if (!m) throw new Error("no static asset found in /measures");
  return m[0];
}

/**
 * Asks until the answer is one the server keeps (it carries an ETag), with the encoding wrk will ask for (the cache
 * keeps each encoding apart): the dashboard of a new day is first computed in the background.
 */
async function untilKept(url: string, timeoutMs = 300_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(url, { headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING } });
    await res.arrayBuffer();
    if (res.status === 200 && res.headers.get("etag")) return true;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  return false;
}

/** Asks one by one until 8 answers in a row take under 100 ms each (or a minute has passed). */
async function untilAnsweredFast(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (let fast = 0; fast < 8 && Date.now() < deadline;) {
    const started = performance.now();
    // A new connection each time (agent: false): a kept-alive one would always reach the same process.
    await new Promise<void>((done, fail) =>
      httpGet(url, { agent: false, headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING } }, (res) => res.resume().on("end", done)).on("error", fail),
    );
    fast = performance.now() - started < 100 ? fast + 1 : 0;
  }
}

/** deploy/nginx.conf turned into a plain-HTTP site in front of `upstreamPort` (TLS lines dropped, cache under bench/data). */
function startNginx(upstreamPort: number, port: number): { base: string; stop: () => void } | null {
  if (spawnSync("sh", ["-c", "command -v nginx"]).status !== 0) return null;
  const dir = join(DATA_DIR, "nginx");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "cache"), { recursive: true });
  const site = readFileSync(resolve("deploy", "nginx.conf"), "utf8")
    .split("\n")
    .filter((line) => !/^\s*(ssl_|listen \[::\])/.test(line) && !line.includes("Strict-Transport-Security"))
    .join("\n")
    .replace("/var/cache/nginx/nis-inventory", join(dir, "cache"))
    .replace("127.0.0.1:3000", `127.0.0.1:${upstreamPort}`)
    .replace("listen 443 ssl http2;", `listen 127.0.0.1:${port};`)
    .replace("listen 80;", `listen 127.0.0.1:${port + 1};`);
  writeFileSync(join(dir, "site.conf"), site);
  const temp = ["body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t === "body" ? "client_body" : t}_temp_path ${join(dir, t)};`).join("\n  ");
  writeFileSync(
    join(dir, "nginx.conf"),
    // Run as root (a container), nginx's workers would be `nobody`, who cannot write the cache under bench/data.
    `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes auto;\npid ${join(dir, "nginx.pid")};\nerror_log ${join(dir, "error.log")};\nevents { worker_connections 4096; }\nhttp {\n  access_log off;\n  ${temp}\n  include ${join(dir, "site.conf")};\n}\n`,
  );
  const r = spawnSync("nginx", ["-c", join(dir, "nginx.conf")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`nginx did not start: ${r.stderr}`);
  return { base: `http://127.0.0.1:${port}`, stop: () => void spawnSync("nginx", ["-c", join(dir, "nginx.conf"), "-s", "stop"]) };
}

/**
 * 32 clients on each page the issue names, answered from what the server keeps: requests/s as a ratio to a static
 * asset of the same server (target ≥ 0.5×, p99 ≤ 100 ms), and through deploy/nginx.conf when nginx is installed
 * (target ≥ 0.8× of the same static asset served by the app).
 */
async function runCachedCases(cached: Server, paths: string[]): Promise<{ result: CaseResult; line: string }[]> {
  const wrk = ensureWrk();
  if (!wrk) return [];
  const out: { result: CaseResult; line: string }[] = [];
  const asset = await staticAssetPath(cached.base);
  for (const path of paths) if (!(await untilKept(cached.base + path))) log(`${path} was not kept within 5 minutes: its figures are those of renders`);
  // Next compresses a static asset anew for each request that accepts gzip, which slows the yardstick; the faster
  // of it and the same asset sent uncompressed is the one the pages are measured against.
  const staticRuns = [runWrk(wrk, cached.base + asset), runWrk(wrk, cached.base + asset, 10, "identity")];
  const staticRun = staticRuns[0]!.rps >= staticRuns[1]!.rps ? staticRuns[0]! : staticRuns[1]!;
  const row = (name: string, w: WrkReport, ratioTarget: number | null): { result: CaseResult; line: string } => {
    const ratio = w.rps / staticRun.rps;
    const met = ratioTarget === null ? null : ratio >= ratioTarget && w.p99_us / 1000 <= 100 && w.non2xx === 0 && w.errors === 0;
    return {
      result: {
        name,
        median_ms: round(w.p50_us / 1000),
        p95_ms: round(w.p99_us / 1000),
        runs: w.requests,
        raw_median_ms: null,
        ratio: round(ratio, 2),
        target_ms: 100,
        rows_per_s: Math.round(w.rps * 10) / 10,
        peak_rss_mb: null,
        meets_target: met,
      },
      line: `${name.padEnd(78)} ${w.rps.toFixed(0)} requests/s  ×${ratio.toFixed(2)} of the static asset  p50 ${(w.p50_us / 1000).toFixed(1)} ms  p99 ${(w.p99_us / 1000).toFixed(1)} ms  ${w.non2xx} non-2xx, ${w.errors} socket errors${met === null ? "" : met ? `  target ≥ ${ratioTarget}×, p99 ≤ 100 ms MET` : `  target ≥ ${ratioTarget}×, p99 ≤ 100 ms MISSED`}`,
    };
  };
  out.push(row(`32 clients, static asset ${asset.slice(0, 40)}… gzip`, staticRuns[0]!, null));
  out.push(row(`32 clients, static asset ${asset.slice(0, 40)}… identity`, staticRuns[1]!, null));
  for (const path of paths) {
    // untilKept reached one worker process; each keeps its own answers, so the others render theirs here, untimed,
    // until several answers in a row come back fast (the connections are handed to the processes in turn).
    runWrk(wrk, cached.base + path, 3);
    await untilAnsweredFast(cached.base + path);
    out.push(row(`32 clients, kept ${path}`, runWrk(wrk, cached.base + path), 0.5));
  }
  const nginx = startNginx(Number(new URL(cached.base).port), Number(new URL(cached.base).port) + 10);
  if (!nginx) {
    log("nginx is not installed: the figures through deploy/nginx.conf are skipped (apt-get install nginx-light)");
    return out;
  }
  try {
    for (const path of paths) await untilKept(nginx.base + path);
    out.push(row(`32 clients through nginx, static asset (for reference)`, runWrk(wrk, nginx.base + asset), null));
    for (const path of paths) out.push(row(`32 clients through nginx, ${path}`, runWrk(wrk, nginx.base + path), 0.8));
  } finally {
    nginx.stop();
  }
  return out;
}

/**
 * The French dashboard against the English one (issue #18: within 10%), renders timed (a server that keeps no
 * answers), the date's figures computed first: the same page and data, only the language differs, so the ratio is
 * what translating costs — the catalogue, the ICU formats, Intl's dates and numbers. The two are asked in turn, in
 * alternating order, so that the machine's other work falls on both alike.
 */
/** The server's process and its descendants (npm start forks one server process per CPU). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone
  }
  return [pid, ...children.flatMap(processTree)];
}

/** CPU time (user + system) the processes have used so far, in ms; null where /proc is not there. */
function cpuMs(pids: number[]): number | null {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // After the command name in parentheses: state, ppid, … utime is the 14th field of the line, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}
/** USER_HZ: 100 on Linux (sysconf(_SC_CLK_TCK)), which node does not expose. */
const CLOCK_TICKS = 100;

async function runLanguageCase(server: Server, path: string, locale: "fr" | "de" = "fr"): Promise<{ result: CaseResult; line: string }> {
  const localized = path === "/" || path.startsWith("/?") ? `/${locale}${path.slice(1)}` : `/${locale}${path}`;
  // Once more on a network error: a kept-alive connection the server closed while the previous case's raw work ran
  // answers the next fetch with "other side closed" (seen twice after the report PDF case).
  const get = (url: string) => fetch(url).catch(() => fetch(url));
  const isPending = async (p: string) => (await (await get(server.base + p)).text()).includes('data-figures-pending="true"');
  const deadline = Date.now() + 600_000;
  while ((await isPending(path)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
  const english: number[] = [];
  const translated: number[] = [];
  // Beside the wall time, the CPU time the server spent on each request: on a machine shared with other work the
  // wall time measures the other processes as much as the page (the ratio moved from 1.07 to 1.50 between runs of the
  // same code), while the server's own CPU time is what translating costs. The requests are one at a time, so what
  // the server's processes spend between two readings is that request's (and their timers', alike for both).
  const cpu = { english: [] as number[], translated: [] as number[] };
  const pids = processTree(server.child.pid!);
  let error: string | null = null;
  for (let i = 0; i < WARMUP + RUNS && !error; i++) {
    const order: [string, number[]][] =
      i % 2 === 0
        ? [
            [path, english],
            [localized, translated],
          ]
        : [
            [localized, translated],
            [path, english],
          ];
    for (const [p, times] of order) {
      const before = cpuMs(pids);
      const r = await timedGet(server.base + p);
      const after = cpuMs(pids);
      if (r.status !== 200) error = `${p} answered HTTP ${r.status}`;
      else if (i >= WARMUP) {
        times.push(r.ms);
        if (before !== null && after !== null) (times === english ? cpu.english : cpu.translated).push(after - before);
      }
    }
  }
  const target = 1.1;
  const en = english.length && !error ? median(english) : null;
  const fr = translated.length && !error ? median(translated) : null;
  const ratio = en !== null && fr !== null ? fr / en : null;
  // The mean, not the median: the kernel counts CPU time in ticks of 10 ms, a fifth of a request; over the runs the mean resolves it.
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const cpuEn = cpu.english.length === english.length && english.length ? mean(cpu.english) : null;
  const cpuFr = cpu.translated.length === translated.length && translated.length ? mean(cpu.translated) : null;
  const cpuRatio = cpuEn && cpuFr !== null ? cpuFr / cpuEn : null;
  const name = `${locale === "fr" ? "French" : "German"} dashboard ${localized} vs English ${path}`;
  return {
    result: {
      name,
      median_ms: round(fr),
      p95_ms: fr === null ? null : round(p95(translated)),
      runs: translated.length,
      // The comparison is the English page, not raw SQLite: its median stands where the raw time does.
      raw_median_ms: round(en),
      ratio: round(ratio, 3),
      target_ms: null,
      rows_per_s: null,
      peak_rss_mb: null,
      meets_target: ratio === null ? false : ratio <= target,
      cpu_median_ms: round(cpuFr),
      cpu_ratio: round(cpuRatio, 3),
    },
    line: `${name.padEnd(78)} median ${round(fr) ?? "—"} ms  p95 ${fr === null ? "—" : round(p95(translated))} ms  English median ${round(en) ?? "—"} ms  ratio ${ratio === null ? "—" : ratio.toFixed(3)}  target ≤ ${target} ${ratio !== null && ratio <= target ? "MET" : "MISSED"}; server CPU per request ${round(cpuFr) ?? "—"} / ${round(cpuEn) ?? "—"} ms, ratio ${cpuRatio === null ? "—" : cpuRatio.toFixed(3)} ${cpuRatio === null ? "" : cpuRatio <= target ? "MET" : "MISSED"}${error ? `  (${error})` : ""}`,
  };
}

/** `--only french-dashboard`: a fresh seeded database (the server seeds a missing one), or a copy of `--db`. */
async function runFrenchDashboardOnly(asOf: string): Promise<void> {
  const path = join(DATA_DIR, "language.sqlite");
  mkdirSync(DATA_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  if (args.db) {
    const source = new Database(resolve(args.db), { readonly: true, fileMustExist: true });
    try {
      await source.backup(path);
    } finally {
      source.close();
    }
  }
  const server = await startServer("language", path, BASE_PORT, { RESPONSE_CACHE_BYTES: "0" });
  try {
    const { result, line } = await runLanguageCase(server, `/?as_of=${asOf}`);
    console.log(line);
    mkdirSync(resolve("bench", "results"), { recursive: true });
    writeFileSync(
      resolve("bench", "results", "language.json"),
      `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: cpus().length, node: process.version }, database: args.db ?? "seeded", cases: [result] }, null, 2)}\n`,
    );
  } finally {
    await stopServer(server);
  }
}

// ---------------------------------------------------------------- main

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

async function main() {
  if (args.only === "eurlex") {
    console.log((await runEurlexBench()).line);
    return;
  }
  ensureBuild();
  if (args.only === "french-dashboard") return runFrenchDashboardOnly("2020-06-30");
  const generated = ensureScaleDb();
  warmTodaysFigures();
  if (args.only === "cached") {
    const celex = new Database(SCALE_DB, { readonly: true, fileMustExist: true })
      .prepare("select celex from instruments where celex like '3____L9%' order by adoption_date limit 1 offset ?")
      .pluck()
      .get(Math.floor(PARAMS.instruments * 0.6)) as string;
    const cached = await startServer("cached", SCALE_DB, BASE_PORT + 2);
    try {
      for (const { line } of await runCachedCases(cached, ["/measures?state=DE&state=FR", "/", `/instruments/${celex}`, "/member-states/DE"]))
        console.log(line);
    } finally {
      await stopServer(cached);
    }
    return;
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(REAL_DB + suffix, { force: true });

  const db = new Database(SCALE_DB, { readonly: true, fileMustExist: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const dataset = { transpositions: count("select count(*) n from transpositions"), measures: count("select count(*) n from national_measures") };
  // Cases pick real-looking targets from the data: a mid-history synthetic instrument that DE and FR transposed.
  const instrument = (db
    .prepare("select celex from instruments where celex like '3____L9%' order by adoption_date limit 1 offset ?")
    .get(Math.floor(PARAMS.instruments * 0.6)) ?? db.prepare("select celex from instruments order by adoption_date desc limit 1").get()) as { celex: string };
  const asOf = "2020-06-30";
  const today = new Date().toISOString().slice(0, 10);
  const realInstrument = "31995L0046";
  const cases: PageCase[] = [
    {
      name: `measures ?state=DE&state=FR&instrument=${instrument.celex}`,
      path: `/measures?state=DE&state=FR&instrument=${instrument.celex}`,
      realPath: `/measures?state=DE&state=FR&instrument=${realInstrument}`,
      raw: rawMeasures(["DE", "FR"], instrument.celex, today),
      target: 50,
    },
    {
      name: "measures ?state=DE&state=FR (no instrument)",
      path: "/measures?state=DE&state=FR",
      realPath: "/measures?state=DE&state=FR",
      raw: rawMeasuresNoInstrument(["DE", "FR"], today),
      target: 50,
    },
    {
      name: "transpositions ?status=partial",
      path: "/transpositions?status=partial",
      realPath: "/transpositions?status=partial",
      raw: rawTranspositions({ status: "partial" }, today),
      target: 50,
    },
    {
      name: `transpositions ?state=DE&status=partial&instrument=${instrument.celex}`,
      path: `/transpositions?state=DE&status=partial&instrument=${instrument.celex}`,
      realPath: `/transpositions?state=DE&status=partial&instrument=${realInstrument}`,
      raw: rawTranspositions({ states: ["DE"], status: "partial", celex: instrument.celex }, today),
      target: 50,
    },
    { name: "search ?q=datenschutz", path: "/search?q=datenschutz", realPath: "/search?q=datenschutz", raw: rawSearch("datenschutz", today), target: 50 },
    // The search keeps a query's counts and ranking while nothing changes: a different "as of" date each run (a day earlier each time) times first views.
    {
      name: "search ?q=datenschutz, first view (as_of a day earlier each run)",
      path: (run) => `/search?q=datenschutz&as_of=${daysBefore(today, run + 1)}`,
      realPath: "/search?q=datenschutz",
      raw: rawSearch("datenschutz", today),
      target: 50,
    },
    {
      name: "search ?q=προστασία (Greek)",
      path: `/search?q=${encodeURIComponent("προστασία")}`,
      realPath: `/search?q=${encodeURIComponent("προστασία")}`,
      raw: rawSearch("προστασια", today),
      target: 50,
    },
    {
      name: "search ?q=προστασία (Greek), first view",
      path: (run) => `/search?q=${encodeURIComponent("προστασία")}&as_of=${daysBefore(today, run + 1)}`,
      realPath: `/search?q=${encodeURIComponent("προστασία")}`,
      raw: rawSearch("προστασια", today),
      target: 50,
    },
    {
      name: `instrument /instruments/${instrument.celex}`,
      path: `/instruments/${instrument.celex}`,
      realPath: `/instruments/${realInstrument}`,
      raw: rawInstrument(instrument.celex, today),
      target: 100,
    },
    { name: "Member State /member-states/DE", path: "/member-states/DE", realPath: "/member-states/DE", raw: rawMemberState("DE", today), target: 100 },
    // The country report's PDF (issue #18: under 1 s at scale); its data work is the Member State page's.
    {
      name: "country report PDF /member-states/DE/report.pdf",
      path: "/member-states/DE/report.pdf",
      realPath: "/member-states/DE/report.pdf",
      raw: rawMemberState("DE", today),
      target: 1000,
    },
    { name: `dashboard /?as_of=${asOf}`, path: `/?as_of=${asOf}`, realPath: `/?as_of=${asOf}`, raw: rawDashboard(asOf), target: 200 },
    {
      name: `gap matrix /gaps?instrument=${instrument.celex}`,
      path: `/gaps?instrument=${instrument.celex}`,
      realPath: `/gaps?instrument=${realInstrument}`,
      raw: rawGapMatrix(instrument.celex, today),
      target: 50,
    },
  ];

  // These servers keep no answers (RESPONSE_CACHE_BYTES=0), so the page cases time renders, as before issue #16.
  const scale = await startServer("scale", SCALE_DB, BASE_PORT, { RESPONSE_CACHE_BYTES: "0" });
  let real: Server | null = null;
  const results: CaseResult[] = [];
  const lines: string[] = [];
  const fmt = (x: number | null, unit = " ms") => (x === null ? "—" : `${x}${unit}`);
  try {
    real = args["skip-real"] || CASES_ONLY ? null : await startServer("real", REAL_DB, BASE_PORT + 1, { RESPONSE_CACHE_BYTES: "0" });
    const realDb = real ? new Database(REAL_DB, { readonly: true }) : null;
    const realSize = realDb ? (realDb.prepare("select count(*) n from transpositions").get() as { n: number }).n : null;
    realDb?.close();
    log(`servers up: scale ${scale.base} (pid ${scale.child.pid}), real ${real?.base ?? "skipped"}; ${RUNS} runs after ${WARMUP} warm-up`);

    // The export first, so the VmHWM it reports is the export's peak, not a later page's.
    if (selected("CSV export")) {
      const exp = await runExportCase(scale, dataset.transpositions);
      results.push(exp.result);
      lines.push(
        `${exp.result.name.padEnd(78)} ${exp.result.rows_per_s === null ? "" : `${exp.result.rows_per_s.toLocaleString("en")} rows/s, median ${fmt(exp.result.median_ms)}, peak RSS ${fmt(exp.result.peak_rss_mb, " MB")}; `}${exp.note}${exp.result.meets_target === null ? "" : exp.result.meets_target ? "  MET" : "  MISSED"}`,
      );
      log(lines.at(-1)!);
    }

    if (!CASES_ONLY)
      for (const { result, note } of await runDashboardFreshnessCases(scale, `/?as_of=${asOf}`, asOf)) {
        results.push(result);
        lines.push(`${result.name.padEnd(78)} median ${fmt(result.median_ms)}  p95 ${fmt(result.p95_ms)}  (${note})`);
        log(lines.at(-1)!);
      }

    for (const c of cases.filter((c) => selected(c.name))) {
      const { result, realMedian, note } = await runPageCase(c, scale, real, db);
      results.push(result);
      const growth =
        realMedian !== null && result.median_ms !== null && realSize
          ? ` growth ×${(result.median_ms / realMedian).toFixed(1)} for ×${Math.round(dataset.transpositions / realSize)} data;`
          : "";
      lines.push(
        `${c.name.padEnd(78)} median ${fmt(result.median_ms)}  p95 ${fmt(result.p95_ms)}  raw ${fmt(result.raw_median_ms)}  ratio ${result.ratio ?? "—"}  target ≤ ${c.target} ms ${result.meets_target ? "MET" : "MISSED"}  (real db ${fmt(round(realMedian))};${growth} ${note})`,
      );
      log(lines.at(-1)!);
    }
    if (selected("French dashboard")) {
      const language = await runLanguageCase(scale, `/?as_of=${asOf}`);
      results.push(language.result);
      lines.push(language.line);
      log(language.line);
    }
    // The rest needs the whole machine or other servers: not with `--case`.
    if (!CASES_ONLY) {
      const conc = await runConcurrencyCase(scale, "/measures?state=DE&state=FR", db, rawMeasuresNoInstrument(["DE", "FR"], today));
      results.push(conc.result);
      lines.push(
        `${conc.result.name.padEnd(78)} p50 ${fmt(conc.result.median_ms)}  p95 ${fmt(conc.result.p95_ms)}  raw ${fmt(conc.result.raw_median_ms)}  ${conc.note}`,
      );
      log(lines.at(-1)!);
      // The same scale database behind a server that keeps answers (the default), alone on the machine's cores.
      const scalePeak = vmHwmMb(scale.child.pid!);
      await stopServer(scale);
      if (real) await stopServer(real);
      const cached = await startServer("cached", SCALE_DB, BASE_PORT + 2);
      try {
        for (const { result, line } of await runCachedCases(cached, [
          "/measures?state=DE&state=FR",
          "/",
          `/instruments/${instrument.celex}`,
          "/member-states/DE",
        ])) {
          results.push(result);
          lines.push(line);
          log(line);
        }
      } finally {
        await stopServer(cached);
      }
      // The EUR-Lex import runs in this process against its own fresh database and CELLAR stand-in.
      const eurlex = await runEurlexBench();
      results.push({
        name: eurlex.name,
        median_ms: eurlex.preview_ms,
        p95_ms: null,
        runs: 1,
        raw_median_ms: null,
        ratio: null,
        target_ms: 5000,
        rows_per_s: null,
        peak_rss_mb: eurlex.rss_peak_mb,
        meets_target: eurlex.meets_target,
      });
      lines.push(eurlex.line);
      log(lines.at(-1)!);
      lines.push(`scale server peak RSS over the whole run (VmHWM, largest server process): ${fmt(round(scalePeak), " MB")}`);
    }
  } finally {
    db.close();
    await stopServer(scale);
    if (real) await stopServer(real);
  }

  const report = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    dataset,
    cases: results,
  };
  mkdirSync(resolve("bench", "results"), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\nnpm run bench — ${dataset.transpositions.toLocaleString("en")} correspondences, ${dataset.measures.toLocaleString("en")} measures (${SCALE_DB}, ${(statSync(SCALE_DB).size / 2 ** 20).toFixed(0)} MiB${generated.seconds === null ? ", reused" : `, generated in ${generated.seconds.toFixed(0)} s`}); ${cpus().length} CPUs, node ${process.version}`,
  );
  console.log(
    `times are wall time of the HTTP request measured by the bench process; raw = the same data work on SQLite with better-sqlite3 in the bench process\n`,
  );
  for (const l of lines) console.log(l);
  console.log(`\nwrote ${RESULTS}`);
}

/** /measures?state=… without an instrument filter. */
function rawMeasuresNoInstrument(states: string[], asOf: string): RawCase {
  const ph = states.map(() => "?").join(",");
  const cond = `(coalesce(nm.adopted_on, nm.published_on, nm.in_force_on) is null or coalesce(nm.adopted_on, nm.published_on, nm.in_force_on) <= @asOf) and (nm.repealed_on is null or nm.repealed_on > @asOf) and nm.state_code in (${ph})`;
  return (db) => {
    db.prepare(`select count(*) n from national_measures nm where ${cond}`).get(...states, { asOf });
    const rows = db
      .prepare(
        `select nm.*, ms.name, exists (select 1 from notifications n where n.principal_measure_id = nm.id) principal from national_measures nm join member_states ms on ms.code = nm.state_code where ${cond} order by nm.adopted_on desc, nm.id desc limit 25`,
      )
      .all(...states, { asOf }) as { id: number }[];
    if (rows.length)
      db.prepare(
        `select mi.measure_id, i.celex, i.short_name from measure_instruments mi join instruments i on i.id = mi.instrument_id where mi.measure_id in (${rows.map((r) => r.id).join(",")}) order by i.adoption_date`,
      ).all();
    db.prepare("select code, name from member_states order by code").all();
    db.prepare("select celex, short_name from instruments order by adoption_date").all();
  };
}

main().catch((error: unknown) => {
  const cause = (error as Error).cause as Error | undefined; // fetch's own message is only "fetch failed"
  console.error(`bench failed: ${(error as Error).message}${cause ? ` (${cause.message})` : ""}`);
  process.exit(1);
});
