/**
 * POST /api/v1/submissions/<id>/review — staff decide on a submission from a
 * script, with the same write functions and rules as the review page.
 * Body: { decision: "approve" | "reject" | "request_changes", version, comment? }.
 */
import { z } from "zod";
import { getDb } from "@/db/client";
import { approveSubmission, rejectSubmission, requestChanges } from "@/db/writes/submissions";
import { authenticateBearer } from "@/server/api-tokens";
import { requestIdOf } from "@/lib/log";
import { can } from "@/lib/policy";
import { invalidInput, problem, problemFromError, readJsonBody, unauthorized } from "@/server/problem";
import { recordId, recordVersion } from "@/lib/validation/common";
import { reviewDecisions } from "@/lib/validation/submission";

export const dynamic = "force-dynamic";

const reviewBody = z
  .object({ decision: z.enum(reviewDecisions), version: recordVersion, comment: z.string().trim().max(4000).optional() })
  .strict()
  .refine((b) => b.decision === "approve" || (b.comment ?? "").length > 0, { path: ["comment"], message: "Say why (required to reject or request changes)." });

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const requestId = requestIdOf(request);
  try {
    const db = getDb();
    const auth = authenticateBearer(db, request.headers, new Date(), requestId);
    if (!auth.ok) return unauthorized(requestId);
    if (!can(auth.actor, "submission.review")) return problem(403, { detail: "Only Commission staff review submissions.", requestId });
    const id = recordId.safeParse((await params).id);
    if (!id.success) return problem(404, { detail: "No such submission.", requestId });
    const read = await readJsonBody(request, 100_000, requestId);
    if (!read.ok) return read.response;
    const body = reviewBody.safeParse(read.body);
    if (!body.success) return invalidInput(body.error, requestId);
    const { decision, version, comment } = body.data;
    const result =
      decision === "approve"
        ? approveSubmission(db, auth.actor, id.data, version, { comment: comment ?? null, requestId })
        : decision === "reject"
          ? rejectSubmission(db, auth.actor, id.data, version, comment!, { requestId })
          : requestChanges(db, auth.actor, id.data, version, comment!, { requestId });
    return Response.json({ id: result.id, status: result.status, version: result.version, reviewedAt: result.reviewedAt }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return problemFromError(error, requestId);
  }
}
