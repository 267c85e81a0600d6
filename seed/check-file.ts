/** Usage: npx tsx seed/check-file.ts <seed file>… — validates single seed files without a database. */
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { z } from "zod";
import { parseSeedFile, SeedError, stateFileSchema } from "./read";
import { seedInstrument, seedLineage, seedMemberState, seedObligation, seedProvision } from "./schema";

function schemaFor(path: string): z.ZodType {
  if (basename(dirname(path)) === "states") return stateFileSchema;
  if (basename(dirname(path)) === "provisions") return z.array(seedProvision);
  const name = basename(path);
  if (name === "obligations.json") return z.array(seedObligation);
  if (name === "lineage.json") return z.array(seedLineage);
  if (name === "instruments.json") return z.array(seedInstrument);
  if (name === "member-states.json") return z.array(seedMemberState);
  throw new Error(`no schema for ${path}`);
}

let failed = false;
for (const path of process.argv.slice(2)) {
  try {
    parseSeedFile(path, readFileSync(path, "utf8"), schemaFor(path));
    console.log(`${path}: ok`);
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    failed = true;
    console.log(error.message);
  }
}
process.exit(failed ? 1 : 0);
