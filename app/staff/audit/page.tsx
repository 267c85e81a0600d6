import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { AUDIT_PAGE_SIZE, listRecentEvents, type AuditEvent } from "@/db/queries/audit";
import { listUsers } from "@/db/queries/users";
import { actionKey, actionName, AUDITED_ACTIONS, AUDITED_ENTITIES, entityName, recordLabels, type RecordLabels } from "@/app/history/record-labels";
import { requirePermission } from "@/server/auth/require";
import { diffRecords } from "@/lib/diff";
import { isoDateString } from "@/lib/validation/common";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v == null ? undefined : Array.isArray(v) ? v[0] : v), schema.optional());

const auditQuery = z.object({
  entity: optional(z.string().regex(/^[a-z_]{1,40}$/)),
  actor: optional(z.string().max(254)),
  action: optional(z.string().regex(/^[a-z_.]{1,60}$/)),
  from: optional(isoDateString),
  to: optional(isoDateString),
  before: optional(z.coerce.number().int().positive()),
});

const HISTORY_ENTITIES = new Set(["national_measure", "transposition", "notification", "user", "provision", "instrument_lineage"]);

/** The inventory's own processes as the audit trail names them (db/audit.ts actor labels), with what each is (messages `audit.system`). */
const SYSTEM_ACTORS = {
  seed: "systemSeed",
  setup: "systemSetup",
  bootstrap: "systemBootstrap",
  "user:create": "systemUserCreate",
  anonymous: "systemAnonymous",
} as const;
const isSystemActor = (a: string): a is keyof typeof SYSTEM_ACTORS => Object.hasOwn(SYSTEM_ACTORS, a);

/** The picker's values, with the one in the address kept even when no list names it. */
function withCurrent(values: readonly string[], current: string | undefined): string[] {
  return current && !values.includes(current) ? [...values, current] : [...values];
}

/** The record an event is about, by its name, linked to its history where it has one. */
function RecordCell({ event, labels, entityLabel }: { event: AuditEvent; labels: RecordLabels; entityLabel: (entity: string) => string }) {
  const id = event.recordId === null ? null : Number(event.recordId);
  const name = id === null || Number.isNaN(id) ? null : labels.recordName((event.after ?? event.before) as Record<string, unknown> | null, id);
  const fallback = `${entityLabel(event.entity)} ${event.recordId ?? ""}`.trim();
  const text = name ? (
    <>
      {name} <span className="muted">({fallback})</span>
    </>
  ) : (
    fallback
  );
  return event.recordId && HISTORY_ENTITIES.has(event.entity) ? <Link href={`/history/${event.entity}/${event.recordId}`}>{text}</Link> : <>{text}</>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.view", undefined, "/staff/audit");
  const t = await getTranslations("audit");
  const tm = await getTranslations();
  // Record types and actions in the page's language where the catalogue names them; the English name otherwise.
  // (keys by value: tests/unit/messages.test.ts holds `audit.entity` and `audit.action` equal to the lists; a dot cannot be in a key).
  const entityLabel = (e: string) => (t.has(`entity.${e}` as never) ? t(`entity.${e}` as never) : entityName(e));
  const actionLabel = (a: string) => (t.has(`action.${actionKey(a)}` as never) ? t(`action.${actionKey(a)}` as never) : actionName(a));
  const actorLabel = (a: string) => (isSystemActor(a) ? `${a} (${t(SYSTEM_ACTORS[a])})` : a);
  const parsed = auditQuery.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  const db = getDb();
  const events = listRecentEvents(db, filter);
  // The accounts and the inventory's own processes: every actor a filter can name without free text.
  const actors = [...Object.keys(SYSTEM_ACTORS), ...listUsers(db).map((u) => u.email)];
  const labels = new Map<string, RecordLabels>();
  const labelsOf = (entity: string) => labels.get(entity) ?? labels.set(entity, recordLabels(db, entity, tm)).get(entity)!;
  const next = events.length === AUDIT_PAGE_SIZE ? events.at(-1)!.id : null;
  const query = (extra: Record<string, string | number>) =>
    `?${new URLSearchParams({
      ...Object.fromEntries(
        Object.entries(filter)
          .filter(([, v]) => v != null)
          .map(([k, v]) => [k, String(v)]),
      ),
      ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])),
    })}`;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {!parsed.success ? <p className="field-error">{t("badFilters")}</p> : null}
      <form method="get" className="filters" aria-label={t("filterLabel")}>
        <div className="field">
          <label htmlFor="f-entity">{t("recordType")}</label>
          <select id="f-entity" name="entity" defaultValue={filter.entity ?? ""}>
            <option value="">{t("allRecordTypes")}</option>
            {withCurrent(AUDITED_ENTITIES, filter.entity).map((e) => (
              <option key={e} value={e}>
                {entityLabel(e)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-actor">{t("who")}</label>
          <select id="f-actor" name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">{t("anyone")}</option>
            {withCurrent(actors, filter.actor).map((a) => (
              <option key={a} value={a}>
                {actorLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-action">{t("actionLabel")}</label>
          <select id="f-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("allActions")}</option>
            {withCurrent(AUDITED_ACTIONS, filter.action).map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">{t("from")}</label>
          <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t("to")}</label>
          <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <button type="submit">{t("filter")}</button>
      </form>
      {events.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("actionLabel")}</th>
                <th scope="col" className="note-column">
                  {t("record")}
                </th>
                <th scope="col" className="note-column">
                  {t("fieldsChanged")}
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{e.at.replace("T", " ").slice(0, 19)}</time>
                  </td>
                  <td>{e.actorLabel}</td>
                  <td>
                    {actionLabel(e.action)}
                    {e.submissionId ? (
                      <>
                        {" "}
                        (<Link href={`/staff/submissions/${e.submissionId}`}>{t("submission", { id: e.submissionId })}</Link>)
                      </>
                    ) : null}
                  </td>
                  <td className="note-column">
                    <RecordCell event={e} labels={labelsOf(e.entity)} entityLabel={entityLabel} />
                  </td>
                  <td className="note-column">
                    {diffRecords(e.before as Record<string, unknown> | null, e.after as Record<string, unknown> | null)
                      .map((c) => labelsOf(e.entity).fieldLabel(c.field))
                      .slice(0, 8)
                      .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <p>
          <Link href={query({ before: next })}>{t("older")}</Link>
        </p>
      ) : null}
    </>
  );
}
