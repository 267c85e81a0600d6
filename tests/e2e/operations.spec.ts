import Database from "better-sqlite3";
import { existsSync, statSync } from "node:fs";
import { eq } from "drizzle-orm";
import { expect, test } from "@playwright/test";
import { openDatabase } from "../../db/client";
import { backupDatabase, checkDatabaseFile, restoreDatabase } from "../../db/backup";
import { nationalMeasures, users } from "../../db/schema";
import { updateRecord } from "../../db/writes/entity";
import { measureWriter } from "../../db/writes/measures";
import { inputFromSnapshot } from "@/db/entities";
import { startServer, tempDbPath } from "./support/server";

// These tests start servers of their own; they run one at a time.
test.describe.configure({ mode: "serial" });

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 50;

test.describe("running the inventory as a service", () => {
  test("health reports database, migrations and disk; every response carries a request id", async () => {
    const server = await startServer(BASE_PORT, tempDbPath());
    try {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      const body = await response.json();
      expect(body).toMatchObject({ status: "ok", checks: { database: { ok: true }, migrations: { ok: true, detail: "current" }, disk: { ok: true } } });
      const page = await fetch(`${server.url}/instruments/31995L0046`, { headers: { "X-Request-Id": "trace-me-12345" } });
      expect(page.headers.get("x-request-id")).toBe("trace-me-12345");
      // Security headers on every response, pages and API alike.
      for (const r of [page, response]) {
        expect(r.headers.get("content-security-policy")).toMatch(/object-src 'none'.*base-uri 'none'.*frame-ancestors 'none'/);
        expect(r.headers.get("x-content-type-options")).toBe("nosniff");
        expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
        expect(r.headers.get("x-powered-by")).toBeNull();
      }
      await expect.poll(() => server.output()).toContain('"requestId":"trace-me-12345"');
      const line = server
        .output()
        .split("\n")
        .find((l) => l.includes("trace-me-12345"))!;
      expect(JSON.parse(line)).toMatchObject({ level: "info", message: "request", path: "/instruments/31995L0046", status: 200 });
    } finally {
      server.child.kill("SIGKILL");
    }
  });

  test("SIGTERM finishes the requests in flight, checkpoints the WAL and exits cleanly", async () => {
    const server = await startServer(BASE_PORT + 1, tempDbPath());
    // The first render of a page takes hundreds of milliseconds: these are still running when the signal arrives.
    const inFlight = ["/instruments/31995L0046", "/instruments/31999L0093", "/instruments/31997L0066", "/member-states/DE"].map((path) =>
      fetch(`${server.url}${path}`).then((r) => r.status),
    );
    await new Promise((r) => setTimeout(r, 150));
    server.child.kill("SIGTERM");
    await expect.poll(async () => (await fetch(`${server.url}/api/health`)).status).toBe(503); // the load balancer is told first
    expect(await Promise.all(inFlight)).toEqual([200, 200, 200, 200]);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"message":"database closed","checkpointed":true');
    const wal = `${server.dbPath}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  test("a backup taken while the server serves and a writer writes restores to a working inventory", async ({ page }) => {
    test.setTimeout(120_000); // two servers started, each forking a server process per CPU
    const live = tempDbPath();
    const server = await startServer(BASE_PORT + 2, live);
    const writer = openDatabase(live);
    const id = writer.db.select({ id: nationalMeasures.id }).from(nationalMeasures).where(eq(nationalMeasures.key, "at-dsg-2000")).get()!.id;
    const admin = writer.db.select().from(users).where(eq(users.email, "admin@example.eu")).get()!;
    const actor = { kind: "user", id: admin.id, email: admin.email, name: admin.name, role: "admin", memberStateCode: null } as const;
    let writes = 0;
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        const snapshot = measureWriter.snapshot(writer.db, id)!;
        const input = inputFromSnapshot("national_measure", { ...snapshot, note: `write ${writes}` });
        if (!input.success) throw input.error;
        updateRecord(writer.db, measureWriter, id, snapshot.version, input.data as never, { actor });
        writes++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const reads = Array.from({ length: 5 }, () => fetch(`${server.url}/`).then((r) => r.status));
    const target = `${tempDbPath()}.backup`;
    await new Promise((r) => setTimeout(r, 200));
    await backupDatabase(writer.sqlite, target);
    stop = true;
    await loop;
    expect(await Promise.all(reads)).toEqual([200, 200, 200, 200, 200]);
    expect(writes).toBeGreaterThan(5);
    server.child.kill("SIGTERM");
    await server.exited;
    writer.sqlite.close();

    const check = checkDatabaseFile(target);
    expect(check).toMatchObject({ ok: true, problems: [] });
    const restored = tempDbPath();
    restoreDatabase(target, restored);
    const copy = new Database(restored, { readonly: true });
    const note = copy.prepare("select note, version from national_measures where key = 'at-dsg-2000'").get() as { note: string; version: number };
    const updates = (
      copy.prepare("select count(*) as n from audit_events where entity = 'national_measure' and record_id = ? and action = 'update'").get(String(id)) as {
        n: number;
      }
    ).n;
    copy.close();
    expect(note.version).toBe(1 + updates); // every version in the backup has its audit event
    expect(note.note).toMatch(/^write \d+$/);

    const smoke = await startServer(BASE_PORT + 3, restored);
    try {
      await page.goto(`${smoke.url}/member-states/AT`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Austria (AT)");
      await page.goto(`${smoke.url}/instruments/31995L0046`);
      await expect(page.getByRole("heading", { name: "Articles (34)" })).toBeVisible();
    } finally {
      smoke.child.kill("SIGKILL");
    }
  });

  test("a restore refuses a file that is not a sound inventory database, and keeps the live one", async () => {
    const live = tempDbPath();
    const server = await startServer(BASE_PORT + 4, live);
    server.child.kill("SIGTERM");
    await server.exited;
    const broken = `${tempDbPath()}.broken`;
    const db = new Database(broken);
    db.exec("create table t(x)");
    db.close();
    expect(() => restoreDatabase(broken, live)).toThrow(/not an NIS Measures Inventory database/);
    expect(checkDatabaseFile(live).ok).toBe(true);
  });
});
