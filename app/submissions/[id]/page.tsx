import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findSubmission, listSubmissionAuditEvents } from "@/db/queries/submissions";
import { can } from "@/lib/policy";
import { recordId } from "@/lib/validation/common";
import { parseParam } from "@/lib/validation/params";
import { ClearDraft } from "../drafter";
import { ClientMessages } from "@/app/i18n/client-messages-provider";
import { requireSubmitter } from "../guard";
import { AuditTrail, ChangeList, SubmissionFacts } from "../submission-parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions"))("submission") };
}

const pageQuery = z.object({
  notice: z.enum(["submitted", "revised"]).optional().catch(undefined),
  draft: z
    .string()
    .regex(/^(new|revise-\d+)$/)
    .optional()
    .catch(undefined),
});

export default async function SubmissionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const id = parseParam(recordId, (await params).id);
  if (!id) notFound();
  const actor = await requireSubmitter(`/submissions/${id}`);
  const db = getDb();
  // The state is in the WHERE: another state's submission is not found, not forbidden-after-fetch.
  const s = findSubmission(db, id, { kind: "state", stateCode: actor.memberStateCode });
  if (!s) notFound();
  const { notice, draft } = pageQuery.parse(await searchParams);
  const t = await getTranslations("submissions");
  const nav = await getTranslations("account");
  const mayRevise = s.status === "changes_requested" && can(actor, "submission.revise", { stateCode: s.stateCode, ownerId: s.authorId });
  return (
    <>
      <p className="muted">
        <Link href="/submissions">{nav("submissions")}</Link> / #{s.id}
      </p>
      <h1>{t("detailHeading", { id: s.id })}</h1>
      {draft ? (
        <ClientMessages namespaces={["submissions"]}>
          <ClearDraft draftKey={draft} />
        </ClientMessages>
      ) : null}
      {notice ? (
        <p role="status" className="form-message">
          <span className="ok">{t(notice === "submitted" ? "sentNotice" : "revisedNotice")}</span>
        </p>
      ) : null}
      <SubmissionFacts s={s} />
      {mayRevise ? (
        <p>
          <Link href={`/submissions/${s.id}/revise`}>{t("revise")}</Link>
        </p>
      ) : null}
      <h2>{t("changes")}</h2>
      <ChangeList db={db} s={s} />
      <AuditTrail db={db} events={listSubmissionAuditEvents(db, s.id)} />
    </>
  );
}
