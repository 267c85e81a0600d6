/**
 * npm run db:synth -- --out <file> --states 30 --instruments 2000 --provisions 50 --measures 300000 [--seed 42] [--force]
 *
 * Writes a separate synthetic scale database (scripts/synth/generate.ts says
 * how it is built and marked). Never the default database: the default path
 * and INVENTORY_DB_PATH are refused, and so is an existing file unless --force.
 */
import { existsSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_DB_PATH, databasePath } from "../db/client";
import { runCli, userError } from "./cli";
import { generateSyntheticDatabase } from "./synth/generate";

const count = (name: string, max: number) =>
  z.coerce
    .number({ message: `--${name} must be a number` })
    .int(`--${name} must be a whole number`)
    .min(1, `--${name} must be at least 1`)
    .max(max, `--${name} must be at most ${max}`);

const Args = z.object({
  out: z.string({ message: "--out <file> is required" }).min(1, "--out <file> is required"),
  states: count("states", 53),
  instruments: count("instruments", 20_000),
  provisions: count("provisions", 500),
  measures: count("measures", 10_000_000),
  seed: z.coerce
    .number({ message: "--seed must be a number" })
    .int("--seed must be a whole number")
    .min(0)
    .max(2 ** 32 - 1)
    .default(42),
  force: z.boolean().default(false),
});

/** The real path of a file that may not exist yet (its directory resolved through symlinks). */
function canonical(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  const dir = dirname(full);
  return existsSync(dir) ? resolve(realpathSync(dir), full.slice(dir.length + 1)) : full;
}

function refusalFor(out: string, force: boolean, env: NodeJS.ProcessEnv = process.env): string | null {
  const target = canonical(out);
  const protectedPaths = new Set([canonical(DEFAULT_DB_PATH), canonical(databasePath(env))]);
  if (protectedPaths.has(target))
    return `refusing to write synthetic data to the inventory database ${target}: choose another --out file (synthetic data is never part of the default database).`;
  if (existsSync(target) && !force) return `${target} already exists: pass --force to replace it, or choose another --out file.`;
  return null;
}

runCli(() => {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: "string" },
        states: { type: "string", default: "30" },
        instruments: { type: "string", default: "2000" },
        provisions: { type: "string", default: "50" },
        measures: { type: "string", default: "300000" },
        seed: { type: "string" },
        force: { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    throw userError(
      `${(error as Error).message} (usage: npm run db:synth -- --out <file> --states 30 --instruments 2000 --provisions 50 --measures 300000 [--seed 42] [--force])`,
    );
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success) throw userError(parsed.error.issues.map((i) => i.message).join("; "));
  const args = parsed.data;
  const refusal = refusalFor(args.out, args.force);
  if (refusal) throw userError(refusal);
  const out = resolve(args.out);
  const started = Date.now();
  const counts = generateSyntheticDatabase({ ...args, out, progress: (line) => process.stderr.write(`synth: ${line}\n`) });
  console.log(
    `Wrote ${out}: ${counts.transpositions} correspondences, ${counts.measures} measures, ${counts.instruments} instruments, ${counts.provisions} provisions, ${counts.states} states in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
});
