import { mkdtempSync, rmSync } from "node:fs";
import { afterAll } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** The temporary directories this test file made: removed after its tests (left behind, they had filled the disk over many runs). */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "nis-test-"));
  made.push(dir);
  return dir;
}

/** A migrated, empty database in a fresh temporary directory (a real file, so WAL applies). */
export function freshDatabase(): DbHandle {
  const handle = openDatabase(join(tempDir(), "inventory.sqlite"));
  migrateDatabase(handle);
  return handle;
}

export function tempPath(name = "inventory.sqlite"): string {
  return join(tempDir(), name);
}
