import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { parseParam } from "@/lib/validation/params";
import { recordId } from "@/lib/validation/common";
import { entityConfig } from "../../../entities";
import { entityActions } from "../../../entity-actions";

interface Props {
  params: Promise<{ entity: string; id: string }>;
}

export default async function DeleteRecordPage({ params }: Props) {
  const { entity, id: rawId } = await params;
  const config = entityConfig(entity);
  const id = parseParam(recordId, rawId);
  if (!config || !id) notFound();
  await requirePermission(config.permission, undefined, `/staff/${entity}/${id}/delete`);
  const snapshot = config.writer.snapshot(getDb(), id);
  if (!snapshot) notFound();
  return (
    <>
      <h1>Delete this {config.singular}?</h1>
      <p>
        <strong>{config.describe(snapshot)}</strong> (version {snapshot.version}) will be removed from the inventory. The deletion is recorded in the audit
        trail with the record as it was, so it can be restored from its <Link href={`/history/${config.entity}/${snapshot.id}`}>history</Link>.
      </p>
      <EntityForm
        action={entityActions[config.slug].remove}
        fields={[{ name: "reason", label: "Reason for deleting", kind: "textarea", hint: "Kept in the audit trail." }]}
        values={{}}
        hidden={{ id: snapshot.id }}
        version={snapshot.version}
        submitLabel="Delete permanently"
      />
      <p>
        <Link href={`/staff/${config.slug}/${snapshot.id}`}>Cancel and keep it</Link>
      </p>
    </>
  );
}
