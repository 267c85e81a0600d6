/** npm run db:seed — add the seed records the database lacks; existing records are kept (idempotent). */
import { databasePath } from "../db/client";
import { migrateOrFail, openOrFail, seedOrFail } from "@/server/setup";
import { runCli } from "./cli";

runCli(() => {
  const handle = openOrFail(databasePath());
  migrateOrFail(handle);
  const report = seedOrFail(handle);
  handle.sqlite.close();
  console.log(`Seeded ${handle.path}: ${report.created} record(s) created, ${report.kept} already present and kept.`);
});
