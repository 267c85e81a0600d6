/** GET /api/health — for a load balancer: database reachable, migrations current, disk space. */
import { statfsSync } from "node:fs";
import { dirname } from "node:path";
import { databasePath, getDb } from "@/db/client";
import { pendingMigrationCount } from "@/db/migrate";
import type { DbHandle } from "@/db/client";

export const dynamic = "force-dynamic";

/** Below this, writes (and the WAL) may start failing: report unhealthy before they do. */
const MIN_FREE_BYTES = 256 * 1024 * 1024;

export function GET() {
  const checks: Record<string, { ok: boolean; detail?: string | number }> = {};
  try {
    const db = getDb();
    db.$client.prepare("select 1").get();
    checks.database = { ok: true };
    const pending = pendingMigrationCount({ db, sqlite: db.$client, path: databasePath() } satisfies DbHandle);
    checks.migrations = { ok: pending === 0, detail: pending === 0 ? "current" : `${pending} pending` };
  } catch {
    checks.database = { ok: false, detail: "unreachable" };
  }
  try {
    const fs = statfsSync(dirname(databasePath()));
    const free = fs.bavail * fs.bsize;
    checks.disk = { ok: free >= MIN_FREE_BYTES, detail: free };
  } catch {
    checks.disk = { ok: false, detail: "unknown" };
  }
  const ok = Object.values(checks).every((c) => c.ok);
  return Response.json({ status: ok ? "ok" : "unhealthy", checks }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
