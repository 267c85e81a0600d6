import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { can } from "@/lib/policy";
import { label } from "@/lib/vocabulary";
import { changeOwnPassword } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requirePermission("account.change_password", undefined, "/account");
  return (
    <>
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{actor.name}</dd>
        <dt>Email</dt>
        <dd>{actor.email}</dd>
        <dt>Role</dt>
        <dd>
          {label(actor.role)}
          {actor.memberStateCode ? ` for ${actor.memberStateCode}` : ""}
        </dd>
      </dl>
      {can(actor, "token.manage") ? (
        <p>
          <Link href="/account/tokens">API tokens</Link> for sending submissions from a national system.
        </p>
      ) : null}
      <h2>Change your password</h2>
      <EntityForm
        action={changeOwnPassword}
        fields={[
          { name: "currentPassword", label: "Current password", kind: "password", required: true },
          { name: "newPassword", label: "New password", kind: "password", required: true, hint: "At least 8 characters; common passwords are refused." },
          { name: "confirmPassword", label: "New password again", kind: "password", required: true },
        ]}
        values={{}}
        submitLabel="Change password"
      />
    </>
  );
}
