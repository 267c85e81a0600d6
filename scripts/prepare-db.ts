/** Used by `npm run dev`: the same database preparation as npm start. */
import { databasePath } from "../db/client";
import { prepareDatabase } from "@/server/setup";
import { runCli } from "./cli";

runCli(() => {
  const r = prepareDatabase(databasePath());
  console.log(
    `Database ${r.path}: ${r.createdFile ? "created" : "kept"}, ${r.migrationsApplied} migration(s) applied${r.seeded ? `, seeded ${r.seeded.created} records` : ""}.`,
  );
});
