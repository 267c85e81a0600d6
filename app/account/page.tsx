import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { can } from "@/lib/policy";
import { changeOwnPassword } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const actor = await requirePermission("account.change_password", undefined, "/account");
  const t = await getTranslations("account");
  const roles = await getTranslations("roles");
  return (
    <>
      <h1>{t("title")}</h1>
      <dl className="facts">
        <dt>{t("name")}</dt>
        <dd>{actor.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{actor.email}</dd>
        <dt>{t("role")}</dt>
        <dd>{actor.memberStateCode ? t("roleFor", { role: roles(actor.role), state: actor.memberStateCode }) : roles(actor.role)}</dd>
      </dl>
      {can(actor, "token.manage") ? <p>{t.rich("tokensLink", { link: (chunks) => <Link href="/account/tokens">{chunks}</Link> })}</p> : null}
      <h2>{t("changePassword")}</h2>
      <EntityForm
        action={changeOwnPassword}
        fields={[
          { name: "currentPassword", label: t("currentPassword"), kind: "password", required: true },
          { name: "newPassword", label: t("newPassword"), kind: "password", required: true, hint: t("newPasswordHint") },
          { name: "confirmPassword", label: t("confirmPassword"), kind: "password", required: true },
        ]}
        values={{}}
        submitLabel={t("submitPassword")}
      />
    </>
  );
}
