import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { createUserAction } from "./actions";
import { accessFields } from "./user-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  await requirePermission("user.manage", undefined, "/staff/users");
  const db = getDb();
  const users = listUsers(db);
  const t = await getTranslations("users");
  const tm = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <h1>{t("title")}</h1>
      <div className="table-scroll">
        <table>
          <caption>{t("caption", { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("memberState")}</th>
              <th scope="col">{t("accountState")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link href={`/staff/users/${u.id}`}>{u.email}</Link>
                  {u.isDemo ? <span className="badge">{t("demo")}</span> : null}
                </th>
                <td>{u.name}</td>
                <td>{tm(`roles.${u.role}`)}</td>
                <td>{u.memberStateCode ?? "—"}</td>
                <td>{u.disabledAt ? t("deactivatedOn", { date: formatDate(u.disabledAt.slice(0, 10), locale) }) : t("active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("newAccount")}</h2>
      <EntityForm
        action={createUserAction}
        fields={[
          { name: "email", label: t("email"), kind: "email", required: true },
          ...accessFields(db, tm, locale),
          { name: "password", label: t("initialPassword"), kind: "password", required: true, hint: t("passwordHint") },
        ]}
        values={{ role: "researcher" }}
        submitLabel={t("createAccount")}
      />
    </>
  );
}
