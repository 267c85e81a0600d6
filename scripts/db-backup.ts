/** npm run db:backup [file] — an online, consistent backup; the server may keep running and writing. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { databasePath, openDatabase } from "../db/client";
import { backupDatabase, checkDatabaseFile, scheduledBackupName } from "../db/backup";
import { runCli, userError } from "./cli";

runCli(async () => {
  const live = databasePath();
  if (!existsSync(live)) throw userError(`There is no database at ${live} to back up.`);
  const target = resolve(process.argv[2] ?? join(dirname(live), "backups", scheduledBackupName(live)));
  const handle = openDatabase(live, { mustExist: true });
  const result = await backupDatabase(handle.sqlite, target);
  handle.sqlite.close();
  const check = checkDatabaseFile(result.path);
  if (!check.ok) throw userError(`The backup at ${result.path} failed its checks: ${check.problems.join("; ")}`);
  console.log(`Backed up ${live} to ${result.path} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity ok, ${check.appliedMigrations} migrations).`);
});
