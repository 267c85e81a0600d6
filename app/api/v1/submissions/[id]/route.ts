/** One submission with its changes, for its state's regulators and for reviewers. */
import { z } from "zod";
import { findSubmission, submissionScopeFor } from "@/db/queries/submissions";
import { apiRoute } from "@/server/api-route";
import { problem } from "@/server/problem";
import { recordId } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  {
    permission: "submission.view",
    refusal: "Commission staff see every submission; a national regulator sees its own Member State's.",
    resource: ({ actor }) => ({ stateCode: actor.memberStateCode ?? undefined }),
    params: z.object({ id: recordId }),
    notFound: "No such submission.",
  },
  ({ db, actor, params, requestId }) => {
    const s = findSubmission(db, params.id, submissionScopeFor(actor));
    if (!s) return problem(404, { detail: "No such submission.", requestId });
    const body = {
      id: s.id,
      stateCode: s.stateCode,
      status: s.status,
      message: s.message,
      reviewComment: s.reviewComment,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      reviewedAt: s.reviewedAt,
      version: s.version,
      changes: s.changes.map((c) => ({
        id: c.id,
        entity: c.entity,
        operation: c.operation,
        recordId: c.recordId,
        baseVersion: c.baseVersion,
        payload: c.operation === "delete" ? null : c.payload,
      })),
      links: { self: `/submissions/${s.id}` },
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
  },
);
