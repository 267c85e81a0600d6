/**
 * POST /api/v1/submissions/<id>/review — staff decide on a submission from a
 * script, with the same write functions and rules as the review page.
 * Body: { decision: "approve" | "reject" | "request_changes", version, comment? }.
 */
import { z } from "zod";
import { approveSubmission, rejectSubmission, requestChanges } from "@/db/writes/submissions";
import { apiRoute } from "@/server/api-route";
import { recordId, recordVersion } from "@/lib/validation/common";
import { reviewDecisions } from "@/lib/validation/submission";

export const dynamic = "force-dynamic";

const reviewBody = z
  .object({ decision: z.enum(reviewDecisions), version: recordVersion, comment: z.string().trim().max(4000).optional() })
  .strict()
  .refine((b) => b.decision === "approve" || (b.comment ?? "").length > 0, { path: ["comment"], message: "Say why (required to reject or request changes)." });

export const POST = apiRoute(
  {
    permission: "submission.review",
    refusal: "Only Commission staff review submissions.",
    params: z.object({ id: recordId }),
    notFound: "No such submission.",
    body: reviewBody,
  },
  ({ db, actor, params, body: { decision, version, comment }, requestId }) => {
    const result =
      decision === "approve"
        ? approveSubmission(db, actor, params.id, version, { comment: comment ?? null, requestId })
        : decision === "reject"
          ? rejectSubmission(db, actor, params.id, version, comment!, { requestId })
          : requestChanges(db, actor, params.id, version, comment!, { requestId });
    return Response.json(
      { id: result.id, status: result.status, version: result.version, reviewedAt: result.reviewedAt },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);
