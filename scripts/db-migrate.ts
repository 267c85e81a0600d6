/** npm run db:migrate — create the database file if needed and apply pending migrations (idempotent). */
import { databasePath } from "../db/client";
import { migrateOrFail, openOrFail } from "@/server/setup";
import { runCli } from "./cli";

runCli(() => {
  const handle = openOrFail(databasePath());
  const { applied, backup } = migrateOrFail(handle);
  handle.sqlite.close();
  if (backup) console.log(`Kept a copy from before the migration: ${backup}`);
  console.log(applied ? `Applied ${applied} migration(s) to ${handle.path}.` : `${handle.path} is up to date.`);
});
