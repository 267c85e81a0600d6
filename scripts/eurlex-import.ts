/**
 * npm run eurlex:import -- <CELEX>… [--apply --as editor@example.eu]
 *
 * Prints the preview of an EUR-Lex import for each act (the same as /staff/eurlex shows); with --apply, applies
 * each in its own transaction as the named editor or admin account (audited under that account). Verified
 * values are never replaced from the command line: conflicts are listed and left for /staff/eurlex.
 * Reads EURLEX_SPARQL_URL (default the Publications Office's endpoint) and INVENTORY_DB_PATH.
 */
import { eq } from "drizzle-orm";
import { parseArgs } from "node:util";
import { databasePath } from "../db/client";
import { users } from "../db/schema";
import { migrateOrFail, openOrFail } from "../server/setup";
import { FIELD_LABELS, type FieldChange, type ImportPlan } from "../lib/eurlex/plan";
import { can, type Actor } from "../lib/policy";
import { eurlexCliArgs } from "../lib/validation/eurlex";
import { cellarOptionsFromEnv } from "../server/eurlex/client";
import { applyFetched, fetchForImport, planFetched } from "../server/eurlex/import";
import { importErrorMessage } from "../server/eurlex/run";
import { translatorFor } from "../server/translator";
import { instrumentProblemText, skipReasonText } from "../lib/eurlex/words";
import { runCli, userError } from "./cli";

/** The command line speaks English, in the staff page's English words. */
const english = translatorFor("en");
const change = (c: FieldChange) => `${FIELD_LABELS[c.field]}: ${c.before ?? "—"} → ${c.after ?? "—"}`;

export function formatPlan(plan: ImportPlan): string {
  const i = plan.instrument;
  const s = plan.summary;
  const lines = [
    `${plan.celex} ${i.shortName} — ${i.status === "new" ? (i.problem ? `cannot be created: ${instrumentProblemText(i.problem, english)}` : "not in the inventory: will be created") : "in the inventory"}`,
    `  ${i.title ?? "(no English title)"}; ${i.adoptionDate ?? "no date"}; ${i.ojReference ?? "no OJ reference"}${i.transpositionDeadline ? `; transposition by ${i.transpositionDeadline}` : ""}`,
    `  retrieved ${plan.retrievedAt}: ${s.notified} notified, ${s.new} new, ${s.matched} matched with changes (${s.conflicts} conflicts with verified values), ${s.unchanged} unchanged, ${s.skipped} skipped`,
  ];
  for (const l of plan.lineage) lines.push(`  lineage ${l.instrument} ${l.relation} ${l.successor}: ${l.status.replace(/_/g, " ")}`);
  for (const m of plan.measures) {
    if (m.kind === "new") lines.push(`  NEW      ${m.stateCode} ${m.celex} ${m.key} — ${m.title} [${m.instruments.join(", ")}]`);
    else {
      lines.push(`  MATCHED  ${m.stateCode} ${m.celex} ${m.measureKey} (by ${m.matchedBy.replace(/_/g, " ")}) — ${m.title}`);
      for (const c of m.changes) lines.push(`             change   ${change(c)}`);
      for (const c of m.conflicts) lines.push(`             CONFLICT ${change(c)} (verified value kept)`);
    }
  }
  for (const n of plan.notifications)
    lines.push(
      `  notification ${n.stateCode}:${n.notifiedOn ? ` date ${n.notifiedOn} added` : ""}${n.suggestedPrincipal ? ` principal not chosen, suggested ${n.suggestedPrincipal}` : ""}`,
    );
  for (const k of plan.skipped) lines.push(`  SKIPPED  ${k.celex}: ${skipReasonText(k.reason, english)}`);
  return lines.join("\n");
}

function actorFor(db: ReturnType<typeof openOrFail>["db"], email: string): Extract<Actor, { kind: "user" }> {
  const u = db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
  if (!u || u.disabledAt) throw userError(`No active account ${email}.`);
  const actor: Actor = { kind: "user", id: u.id, email: u.email, name: u.name, role: u.role, memberStateCode: u.memberStateCode };
  // The same policy as the staff page: regulators and researchers cannot import.
  if (!can(actor, "eurlex.import")) throw userError(`${email} is a ${u.role}; only editors and admins can import from EUR-Lex.`);
  return actor;
}

runCli(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { apply: { type: "boolean", default: false }, as: { type: "string" } } });
  const parsed = eurlexCliArgs.safeParse({ celexes: positionals, apply: values.apply, as: values.as ?? process.env.EURLEX_IMPORT_AS });
  if (!parsed.success) throw userError(parsed.error.issues.map((i) => i.message).join(" "));
  const { celexes, apply } = parsed.data;
  if (apply && !parsed.data.as) throw userError("Say who applies the import: --as <email of an editor or admin account> (or EURLEX_IMPORT_AS).");
  const options = (() => {
    try {
      return cellarOptionsFromEnv();
    } catch (error) {
      throw userError((error as Error).message);
    }
  })();
  const handle = openOrFail(databasePath());
  migrateOrFail(handle);
  const actor = apply ? actorFor(handle.db, parsed.data.as!) : null;
  let failed = 0;
  for (const celex of celexes) {
    try {
      const fetched = await fetchForImport(celex, options, (p) => {
        if (process.stderr.isTTY && p.phase === "measures")
          process.stderr.write(`\r${celex}: ${p.done}${p.total !== null ? ` of ${p.total}` : ""} measures read`);
      });
      if (process.stderr.isTTY) process.stderr.write("\n");
      if (!actor) {
        console.log(formatPlan(planFetched(handle.db, fetched).plan));
        continue;
      }
      const { plan, result } = applyFetched(handle.db, actor, fetched, { requestId: `cli-eurlex-${Date.now().toString(36)}` });
      console.log(formatPlan(plan));
      console.log(
        `  APPLIED: ${result.instrumentCreated ? "instrument created, " : ""}${result.created} created, ${result.updated} updated, ${result.notificationsDated} notification dates, ${result.lineageCreated} lineage relations${result.lineageRefused.length ? `; lineage refused: ${result.lineageRefused.join("; ")}` : ""}`,
      );
    } catch (error) {
      failed++;
      console.error(`error: ${celex}: ${importErrorMessage(error, "cli", english)}`);
    }
  }
  handle.sqlite.close();
  if (failed) process.exit(1);
});
