import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** A migrated, empty database in a fresh temporary directory (a real file, so WAL applies). */
export function freshDatabase(): DbHandle {
  const dir = mkdtempSync(join(tmpdir(), "nis-test-"));
  const handle = openDatabase(join(dir, "inventory.sqlite"));
  migrateDatabase(handle);
  return handle;
}

export function tempPath(name = "inventory.sqlite"): string {
  return join(mkdtempSync(join(tmpdir(), "nis-test-")), name);
}
