import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { label } from "@/lib/vocabulary";
import { createUserAction } from "./actions";
import { accessFields } from "./user-fields";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePermission("user.manage", undefined, "/staff/users");
  const db = getDb();
  const users = listUsers(db);
  return (
    <>
      <h1>Users</h1>
      <div className="table-scroll">
        <table>
          <caption>{users.length} accounts</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Member State</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link href={`/staff/users/${u.id}`}>{u.email}</Link>
                  {u.isDemo ? <span className="badge">demo</span> : null}
                </th>
                <td>{u.name}</td>
                <td>{label(u.role)}</td>
                <td>{u.memberStateCode ?? "—"}</td>
                <td>{u.disabledAt ? `Deactivated ${u.disabledAt.slice(0, 10)}` : "Active"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>New account</h2>
      <EntityForm
        action={createUserAction}
        fields={[
          { name: "email", label: "Email", kind: "email", required: true },
          ...accessFields(db),
          { name: "password", label: "Initial password", kind: "password", required: true, hint: "At least 8 characters; common passwords are refused." },
        ]}
        values={{ role: "researcher" }}
        submitLabel="Create account"
      />
    </>
  );
}
