import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listEventsForRecord } from "@/db/queries/audit";
import { requirePermission } from "@/server/auth/require";
import { diffRecords } from "@/lib/diff";
import { eventView, visibleChanges } from "@/lib/history-view";
import { actionName, entityName, recordLabels } from "../../record-labels";
import { FieldChanges } from "../../field-changes";
import { can, editableEntities, type EditableEntity } from "@/lib/policy";
import { recordId } from "@/lib/validation/common";
import { entityDefinitions } from "@/db/entities";

export const metadata: Metadata = { title: "History" };

const historyEntity = z.enum([...editableEntities, "user", "provision", "obligation", "instrument", "instrument_lineage", "member_state", "source"]);

interface Props {
  params: Promise<{ entity: string; id: string }>;
  searchParams: Promise<{ notice?: string }>;
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const raw = await params;
  const entity = historyEntity.safeParse(raw.entity);
  const id = recordId.safeParse(raw.id);
  if (!entity.success || !id.success) notFound();
  const actor = await requirePermission(entity.data === "user" ? "user.manage" : "record.history", undefined, `/history/${raw.entity}/${raw.id}`);
  const db = getDb();
  const events = listEventsForRecord(db, entity.data, id.data);
  if (events.length === 0) notFound();
  const editable = (editableEntities as readonly string[]).includes(entity.data) ? (entity.data as EditableEntity) : null;
  const current = editable ? entityDefinitions[editable].writer.snapshot(db, id.data) : undefined;
  const mayRestore = editable !== null && can(actor, "record.restore");
  // Who acted and through which submission is for staff; others see what changed, when and why (lib/history-view.ts).
  const seesIdentities = can(actor, "audit.view");
  const { fieldLabel, recordName: nameOf } = recordLabels(db, entity.data, await getTranslations());
  const recordName = nameOf((events[0]?.after ?? events[0]?.before) as Record<string, unknown> | null, id.data);
  const { notice } = await searchParams;

  return (
    <>
      <h1>History of {recordName ?? `${entityName(entity.data)} ${id.data}`}</h1>
      {recordName ? (
        <p className="muted">
          {entityName(entity.data)} {id.data}
        </p>
      ) : null}
      <p className="lead">
        {events.length} recorded change{events.length === 1 ? "" : "s"}, newest first.{" "}
        {current ? `The record is at version ${current.version}.` : editable ? "The record has been deleted; a version can be restored as a new record." : ""}
      </p>
      {notice === "restored" ? (
        <p role="status" className="form-message">
          <span className="ok">Restored. The restore is itself recorded below.</span>
        </p>
      ) : null}
      <ol className="history">
        {events.map((event) => {
          const changes = visibleChanges(
            diffRecords(event.before as Record<string, unknown> | null, event.after as Record<string, unknown> | null),
            seesIdentities,
          );
          const view = eventView(event, seesIdentities);
          const version = (event.after as { version?: number } | null)?.version;
          return (
            <li key={event.id}>
              <h2>
                {actionName(event.action)}
                {version ? ` → version ${version}` : ""}{" "}
                <span className="muted">
                  · {event.at.replace("T", " ").slice(0, 19)} UTC · {view.who}
                </span>
              </h2>
              {view.submissionId ? (
                <p>
                  Through <Link href={`/staff/submissions/${view.submissionId}`}>submission {view.submissionId}</Link>
                </p>
              ) : view.throughSubmission ? (
                <p>Proposed by a national regulator and approved by Commission staff.</p>
              ) : null}
              {view.reason ? <p>Reason: {view.reason}</p> : null}
              {changes.length ? (
                <FieldChanges
                  changes={changes}
                  fieldLabel={fieldLabel}
                  caption={`Fields changed by event ${event.id}`}
                  hideCaption
                  columns={{ before: "Before", after: "After" }}
                />
              ) : (
                <p className="muted">No field changed.</p>
              )}
              {mayRestore && editable && (event.after || event.action === "delete") && event.id !== events[0]!.id ? (
                <p>
                  <Link href={`/history/${editable}/${id.data}/restore/${event.id}`}>
                    Restore this version…<span className="visually-hidden"> (recorded {event.at.replace("T", " ").slice(0, 19)} UTC)</span>
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
