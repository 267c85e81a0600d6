import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { recordId } from "@/lib/validation/common";
import { parseParam } from "@/lib/validation/params";
import { resetPasswordAction, updateUserAction } from "../actions";
import { accessFields } from "../user-fields";

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  await requirePermission("user.manage", undefined, "/staff/users");
  const id = parseParam(recordId, (await params).id);
  const db = getDb();
  const user = id ? findUserById(db, id) : undefined;
  if (!user) notFound();
  const { notice } = await searchParams;
  return (
    <>
      <p className="muted">
        <Link href="/staff/users">Users</Link> / {user.email}
      </p>
      <h1>{user.email}</h1>
      {notice ? (
        <p role="status" className="form-message">
          <span className="ok">{notice === "created" ? "Account created." : "Saved; it applies from the user's next request."}</span>
        </p>
      ) : null}
      <p>
        <Link href={`/history/user/${user.id}`}>History of this account</Link>
      </p>
      <h2>Role and access</h2>
      <EntityForm
        action={updateUserAction}
        fields={[...accessFields(db), { name: "disabled", label: "Deactivated (cannot sign in; current sessions end)", kind: "checkbox" }]}
        values={{ name: user.name, role: user.role, memberStateCode: user.memberStateCode, disabled: Boolean(user.disabledAt) }}
        hidden={{ id: user.id }}
        version={user.version}
        submitLabel="Save access"
      />
      <h2>Reset password</h2>
      <EntityForm
        action={resetPasswordAction}
        fields={[{ name: "password", label: "New password", kind: "password", required: true }]}
        values={{}}
        hidden={{ id: user.id }}
        version={user.version}
        submitLabel="Reset password"
      />
    </>
  );
}
