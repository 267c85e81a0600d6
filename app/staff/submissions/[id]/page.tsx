import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findSubmission, listSubmissionAuditEvents, reviewChanges } from "@/db/queries/submissions";
import { EntityForm } from "@/app/components/forms/entity-form";
import { requirePermission } from "@/server/auth/require";
import { recordId } from "@/lib/validation/common";
import { parseParam } from "@/lib/validation/params";
import { AuditTrail, ChangeList, SubmissionFacts } from "@/app/submissions/submission-parts";
import { approve, reject, sendBack } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

const NOTICES = { approved: "noticeApproved", rejected: "noticeRejected", changes_requested: "noticeChangesRequested" } as const;
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
  const t = await getTranslations("review");
  const conflicts = s.status === "pending" ? reviewChanges(db, s.stateCode, s.changes).filter((r) => r.conflict).length : 0;
  return (
    <>
      <p className="muted">
        <Link href="/staff">{t("crumbStaff")}</Link> / <Link href="/staff/submissions">{t("crumbSubmissionsLink")}</Link> / #{s.id}
      </p>
      <h1>{t("heading", { id: s.id, state: s.stateCode })}</h1>
      {notice ? (
        <p role="status" className="form-message">
          <span className="ok">{t(NOTICES[notice])}</span>
        </p>
      ) : null}
      <SubmissionFacts s={s} />
      <h2>{t("changesHeading", { count: s.changes.length })}</h2>
      {conflicts ? (
        <p className="conflict" role="alert">
          {t.rich("conflicts", { count: conflicts, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      ) : null}
      <ChangeList db={db} s={s} />
      {s.status === "pending" ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t("decision")}</h2>
          <h3>{t("approve")}</h3>
          <p>{t("approveLead", { count: s.changes.length })}</p>
          <EntityForm
            action={approve}
            fields={[{ name: "note", label: t("comment"), kind: "textarea" }]}
            values={{}}
            hidden={{ id: s.id }}
            version={s.version}
            submitLabel={t("approveAndApply")}
          />
          <h3>{t("requestChanges")}</h3>
          <EntityForm
            action={sendBack}
            fields={[{ name: "comment", label: t("whatToChange"), kind: "textarea", required: true }]}
            values={{}}
            hidden={{ id: s.id }}
            version={s.version}
            submitLabel={t("sendBack")}
          />
          <h3>{t("reject")}</h3>
          <EntityForm
            action={reject}
            fields={[{ name: "reason", label: t("rejectReason"), kind: "textarea", required: true }]}
            values={{}}
            hidden={{ id: s.id }}
            version={s.version}
            submitLabel={t("reject")}
          />
        </section>
      ) : null}
      <AuditTrail db={db} events={listSubmissionAuditEvents(db, s.id)} />
    </>
  );
}
