/**
 * The prestart step: run `next build` unless .next holds a build newer than
 * every source file, so a second `npm start` does not rebuild for a minute.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

// Everything the build bundles: a change to server/ or messages/ alone must rebuild too, or the browser tests see the old pages.
const SOURCES = [
  "app",
  "db",
  "lib",
  "server",
  "messages",
  "seed",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, entry) => (entry.endsWith(".sqlite") || entry.includes(".sqlite-") ? max : Math.max(max, newestMtime(join(path, entry)))),
    stat.mtimeMs,
  );
}

const buildId = join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map(newestMtime));
if (builtAt > changedAt && process.env.FORCE_BUILD !== "1") {
  console.log("The production build is up to date.");
} else {
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("error: next build failed (see above); fix the error and run npm start again.");
    process.exit(result.status ?? 1);
  }
}
