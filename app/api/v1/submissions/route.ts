/**
 * The regulators' API: `POST` proposes a submission with the same schema and
 * the same write function as the draft form; `GET` lists the caller's
 * submissions (a regulator's own state; all states for reviewers). Bearer
 * tokens only — no cookies — so a national system can call it.
 */
import { z } from "zod";
import { listChanges, listSubmissions, submissionScopeFor, type SubmissionChangeRow, type SubmissionListItem } from "@/db/queries/submissions";
import type { SubmissionRow } from "@/db/queries/submissions";
import { createSubmission } from "@/db/writes/submissions";
import { apiRoute } from "@/server/api-route";
import { submissionInput, submissionListFilter } from "@/lib/validation/submission";

export const dynamic = "force-dynamic";

function resource(
  s: Pick<SubmissionRow, "id" | "stateCode" | "status" | "message" | "createdAt" | "updatedAt" | "reviewedAt" | "version"> & { reviewComment?: string | null },
  changes?: SubmissionChangeRow[],
) {
  return {
    id: s.id,
    stateCode: s.stateCode,
    status: s.status,
    message: s.message,
    reviewComment: s.reviewComment ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    reviewedAt: s.reviewedAt,
    version: s.version,
    ...(changes
      ? {
          changes: changes.map((c) => ({
            id: c.id,
            entity: c.entity,
            operation: c.operation,
            recordId: c.recordId,
            baseVersion: c.baseVersion,
            payload: c.operation === "delete" ? null : c.payload,
          })),
        }
      : {}),
    links: { self: `/submissions/${s.id}` },
  };
}

const json = (body: unknown, status: number, headers: HeadersInit = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers } });

export const POST = apiRoute(
  {
    permission: "submission.propose",
    refusal: "Only a national regulator can propose submissions, for its own Member State.",
    resource: ({ actor }) => ({ stateCode: actor.memberStateCode ?? undefined }),
    body: submissionInput,
    maxBodyBytes: 1_000_000,
  },
  ({ db, actor, body, requestId }) => {
    const created = createSubmission(db, actor, body, { requestId, via: "api" });
    const headers = { Location: `/api/v1/submissions/${created.submission.id}`, ...(created.replayed ? { "Idempotent-Replayed": "true" } : {}) };
    return json(resource(created.submission, created.changes), created.replayed ? 200 : 201, headers);
  },
);

const listQuery = submissionListFilter.extend({ include: z.enum(["changes"]).optional().catch(undefined) });

export const GET = apiRoute(
  {
    permission: "submission.view",
    refusal: "Commission staff see every submission; a national regulator sees its own Member State's.",
    query: listQuery,
    resource: ({ actor, query }) => ({ stateCode: query.state ?? actor.memberStateCode ?? undefined }),
  },
  ({ db, actor, query: { include, ...filter } }) => {
    const items: SubmissionListItem[] = listSubmissions(db, submissionScopeFor(actor), filter);
    return json(
      { submissions: items.map((s) => ({ ...resource(s, include === "changes" ? listChanges(db, s.id) : undefined), changeCount: s.changeCount })) },
      200,
    );
  },
);
