import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findEvent } from "@/db/queries/audit";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { diffRecords } from "@/lib/diff";
import { editableEntities } from "@/lib/policy";
import { recordId } from "@/lib/validation/common";
import { entityDefinitions } from "@/db/entities";
import { RESTORE_REASON_MAX } from "@/lib/validation/restore";
import { restoreVersion } from "@/app/history/actions";
import { entityName, recordLabels } from "@/app/history/record-labels";
import { FieldChanges } from "@/app/history/field-changes";

export const metadata: Metadata = { title: "Restore a version" };

interface Props {
  params: Promise<{ entity: string; id: string; eventId: string }>;
}

/** Restoring asks first: what the record becomes, field by field, and why — the reason goes into the audit trail. */
export default async function RestoreVersionPage({ params }: Props) {
  const raw = await params;
  const entity = z.enum(editableEntities).safeParse(raw.entity);
  const id = recordId.safeParse(raw.id);
  const eventId = recordId.safeParse(raw.eventId);
  if (!entity.success || !id.success || !eventId.success) notFound();
  const historyPath = `/history/${entity.data}/${id.data}`;
  await requirePermission("record.restore", undefined, `${historyPath}/restore/${eventId.data}`);
  const db = getDb();
  const event = findEvent(db, eventId.data);
  if (!event || event.entity !== entity.data || Number(event.recordId) !== id.data) notFound();
  const version = (event.after ?? event.before) as Record<string, unknown> | null;
  if (!version) notFound();
  const current = entityDefinitions[entity.data].writer.snapshot(db, id.data) ?? null;
  const { fieldLabel, recordName } = recordLabels(db, entity.data, await getTranslations());
  const name = recordName(version, id.data) ?? `${entityName(entity.data)} ${id.data}`;
  const changes = diffRecords(current as Record<string, unknown> | null, version);
  const at = event.at.replace("T", " ").slice(0, 19);

  return (
    <>
      <p className="muted">
        <Link href={historyPath}>History</Link> / restore
      </p>
      <h1>Restore this version?</h1>
      <p>
        <strong>{name}</strong> {current ? `(now at version ${current.version})` : "(deleted)"} goes back to the version recorded on{" "}
        <time dateTime={event.at}>{at} UTC</time>.{" "}
        {current
          ? "The current version stays in the history; the restore is recorded as a new change."
          : "The record is created again as it was; the restore is recorded as a new change."}
      </p>
      {changes.length ? (
        <FieldChanges changes={changes} fieldLabel={fieldLabel} caption="What changes" columns={{ before: "Now", after: "After the restore" }} />
      ) : (
        <p className="muted">This version is the same as the current one in every field.</p>
      )}
      <EntityForm
        action={restoreVersion}
        fields={[
          {
            name: "reason",
            label: "Reason for restoring",
            kind: "textarea",
            required: true,
            hint: `Kept in the audit trail; at most ${RESTORE_REASON_MAX} characters.`,
          },
        ]}
        values={{}}
        hidden={{ entity: entity.data, eventId: event.id, currentVersion: current?.version ?? "" }}
        submitLabel="Restore this version"
      />
      <p>
        <Link href={historyPath}>Cancel and keep the record as it is</Link>
      </p>
    </>
  );
}
