import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { AUDIT_PAGE_SIZE, listRecentEvents } from "@/db/queries/audit";
import { requirePermission } from "@/lib/auth/require";
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

const HISTORY_ENTITIES = new Set(["national_measure", "transposition", "notification", "user"]);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.view", undefined, "/staff/audit");
  const parsed = auditQuery.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  const events = listRecentEvents(getDb(), filter);
  const next = events.length === AUDIT_PAGE_SIZE ? events.at(-1)!.id : null;
  const query = (extra: Record<string, string | number>) =>
    `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)])), ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) })}`;

  return (
    <>
      <h1>Audit trail</h1>
      <p className="lead">Every change to the inventory, newest first. Events cannot be altered or deleted.</p>
      {!parsed.success ? <p className="field-error">Some filters were not understood and were ignored.</p> : null}
      <form method="get" className="filters" aria-label="Filter events">
        <div className="field">
          <label htmlFor="f-entity">Record type</label>
          <input id="f-entity" name="entity" type="text" defaultValue={filter.entity ?? ""} placeholder="e.g. national_measure" />
        </div>
        <div className="field">
          <label htmlFor="f-actor">Who</label>
          <input id="f-actor" name="actor" type="text" defaultValue={filter.actor ?? ""} placeholder="email, seed, setup" />
        </div>
        <div className="field">
          <label htmlFor="f-action">Action</label>
          <input id="f-action" name="action" type="text" defaultValue={filter.action ?? ""} placeholder="create, update, delete, restore, auth.sign_in…" />
        </div>
        <div className="field">
          <label htmlFor="f-from">From (YYYY-MM-DD)</label>
          <input id="f-from" name="from" type="text" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">To (YYYY-MM-DD)</label>
          <input id="f-to" name="to" type="text" defaultValue={filter.to ?? ""} />
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
                <th scope="col">Record</th>
                <th scope="col">Fields changed</th>
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
                    {e.action}
                    {e.submissionId ? (
                      <>
                        {" "}
                        (<Link href={`/staff/submissions/${e.submissionId}`}>submission {e.submissionId}</Link>)
                      </>
                    ) : null}
                  </td>
                  <td>
                    {e.recordId && HISTORY_ENTITIES.has(e.entity) ? (
                      <Link href={`/history/${e.entity}/${e.recordId}`}>
                        {e.entity} {e.recordId}
                      </Link>
                    ) : (
                      `${e.entity} ${e.recordId ?? ""}`
                    )}
                  </td>
                  <td>
                    {diffRecords(e.before as Record<string, unknown> | null, e.after as Record<string, unknown> | null)
                      .map((c) => c.field)
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
