import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { sources } from "../schema";
import { actorLabel, type Actor } from "../../lib/policy";
import type { sourceKinds, sourceMethods, verificationStates } from "../../lib/vocabulary";

export interface EditedSource {
  sourceUrl: string | null;
  sourceTitle: string | null;
  sourceMethod: (typeof sourceMethods)[number];
  sourceKind?: (typeof sourceKinds)[number] | null;
  verification: (typeof verificationStates)[number];
}

/**
 * Finds or stores the source an editor cited. A fact without a URL or title is attributed to Commission staff and the
 * day: the source is public, and who exactly entered it is in the audit trail, for staff only.
 */
export function ensureSource(db: Db, actor: Actor, s: EditedSource, today: string = new Date().toISOString().slice(0, 10)): number {
  const url = s.sourceUrl;
  const document = url || s.sourceTitle ? null : `Entered by ${actor.kind === "user" ? "Commission staff" : actorLabel(actor)} on ${today}`;
  const title = s.sourceTitle ?? url ?? document!;
  const kind = s.sourceKind ?? null;
  const key = JSON.stringify([url, document, title, s.sourceMethod, s.verification, ...(kind ? [kind] : [])]);
  const existing = db.select({ id: sources.id }).from(sources).where(eq(sources.key, key)).get();
  if (existing) return existing.id;
  return db
    .insert(sources)
    .values({ key, url, document: document ?? (url ? null : title), title, retrievedOn: today, method: s.sourceMethod, kind, verification: s.verification })
    .returning({ id: sources.id })
    .get().id;
}
