/**
 * npm run db:reset — start again from the seed. The old database is moved
 * aside (never deleted), so a reset by mistake can be undone.
 */
import { existsSync, renameSync } from "node:fs";
import { databasePath } from "../db/client";
import { prepareDatabase } from "@/server/setup";
import { runCli } from "./cli";

runCli(() => {
  const path = databasePath();
  if (existsSync(path)) {
    const aside = `${path}.before-reset-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(path, aside);
    for (const suffix of ["-wal", "-shm"]) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
    console.log(`Moved the old database to ${aside}.`);
  }
  const result = prepareDatabase(path);
  console.log(`Created ${path}: ${result.migrationsApplied} migration(s), ${result.seeded?.created ?? 0} seed record(s).`);
});
