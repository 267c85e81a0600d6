/**
 * npm start — prepare the database, make sure an auth secret exists, then
 * serve the production build (built by the prestart step) with `next start`.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { databasePath } from "../db/client";
import { prepareDatabase } from "../db/setup";
import { ensureAuthSecret } from "./auth-secret";
import { runCli, userError } from "./cli";

function parsePort(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw userError(`PORT=${value} is not a port number: set PORT to an integer between 1 and 65535.`);
  return port;
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? userError(`Port ${port} is already in use: stop the program using it or start on another port, e.g. PORT=${port + 1} npm start.`)
          : userError(`Cannot listen on port ${port}: ${error.message}.`),
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

runCli(async () => {
  const port = parsePort(process.env.PORT);
  await assertPortFree(port);
  const secret = ensureAuthSecret();
  if (secret.origin === "generated") console.log("Generated a local auth secret and stored it in .env.local.");

  const db = prepareDatabase(databasePath());
  if (db.createdFile) console.log(`Created the database ${db.path}.`);
  if (db.migrationsApplied) console.log(`Applied ${db.migrationsApplied} migration(s).`);
  if (db.seeded) console.log(`Seeded the inventory with ${db.seeded.created} records from seed/data.`);
  if (!db.createdFile && !db.seeded) console.log(`Using the existing database ${db.path}.`);
  if (db.demoAccounts.length) {
    console.log("Demo accounts (development only; never created when NODE_ENV=production):");
    for (const a of db.demoAccounts) console.log(`  ${a.role.padEnd(10)} ${a.email.padEnd(26)} ${a.password}${a.memberStateCode ? `  (Member State ${a.memberStateCode})` : ""}`);
  }

  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port)], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: secret.secret, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`, INVENTORY_DB_PATH: db.path, PORT: String(port) },
  });
  console.log(`NIS Measures Inventory: http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
});
