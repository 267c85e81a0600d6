import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { parseParam } from "@/lib/validation/params";
import { recordId } from "@/lib/validation/common";
import { entityConfig } from "../../entities";
import { entityActions } from "../../entity-actions";

interface Props {
  params: Promise<{ entity: string; id: string }>;
  searchParams: Promise<{ notice?: string }>;
}

export default async function EditRecordPage({ params, searchParams }: Props) {
  const { entity, id: rawId } = await params;
  const config = entityConfig(entity);
  const id = parseParam(recordId, rawId);
  if (!config || !id) notFound();
  await requirePermission(config.permission, undefined, `/staff/${entity}/${id}`);
  const db = getDb();
  const snapshot = config.writer.snapshot(db, id);
  if (!snapshot) notFound();
  const { notice } = await searchParams;
  const t = await getTranslations("staff");
  const tm = await getTranslations();
  const noun = tm(`changeNouns.${config.entity as "national_measure"}`);
  return (
    <>
      <p className="muted">
        <Link href="/staff">{t("title")}</Link> / {noun}
      </p>
      <h1>{t("editHeadingRecord", { noun })}</h1>
      <p className="lead">
        {config.describe(snapshot)} · {t("version", { version: snapshot.version })} · <Link href={config.publicHref(snapshot)}>{t("publicPage")}</Link> ·{" "}
        <Link href={`/history/${config.entity}/${snapshot.id}`}>{t("history")}</Link> ·{" "}
        <Link href={`/staff/${config.slug}/${snapshot.id}/delete`}>{t("delete")}</Link>
      </p>
      {notice === "created" || notice === "saved" ? (
        <p role="status" className="form-message">
          <span className="ok">{notice === "created" ? t("created") : t("saved")}</span>
        </p>
      ) : null}
      <EntityForm
        action={entityActions[config.slug].update}
        fields={config.fields(db, typeof snapshot.stateCode === "string" ? snapshot.stateCode : null, tm, await getLocale())}
        values={snapshot}
        hidden={{ id: snapshot.id }}
        version={snapshot.version}
        submitLabel={t("save")}
      />
    </>
  );
}
