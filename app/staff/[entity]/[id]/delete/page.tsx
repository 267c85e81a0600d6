import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("staff");
  const noun = (await getTranslations())(`changeNouns.${config.entity as "national_measure"}`);
  return (
    <>
      <h1>{t("deleteHeading", { noun })}</h1>
      <p>
        {t.rich("deleteLead", {
          record: config.describe(snapshot),
          strong: (chunks) => <strong>{chunks}</strong>,
          version: snapshot.version,
          history: (chunks) => <Link href={`/history/${config.entity}/${snapshot.id}`}>{chunks}</Link>,
        })}
      </p>
      <EntityForm
        action={entityActions[config.slug].remove}
        fields={[{ name: "reason", label: t("deleteReason"), kind: "textarea", hint: t("deleteReasonHint") }]}
        values={{}}
        hidden={{ id: snapshot.id }}
        version={snapshot.version}
        submitLabel={t("deletePermanently")}
      />
      <p>
        <Link href={`/staff/${config.slug}/${snapshot.id}`}>{t("cancelKeep")}</Link>
      </p>
    </>
  );
}
