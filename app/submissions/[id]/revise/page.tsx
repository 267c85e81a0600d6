import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import { redirect } from "@/server/i18n";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { findSubmission } from "@/db/queries/submissions";
import { can } from "@/lib/policy";
import { recordId } from "@/lib/validation/common";
import { parseParam } from "@/lib/validation/params";
import { DraftPage, draftQuery } from "../../draft-page";
import { changeLabelsOf } from "../../entities";
import { requireSubmitter } from "../../guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("reviseTitle") };
}

export default async function ReviseSubmissionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = parseParam(recordId, (await params).id);
  if (!id) notFound();
  const actor = await requireSubmitter(`/submissions/${id}/revise`);
  const s = findSubmission(getDb(), id, { kind: "state", stateCode: actor.memberStateCode });
  if (!s) notFound();
  if (s.status !== "changes_requested" || !can(actor, "submission.revise", { stateCode: s.stateCode, ownerId: s.authorId }))
    return redirect(`/submissions/${s.id}`);
  const raw = await searchParams;
  const query = draftQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const tm = await getTranslations();
  const t = await getTranslations("review");
  const labels = changeLabelsOf(getDb(), s.stateCode, s.changes, tm);
  const initial = {
    idempotencyKey: null,
    changes: s.changes.map((c, i) => ({
      uid: `stored-${c.id}`,
      entity: c.entity,
      operation: c.operation,
      recordId: c.recordId,
      baseVersion: c.baseVersion,
      label: labels[i]!,
      payload: c.operation === "delete" ? undefined : (c.payload as Record<string, unknown>),
    })),
  };
  return (
    <>
      <p className="muted">
        <Link href="/submissions">{t("crumbSubmissions")}</Link> / <Link href={`/submissions/${s.id}`}>#{s.id}</Link> / {t("crumbRevise")}
      </p>
      <h1>{t("reviseHeading", { id: s.id })}</h1>
      <p role="note" className="conflict">
        <strong>{s.reviewerName ? t("sentBackBy", { name: s.reviewerName }) : t("sentBackByReviewer")}</strong>{" "}
        <span style={{ whiteSpace: "pre-line" }}>{s.reviewComment}</span>
      </p>
      <p className="lead">{t("reviseLead")}</p>
      <DraftPage
        actor={actor}
        query={query}
        basePath={`/submissions/${s.id}/revise`}
        draftKey={`revise-${s.id}`}
        initial={initial}
        revision={{ id: s.id, version: s.version, message: s.message }}
      />
    </>
  );
}
