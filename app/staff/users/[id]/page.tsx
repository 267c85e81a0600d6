import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { recordId } from "@/lib/validation/common";
import { parseParam } from "@/lib/validation/params";
import { resetPasswordAction, updateUserAction } from "../actions";
import { accessFields } from "../user-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("accountTitle") };
}

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  await requirePermission("user.manage", undefined, "/staff/users");
  const id = parseParam(recordId, (await params).id);
  const db = getDb();
  const user = id ? findUserById(db, id) : undefined;
  if (!user) notFound();
  const { notice } = await searchParams;
  const t = await getTranslations("users");
  const tm = await getTranslations();
  return (
    <>
      <p className="muted">
        <Link href="/staff/users">{t("title")}</Link> / {user.email}
      </p>
      <h1>{user.email}</h1>
      {notice ? (
        <p role="status" className="form-message">
          <span className="ok">{notice === "created" ? t("created") : t("saved")}</span>
        </p>
      ) : null}
      <p>
        <Link href={`/history/user/${user.id}`}>{t("history")}</Link>
      </p>
      <h2>{t("access")}</h2>
      <EntityForm
        action={updateUserAction}
        fields={[...accessFields(db, tm, await getLocale()), { name: "disabled", label: t("disabled"), kind: "checkbox" }]}
        values={{ name: user.name, role: user.role, memberStateCode: user.memberStateCode, disabled: Boolean(user.disabledAt) }}
        hidden={{ id: user.id }}
        version={user.version}
        submitLabel={t("saveAccess")}
      />
      <h2>{t("resetPassword")}</h2>
      <EntityForm
        action={resetPasswordAction}
        fields={[{ name: "password", label: t("newPassword"), kind: "password", required: true }]}
        values={{}}
        hidden={{ id: user.id }}
        version={user.version}
        submitLabel={t("resetPassword")}
      />
    </>
  );
}
