/** One submission with its changes, for its state's regulators and for reviewers. */
import { getDb } from "@/db/client";
import { findSubmission, submissionScopeFor } from "@/db/queries/submissions";
import { authenticateBearer } from "@/server/api-tokens";
import { requestIdOf } from "@/lib/log";
import { problem, problemFromError, unauthorized } from "@/server/problem";
import { recordId } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const requestId = requestIdOf(request);
  try {
    const db = getDb();
    const auth = authenticateBearer(db, request.headers, new Date(), requestId);
    if (!auth.ok) return unauthorized(requestId);
    const id = recordId.safeParse((await params).id);
    if (!id.success) return problem(404, { detail: "No such submission.", requestId });
    const s = findSubmission(db, id.data, submissionScopeFor(auth.actor));
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
      changes: s.changes.map((c) => ({ id: c.id, entity: c.entity, operation: c.operation, recordId: c.recordId, baseVersion: c.baseVersion, payload: c.operation === "delete" ? null : c.payload })),
      links: { self: `/submissions/${s.id}` },
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
  } catch (error) {
    return problemFromError(error, requestId);
  }
}
