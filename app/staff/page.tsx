import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require";
import { can } from "@/lib/policy";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffHome({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const actor = await requirePermission("inventory.edit", undefined, "/staff");
  const { deleted } = await searchParams;
  return (
    <>
      <h1>Staff workspace</h1>
      {deleted ? (
        <p role="status" className="form-message">
          <span className="ok">Deleted. The record as it was is kept in the audit trail.</span>
        </p>
      ) : null}
      <h2>Edit the inventory</h2>
      <ul>
        <li>
          <Link href="/staff/measures/new">New national measure</Link>
        </li>
        <li>
          <Link href="/staff/transpositions/new">New transposition entry</Link>
        </li>
        <li>
          <Link href="/staff/notifications/new">New notification</Link>
        </li>
      </ul>
      <p className="muted">To edit an existing record, open it on its public page and follow “Edit”.</p>
      <h2>Review and oversight</h2>
      <ul>
        <li>
          <Link href="/staff/submissions">Regulators’ submissions</Link>
        </li>
        {can(actor, "audit.view") ? (
          <li>
            <Link href="/staff/audit">Audit trail</Link>
          </li>
        ) : null}
        {can(actor, "user.manage") ? (
          <li>
            <Link href="/staff/users">Users</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
