import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/require";
import { can } from "@/lib/policy";
import { getDb } from "@/db/client";
import { listSubmissions, submissionScopeFor } from "@/db/queries/submissions";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffHome({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const actor = await requirePermission("inventory.edit", undefined, "/staff");
  const { deleted } = await searchParams;
  // What waits for review, oldest first (listSubmissions puts pending first).
  const pending = can(actor, "submission.review") ? listSubmissions(getDb(), submissionScopeFor(actor), { status: "pending" }, 10) : [];
  return (
    <>
      <h1>Staff workspace</h1>
      {deleted ? (
        <p role="status" className="form-message">
          <span className="ok">Deleted. The record as it was is kept in the audit trail.</span>
        </p>
      ) : null}
      <h2>Waiting for review</h2>
      {pending.length === 0 ? (
        <p>No submission is waiting for review.</p>
      ) : (
        <ul>
          {pending.map((p) => (
            <li key={p.id}>
              <Link href={`/staff/submissions/${p.id}`}>
                #{p.id} from {p.stateCode}
              </Link>{" "}
              — {p.message.length > 100 ? `${p.message.slice(0, 99)}…` : p.message}{" "}
              <span className="muted">
                ({p.changeCount} change{p.changeCount === 1 ? "" : "s"}, sent {p.createdAt.slice(0, 10)})
              </span>
            </li>
          ))}
        </ul>
      )}
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
        {can(actor, "eurlex.import") ? (
          <li>
            <Link href="/staff/eurlex">Import a directive and its notified national measures from EUR-Lex</Link>
          </li>
        ) : null}
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
