/**
 * GET /feeds/changes.atom[?state=FR][&instrument=31995L0046]: an Atom feed of the newest changes to the inventory's
 * public records — all, one Member State's or one instrument's — built from the audit trail without who made them.
 * Public; bounded to FEED_ENTRY_LIMIT entries; bad input is a 400 in plain text, an unknown state or instrument a 404.
 * In French or German under /fr/ or /de/ (proxy.ts sets the language): titles, summaries, links and xml:lang.
 */
import { getDb } from "@/db/client";
import { findChangesScope, listPublicChanges, latestPublicChangeAt } from "@/db/queries/changes";
import { recordLabels } from "@/app/history/record-labels";
import { ATOM_CONTENT_TYPE, buildAtomFeed, tagUri } from "@/lib/atom";
import { changeLines, changePath, changeScope, changeTitle, feedHref, feedTitle, scopeProblemText } from "@/lib/changes";
import { translatorFor } from "@/server/translator";
import { requestLocale } from "@/server/i18n";
import { localizedPath } from "@/lib/i18n";
import { memberStateName } from "@/lib/format";
import { changesQuery, changesQueryProblems, firstValues, FEED_ENTRY_LIMIT } from "@/lib/validation/changes";
import { siteOrigin } from "@/server/site-origin";

/** The year in the tag: URIs (RFC 4151): when the inventory's site started minting them. Never change it: the ids would change. */
const TAG_YEAR = 2026;

function categoriesOf(change: Parameters<typeof changeScope>[0]): string[] {
  const { stateCode, celex } = changeScope(change);
  return [change.entity, ...(stateCode ? [stateCode] : []), ...celex];
}

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const locale = await requestLocale();
  const t = translatorFor(locale);
  const raw = firstValues(url.searchParams);
  const parsed = changesQuery.omit({ before: true, since: true }).strict().safeParse(raw);
  if (!parsed.success) return plain(400, t("changes.feedBadInput", { problems: changesQueryProblems(parsed.error, raw, t).join("; ") }));
  const localePath = (path: string) => localizedPath(locale, path);
  const db = getDb();
  const scope = findChangesScope(db, parsed.data);
  if (!scope.ok) return plain(404, scopeProblemText(scope.problem, t));
  const origin = siteOrigin(request);
  const { changes } = listPublicChanges(db, { ...parsed.data, limit: FEED_ENTRY_LIMIT });
  const labels = new Map<string, (field: string) => string>();
  const fieldLabel = (entity: string) => {
    if (!labels.has(entity)) labels.set(entity, recordLabels(db, entity, t).fieldLabel);
    return labels.get(entity)!;
  };
  const self = feedHref(parsed.data);
  const suffix = self.slice("/feeds/changes.atom".length);
  const feedPath = [parsed.data.state ? `state/${parsed.data.state}` : null, parsed.data.instrument ? `instrument/${parsed.data.instrument}` : null]
    .filter(Boolean)
    .join("/");
  const toRfc3339 = (at: string) => (at.endsWith("Z") ? at : `${at}Z`);
  const xml = buildAtomFeed({
    id: tagUri(origin, TAG_YEAR, `changes${feedPath ? `/${feedPath}` : ""}`),
    title: feedTitle({ ...scope, state: scope.state && { name: memberStateName(scope.state.code, scope.state.name, locale) } }, t),
    subtitle: t("changes.feedSubtitle"),
    updated: toRfc3339(changes[0]?.at ?? latestPublicChangeAt(db) ?? new Date().toISOString()),
    authorName: t("changes.feedAuthor"),
    alternate: `${origin}${localePath(`/changes${suffix}`)}`,
    self: `${origin}${localePath(self)}`,
    lang: locale,
    entries: changes.map((change) => ({
      // The audit event's id: an event is never changed or reused (the trail is append-only, migration 0001).
      id: tagUri(origin, TAG_YEAR, `change/${change.id}`),
      title: changeTitle(change, t),
      updated: toRfc3339(change.at),
      link: `${origin}${localePath(changePath(change))}`,
      summary: changeLines(change, fieldLabel(change.entity), t).join("\n"),
      categories: categoriesOf(change),
    })),
  });
  return new Response(xml, { status: 200, headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": "no-store" } });
}
