import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findSubmission, listSubmissionAuditEvents, reviewChanges } from "@/db/queries/submissions";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { recordId } from "@/lib/validation/common";
import { parseParam } from "@/lib/validation/params";
import { AuditTrail, ChangeList, SubmissionFacts } from "@/app/submissions/submission-parts";
import { approve, reject, sendBack } from "../actions";

export const metadata: Metadata = { title: "Review submission" };

const NOTICES = {
  approved: "Approved: every change was applied and recorded in the audit trail.",
  rejected: "Rejected. The regulator sees your reason.",
  changes_requested: "Sent back to the regulator with your comment.",
} as const;
const pageQuery = z.object({ notice: z.enum(["approved", "rejected", "changes_requested"]).optional().catch(undefined) });

export default async function ReviewSubmissionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const id = parseParam(recordId, (await params).id);
  if (!id) notFound();
  await requirePermission("submission.review", undefined, `/staff/submissions/${id}`);
  const db = getDb();
  const s = findSubmission(db, id, { kind: "all" });
  if (!s) notFound();
  const { notice } = pageQuery.parse(await searchParams);
  const conflicts = s.status === "pending" ? reviewChanges(db, s.stateCode, s.changes).filter((r) => r.conflict).length : 0;
  return (
    <>
      <p className="muted">
        <Link href="/staff">Staff</Link> / <Link href="/staff/submissions">Submissions</Link> / #{s.id}
      </p>
      <h1>
        Submission #{s.id} from {s.stateCode}
      </h1>
      {notice ? (
        <p role="status" className="form-message">
          <span className="ok">{NOTICES[notice]}</span>
        </p>
      ) : null}
      <SubmissionFacts s={s} />
      <h2>Changes ({s.changes.length})</h2>
      {conflicts ? (
        <p className="conflict" role="alert">
          <strong>{conflicts === 1 ? "One change conflicts" : `${conflicts} changes conflict`}</strong> with the current records. It cannot be approved as it
          is; request changes so the regulator can redraft.
        </p>
      ) : null}
      <ChangeList db={db} s={s} />
      {s.status === "pending" ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">Decision</h2>
          <h3>Approve</h3>
          <p>All {s.changes.length} change(s) are applied together, or none is.</p>
          <EntityForm
            action={approve}
            fields={[{ name: "note", label: "Comment (optional)", kind: "textarea" }]}
            values={{}}
            hidden={{ id: s.id }}
            version={s.version}
            submitLabel="Approve and apply"
          />
          <h3>Request changes</h3>
          <EntityForm
            action={sendBack}
            fields={[{ name: "comment", label: "What needs to change", kind: "textarea", required: true }]}
            values={{}}
            hidden={{ id: s.id }}
            version={s.version}
            submitLabel="Send back for changes"
          />
          <h3>Reject</h3>
          <EntityForm
            action={reject}
            fields={[{ name: "reason", label: "Reason for rejecting", kind: "textarea", required: true }]}
            values={{}}
            hidden={{ id: s.id }}
            version={s.version}
            submitLabel="Reject"
          />
        </section>
      ) : null}
      <AuditTrail db={db} events={listSubmissionAuditEvents(db, s.id)} />
    </>
  );
}
