/**
 * npm start — validate the configuration, prepare the database (create,
 * back up and migrate, seed once), make sure an auth secret exists, then
 * serve the production build (built by the prestart step): in one process
 * per CPU (WEB_CONCURRENCY to choose; scripts/cluster.ts), which this
 * process forks once the database is ready, or in this process when one is
 * asked for.
 */
import cluster from "node:cluster";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { databasePath } from "../db/client";
import { prepareDatabase } from "@/server/setup";
import { parseConfig } from "../lib/config";
import { ensureAuthSecret } from "./auth-secret";
import { ensureBootstrapAdmin } from "./bootstrap-admin";
import { runCli, userError } from "./cli";
import { startServer } from "./server";
import { startCluster, workerCount } from "./cluster";

function assertPortFree(port: number): Promise<void> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? userError(`Port ${port} is already in use: stop the program using it or start on another port, e.g. PORT=${port + 1} npm start.`)
          : userError(`Cannot listen on port ${port}: ${error.message}.`),
      ),
    );
    probe.listen(port, () => probe.close(() => done()));
  });
}

// tsx turns Node's source maps on, and Node then reads and keeps the map of every module loaded after it — Next's
// chunks and their sources included: 45 MB of each server process's memory at scale, for stack traces that name
// TypeScript lines instead of compiled ones. SOURCE_MAPS=1 keeps them (to debug a production error).
if (process.env.SOURCE_MAPS !== "1") process.setSourceMapsEnabled(false);

runCli(async () => {
  if (cluster.isWorker) {
    // Forked by startCluster below: the primary prepared everything and put it in this process's environment.
    await startServer({ port: Number(process.env.PORT), background: false });
    return;
  }
  const parsed = parseConfig(process.env);
  if (!parsed.ok) throw userError(`the configuration is not usable:\n  ${parsed.errors.join("\n  ")}`);
  const config = parsed.config;
  const production = config.NODE_ENV === "production";
  await assertPortFree(config.PORT);

  const secret = production ? { secret: config.AUTH_SECRET!, origin: "environment" as const } : ensureAuthSecret();
  if (secret.origin === "generated") console.log("Generated a local auth secret and stored it in .env.local.");

  const db = prepareDatabase(databasePath(), { demoAccounts: !production });
  if (db.createdFile) console.log(`Created the database ${db.path}.`);
  if (db.preMigrationBackup) console.log(`Backed up the database before migrating: ${db.preMigrationBackup}`);
  if (db.migrationsApplied) console.log(`Applied ${db.migrationsApplied} migration(s).`);
  if (db.seeded) console.log(`Seeded the inventory with ${db.seeded.created} records from seed/data.`);
  if (!db.createdFile && !db.seeded) console.log(`Using the existing database ${db.path}.`);
  if (production) {
    const admin = await ensureBootstrapAdmin(db.path, config);
    if (admin) console.log(`Created the bootstrap admin ${admin}.`);
  } else if (db.demoAccounts.length) {
    console.log("Demo accounts (development only; never created when NODE_ENV=production):");
    for (const a of db.demoAccounts)
      console.log(`  ${a.role.padEnd(10)} ${a.email.padEnd(26)} ${a.password}${a.memberStateCode ? `  (Member State ${a.memberStateCode})` : ""}`);
  }

  // next-auth and the pages read these from the environment of this process.
  process.env.AUTH_SECRET = secret.secret;
  process.env.NEXTAUTH_URL = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
  process.env.INVENTORY_DB_PATH = db.path;
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" }); // the production build runs with React's production mode

  process.env.PORT = String(config.PORT);
  const options = {
    port: config.PORT,
    backup:
      config.BACKUP_DIR && config.BACKUP_INTERVAL_HOURS
        ? { dir: resolve(config.BACKUP_DIR), intervalHours: config.BACKUP_INTERVAL_HOURS, keep: config.BACKUP_KEEP ?? 14, livePath: db.path }
        : undefined,
  };
  const workers = workerCount();
  if (workers > 1) await startCluster({ ...options, workers });
  else await startServer(options);
  console.log(`NIS Measures Inventory: http://localhost:${config.PORT}${workers > 1 ? ` (${workers} server processes)` : ""}`);
});
