/** npm run db:restore <file> — checks the backup, then replaces the live database (stop the server first); the old one is kept. */
import { resolve } from "node:path";
import { databasePath } from "../db/client";
import { restoreDatabase } from "../db/backup";
import { runCli, userError } from "./cli";

runCli(() => {
  const source = process.argv[2];
  if (!source) throw userError("Name the backup to restore: npm run db:restore -- <file>");
  try {
    const { previous } = restoreDatabase(resolve(source), databasePath());
    console.log(`Restored ${databasePath()} from ${resolve(source)}.${previous ? ` The database it replaced is kept at ${previous}.` : ""}`);
  } catch (error) {
    throw userError((error as Error).message);
  }
});
