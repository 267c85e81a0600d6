/**
 * Responses kept by version, on the multi-worker server (`npm start`'s cluster, two workers): pages, the API and CSV
 * exports are answered from what was rendered while nothing changes, with one ETag whichever worker answers and 304
 * on revalidation; a staff edit through the browser (a server action) and a write by another process are seen by the
 * next anonymous read; a signed-in reader's page is never given to an anonymous one; a worker killed with SIGKILL is
 * replaced and no request is lost beyond those it was answering. A server of its own, so that no other story's
 * writes move the version under these checks.
 */
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { expectNoSeriousAxeViolations } from "./accessibility";
import { DEMO } from "./session";
import { startServer, tempDbPath, type RunningServer } from "./support/server";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 80;
const PUBLIC = ["/measures?state=PT", "/api/v1/measures?state=PT", "/api/v1/export/measures.csv?state=PT"];

test.describe.configure({ mode: "serial" });

let server: RunningServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer(PORT, tempDbPath(), { WEB_CONCURRENCY: "2", INDICATOR_CACHE_WARM: "0" });
  // Health answers once the first worker listens; the checks below want both (and no start competing with them).
  await expect.poll(() => server.output().includes("(2 server processes)"), { timeout: 90_000 }).toBe(true);
});
test.afterAll(async () => {
  server.child.kill("SIGTERM");
  await server.exited;
});

/** The server processes the primary forked (node:cluster workers). */
function workerPids(): number[] {
  let out = "";
  try {
    out = execFileSync("ps", ["--ppid", String(server.child.pid), "-o", "pid=,comm="], { encoding: "utf8" });
  } catch {
    return []; // ps exits 1 when there is none
  }
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, comm]) => pid && comm === "node")
    .map(([pid]) => Number(pid));
}

async function anonymous(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const response = await request.get(server.url + path, { headers, maxRedirects: 0 });
  return { status: response.status(), etag: response.headers()["etag"], cacheControl: response.headers()["cache-control"], body: await response.text() };
}

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** A Portuguese measure in force today, so on the pages and in the exports read below. */
const MEASURE_KEY = "pt-lei-41-2004";

function measureId(key: string): number {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return (db.prepare("select id from national_measures where key = ?").get(key) as { id: number }).id;
  } finally {
    db.close();
  }
}

test("pages, the API and CSV keep one ETag across workers while nothing changes, and revalidate with 304", async ({ request }) => {
  for (const path of PUBLIC) {
    const answers = [];
    // Four reads: both workers answer at least once (connections are handed out in turn), rendered or kept.
    for (let i = 0; i < 4; i++) answers.push(await anonymous(request, path, { connection: "close" }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.etag)).size, path).toBe(1);
    expect(new Set(answers.map((a) => a.body)).size, path).toBe(1);
    expect(answers[0]!.etag).toMatch(/^"[0-9a-f]{16}-\d+-\d{8}-[A-Za-z0-9_-]{22}"$/);
    expect(answers[0]!.cacheControl).toBe("public, max-age=0, s-maxage=1, must-revalidate");
    const revalidated = await anonymous(request, path, { "if-none-match": answers[0]!.etag! });
    expect(revalidated.status, path).toBe(304);
  }
});

test("a staff edit through the browser is seen by the next anonymous read of the page, the API and the CSV", async ({ browser, request }) => {
  const before = await Promise.all(PUBLIC.map((path) => anonymous(request, path)));
  const marker = `Cache story edit ${Date.now()}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.editor);
  await page.goto(`${server.url}/staff/measures/${measureId(MEASURE_KEY)}`);
  await page.getByLabel("English title", { exact: true }).fill(marker);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. The change is recorded in the history.")).toBeVisible();

  // The signed-in reader's page of the same URL is theirs alone…
  const signedIn = await page.request.get(`${server.url}/measures?state=PT`);
  expect(signedIn.headers()["cache-control"]).toBe("private, no-store");
  expect(signedIn.headers()["etag"]).toBeUndefined();
  expect((await signedIn.text()).includes("Sign out"), "the signed-in page").toBe(true);
  await context.close();

  for (const [i, path] of PUBLIC.entries()) {
    const after = await anonymous(request, path);
    expect(after.body.includes(marker), `${path} shows the edit`).toBe(true);
    expect(after.etag, path).not.toBe(before[i]!.etag);
    // …and the next anonymous one gets the anonymous page.
    if (path.startsWith("/measures")) {
      expect(after.body.includes("Sign out"), "the anonymous page").toBe(false);
      expect(after.cacheControl).toContain("public");
    }
  }
});

test("a write by another process is seen by the next anonymous read, on every worker", async ({ request }) => {
  for (let i = 0; i < 2; i++) for (const path of PUBLIC) await anonymous(request, path, { connection: "close" }); // kept by both workers
  const marker = `Written by another process ${Date.now()}`;
  const db = new Database(server.dbPath);
  db.pragma("busy_timeout = 5000");
  db.prepare("update national_measures set title_english = ? where key = ?").run(marker, MEASURE_KEY);
  db.close();
  for (let i = 0; i < 2; i++)
    for (const path of PUBLIC) expect((await anonymous(request, path, { connection: "close" })).body.includes(marker), `${path}, read ${i + 1}`).toBe(true);
});

test("a page answered from the cache works in the browser: accessible, and client-side navigation", async ({ page }) => {
  await page.goto(`${server.url}/measures?state=PT`);
  await page.goto(`${server.url}/measures?state=PT`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("link", { name: "Member States", exact: true }).first().click();
  await expect(page).toHaveURL(/\/member-states$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a worker killed with SIGKILL is replaced, and no request is lost beyond those it was answering", async () => {
  test.setTimeout(120_000);
  const before = workerPids();
  expect(before).toHaveLength(2);
  const CLIENTS = 4;
  let ok = 0;
  const failed: string[] = [];
  let stop = false;
  const client = async () => {
    while (!stop) {
      try {
        const response = await fetch(`${server.url}${PUBLIC[0]}`, { headers: { connection: "close" }, signal: AbortSignal.timeout(15_000) });
        await response.arrayBuffer();
        if (response.status === 200) ok++;
        else failed.push(String(response.status));
      } catch (error) {
        failed.push(String((error as Error).cause ?? error));
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  await new Promise((r) => setTimeout(r, 1_000));
  process.kill(before[0]!, "SIGKILL");
  await expect.poll(() => workerPids().filter((pid) => !before.includes(pid)).length, { timeout: 60_000 }).toBe(1);
  await new Promise((r) => setTimeout(r, 2_000)); // the replacement answers too
  stop = true;
  await Promise.all(clients);
  expect(workerPids()).toHaveLength(2);
  expect(ok).toBeGreaterThan(50);
  // Each client has at most one request in flight: only those the killed worker held can be lost.
  expect(failed.length, failed.join("; ")).toBeLessThanOrEqual(CLIENTS);
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
});
