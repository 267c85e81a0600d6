import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/format";
import { eventTime } from "@/app/history/event-time";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("restoreTitle") };
}

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
  const t = await getTranslations("history");
  const locale = (await getLocale()) as Locale;
  const entityWord = t.has(`entity.${entity.data}`) ? t(`entity.${entity.data}`) : entityName(entity.data);
  const name = recordName(version, id.data) ?? t("recordOf", { entity: entityWord, id: id.data });
  const changes = diffRecords(current as Record<string, unknown> | null, version);
  const at = eventTime(event.at, locale);

  return (
    <>
      <p className="muted">
        <Link href={historyPath}>{t("title")}</Link> / {t("restoreCrumb")}
      </p>
      <h1>{t("restoreHeading")}</h1>
      <p>
        <strong>{name}</strong> {current ? t("nowAtVersion", { version: current.version }) : t("nowDeleted")}{" "}
        {t.rich("goesBack", { time: () => <time dateTime={event.at}>{at}</time> })} {current ? t("keepsCurrent") : t("createsAgain")}
      </p>
      {changes.length ? (
        <FieldChanges changes={changes} fieldLabel={fieldLabel} caption={t("whatChanges")} columns={{ before: t("now"), after: t("afterRestore") }} />
      ) : (
        <p className="muted">{t("same")}</p>
      )}
      <EntityForm
        action={restoreVersion}
        fields={[
          {
            name: "reason",
            label: t("reasonLabel"),
            kind: "textarea",
            required: true,
            hint: t("reasonHint", { max: RESTORE_REASON_MAX }),
          },
        ]}
        values={{}}
        hidden={{ entity: entity.data, eventId: event.id, currentVersion: current?.version ?? "" }}
        submitLabel={t("restoreSubmit")}
      />
      <p>
        <Link href={historyPath}>{t("cancel")}</Link>
      </p>
    </>
  );
}
