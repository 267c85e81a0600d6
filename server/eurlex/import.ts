/**
 * The EUR-Lex import from end to end, shared by the staff page's route handler and the CLI: fetch from CELLAR
 * (./client.ts), set against the inventory (db/queries/eurlex.ts → lib/eurlex/plan.ts), and on approval apply
 * in one IMMEDIATE transaction (db/writes/eurlex.ts). The caller has checked the policy (eurlex.import).
 *
 * Applying re-reads CELLAR and rebuilds the plan inside the transaction: what is written is what the editor
 * approved only if the rebuilt plan has the fingerprint of the preview they saw; otherwise nothing is written.
 */
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { loadPlanContext } from "@/db/queries/eurlex";
import { writeTransaction } from "@/db/transaction";
import { applyPlanIn, type ApplyResult } from "@/db/writes/eurlex";
import { buildPlan, planForFingerprint, type ImportPlan } from "@/lib/eurlex/plan";
import type { Actor } from "@/lib/policy";
import { fetchDirective, type CellarDirective, type CellarOptions, type FetchProgress } from "./client";

export class UnknownCelexError extends Error {
  override name = "UnknownCelexError";
  constructor(readonly celex: string) {
    super(`CELLAR has no act with CELEX ${celex}; check the number on EUR-Lex. Nothing was changed.`);
  }
}

export class PreviewOutdatedError extends Error {
  override name = "PreviewOutdatedError";
  constructor() {
    super("EUR-Lex or the inventory changed since the preview; review the new preview before applying. Nothing was changed.");
  }
}

export function fingerprintOf(plan: ImportPlan): string {
  return createHash("sha256")
    .update(JSON.stringify(planForFingerprint(plan)))
    .digest("hex")
    .slice(0, 32);
}

export async function fetchForImport(
  celex: string,
  options: CellarOptions,
  onProgress?: (p: FetchProgress) => void | Promise<void>,
): Promise<CellarDirective & { instrument: NonNullable<CellarDirective["instrument"]> }> {
  const fetched = await fetchDirective(celex, options, onProgress);
  if (!fetched.instrument) throw new UnknownCelexError(celex);
  return fetched as CellarDirective & { instrument: NonNullable<CellarDirective["instrument"]> };
}

/** The preview of fetched data against the inventory as it is now (reads only). */
export function planFetched(db: Db, fetched: Awaited<ReturnType<typeof fetchForImport>>): { plan: ImportPlan; fingerprint: string } {
  const plan = buildPlan(fetched.instrument, fetched.measures, loadPlanContext(db, fetched.celex, fetched.retrievedAt, fetched.measures));
  return { plan, fingerprint: fingerprintOf(plan) };
}

export interface ApplyOptions {
  /** The fingerprint of the preview the editor approved; the CLI, which prints and applies the same plan, passes none. */
  expectedFingerprint?: string | null;
  chosenConflicts?: ReadonlySet<string>;
  requestId?: string | null;
}

/** Rebuilds the plan and applies it in one transaction; throws (and writes nothing) on a changed preview or a stale record. */
export function applyFetched(
  db: Db,
  actor: Actor,
  fetched: Awaited<ReturnType<typeof fetchForImport>>,
  options: ApplyOptions = {},
): { plan: ImportPlan; fingerprint: string; result: ApplyResult } {
  return writeTransaction(db, (tx) => {
    const { plan, fingerprint } = planFetched(tx, fetched);
    if (options.expectedFingerprint && options.expectedFingerprint !== fingerprint) throw new PreviewOutdatedError();
    return { plan, fingerprint, result: applyPlanIn(tx, actor, plan, options.chosenConflicts ?? new Set(), options.requestId ?? null) };
  });
}
