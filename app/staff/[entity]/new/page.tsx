import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { stateCodeParam } from "@/lib/validation/params";
import { entityConfig } from "../../entities";
import { entityActions } from "../../entity-actions";

interface Props {
  params: Promise<{ entity: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewRecordPage({ params, searchParams }: Props) {
  const config = entityConfig((await params).entity);
  if (!config) notFound();
  await requirePermission(config.permission, undefined, `/staff/${config.slug}/new`);
  const query = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const state = stateCodeParam.safeParse(query.state);
  const db = getDb();
  const t = await getTranslations("staff");
  const tm = await getTranslations();
  const noun = tm(`changeNouns.${config.entity as "national_measure"}`);
  return (
    <>
      <h1>{t("newHeading", { noun })}</h1>
      <EntityForm
        action={entityActions[config.slug].create}
        fields={config.fields(db, state.success ? state.data : null, tm, await getLocale())}
        values={config.blank(query)}
        submitLabel={t("create", { noun })}
      />
    </>
  );
}
