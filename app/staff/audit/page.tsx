import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { AUDIT_PAGE_SIZE, listRecentEvents, type AuditEvent } from "@/db/queries/audit";
import { listUsers } from "@/db/queries/users";
import { actionName, AUDITED_ACTIONS, AUDITED_ENTITIES, entityName, recordLabels, type RecordLabels } from "@/app/history/record-labels";
import { requirePermission } from "@/server/auth/require";
import { diffRecords } from "@/lib/diff";
import { isoDateString } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Audit trail" };

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

/** The inventory's own processes as the audit trail names them (db/audit.ts actor labels). */
const SYSTEM_ACTORS: Record<string, string> = {
  seed: "seed (the initial data)",
  setup: "setup (demo accounts)",
  bootstrap: "bootstrap (first admin)",
  "user:create": "user:create (command line)",
  anonymous: "anonymous (open data)",
};

/** The picker's values, with the one in the address kept even when no list names it. */
function withCurrent(values: readonly string[], current: string | undefined): string[] {
  return current && !values.includes(current) ? [...values, current] : [...values];
}

/** The record an event is about, by its name, linked to its history where it has one. */
function RecordCell({ event, labels }: { event: AuditEvent; labels: RecordLabels }) {
  const id = event.recordId === null ? null : Number(event.recordId);
  const name = id === null || Number.isNaN(id) ? null : labels.recordName((event.after ?? event.before) as Record<string, unknown> | null, id);
  const fallback = `${entityName(event.entity)} ${event.recordId ?? ""}`.trim();
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
  const parsed = auditQuery.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  const db = getDb();
  const events = listRecentEvents(db, filter);
  // The accounts and the inventory's own processes: every actor a filter can name without free text.
  const actors = [...Object.keys(SYSTEM_ACTORS), ...listUsers(db).map((u) => u.email)];
  const labels = new Map<string, RecordLabels>();
  const labelsOf = (entity: string) => labels.get(entity) ?? labels.set(entity, recordLabels(db, entity)).get(entity)!;
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
      <h1>Audit trail</h1>
      <p className="lead">Every change to the inventory, newest first. Events cannot be altered or deleted.</p>
      {!parsed.success ? <p className="field-error">Some filters were not understood and were ignored.</p> : null}
      <form method="get" className="filters" aria-label="Filter events">
        <div className="field">
          <label htmlFor="f-entity">Record type</label>
          <select id="f-entity" name="entity" defaultValue={filter.entity ?? ""}>
            <option value="">All record types</option>
            {withCurrent(AUDITED_ENTITIES, filter.entity).map((e) => (
              <option key={e} value={e}>
                {entityName(e)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-actor">Who</label>
          <select id="f-actor" name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">Anyone</option>
            {withCurrent(actors, filter.actor).map((a) => (
              <option key={a} value={a}>
                {SYSTEM_ACTORS[a] ?? a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-action">Action</label>
          <select id="f-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">All actions</option>
            {withCurrent(AUDITED_ACTIONS, filter.action).map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">From</label>
          <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">To</label>
          <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <button type="submit">Filter</button>
      </form>
      {events.length === 0 ? (
        <p>No events match these filters.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Audit events</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col" className="note-column">
                  Record
                </th>
                <th scope="col" className="note-column">
                  Fields changed
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
                    {actionName(e.action)}
                    {e.submissionId ? (
                      <>
                        {" "}
                        (<Link href={`/staff/submissions/${e.submissionId}`}>submission {e.submissionId}</Link>)
                      </>
                    ) : null}
                  </td>
                  <td className="note-column">
                    <RecordCell event={e} labels={labelsOf(e.entity)} />
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
          <Link href={query({ before: next })}>Older events</Link>
        </p>
      ) : null}
    </>
  );
}
