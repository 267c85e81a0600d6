/**
 * The regulators' API: `POST` proposes a submission with the same schema and
 * the same write function as the draft form; `GET` lists the caller's
 * submissions (a regulator's own state; all states for reviewers). Bearer
 * tokens only — no cookies — so a national system can call it.
 */
import { ForbiddenError } from "@/lib/errors";
import { getDb } from "@/db/client";
import { listChanges, listSubmissions, submissionScopeFor, type SubmissionChangeRow, type SubmissionListItem } from "@/db/queries/submissions";
import type { SubmissionRow } from "@/db/queries/submissions";
import { createSubmission } from "@/db/writes/submissions";
import { authenticateBearer } from "@/server/api-tokens";
import { requestIdOf } from "@/lib/log";
import { can } from "@/lib/policy";
import { invalidInput, problem, problemFromError, readJsonBody, unauthorized } from "@/server/problem";
import { submissionInput, submissionListFilter } from "@/lib/validation/submission";

export const dynamic = "force-dynamic";

function resource(s: Pick<SubmissionRow, "id" | "stateCode" | "status" | "message" | "createdAt" | "updatedAt" | "reviewedAt" | "version"> & { reviewComment?: string | null }, changes?: SubmissionChangeRow[]) {
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
    ...(changes ? { changes: changes.map((c) => ({ id: c.id, entity: c.entity, operation: c.operation, recordId: c.recordId, baseVersion: c.baseVersion, payload: c.operation === "delete" ? null : c.payload })) } : {}),
    links: { self: `/submissions/${s.id}` },
  };
}

const json = (body: unknown, status: number, headers: HeadersInit = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers } });

export async function POST(request: Request): Promise<Response> {
  const requestId = requestIdOf(request);
  try {
    const db = getDb();
    const auth = authenticateBearer(db, request.headers, new Date(), requestId);
    if (!auth.ok) return unauthorized(requestId);
    const actor = auth.actor;
    if (!actor.memberStateCode || !can(actor, "submission.propose", { stateCode: actor.memberStateCode })) return problem(403, { detail: "Only a national regulator can propose submissions, for its own Member State.", requestId });
    const read = await readJsonBody(request, 1_000_000, requestId);
    if (!read.ok) return read.response;
    const parsed = submissionInput.safeParse(read.body);
    if (!parsed.success) return invalidInput(parsed.error, requestId);
    const created = createSubmission(db, actor, parsed.data, { requestId, via: "api" });
    const body = resource(created.submission, created.changes);
    return json(body, created.replayed ? 200 : 201, { Location: `/api/v1/submissions/${created.submission.id}`, ...(created.replayed ? { "Idempotent-Replayed": "true" } : {}) });
  } catch (error) {
    return problemFromError(error, requestId);
  }
}

export async function GET(request: Request): Promise<Response> {
  const requestId = requestIdOf(request);
  try {
    const db = getDb();
    const auth = authenticateBearer(db, request.headers, new Date(), requestId);
    if (!auth.ok) return unauthorized(requestId);
    const url = new URL(request.url);
    const filter = submissionListFilter.safeParse({ state: url.searchParams.get("state") ?? undefined, status: url.searchParams.get("status") ?? undefined });
    if (!filter.success) return invalidInput(filter.error, requestId);
    const scope = submissionScopeFor(auth.actor);
    if (scope.kind === "state" && filter.data.state && filter.data.state !== scope.stateCode) throw new ForbiddenError("submission.view");
    const items: SubmissionListItem[] = listSubmissions(db, scope, filter.data);
    const withChanges = url.searchParams.get("include") === "changes";
    return json({ submissions: items.map((s) => ({ ...resource(s, withChanges ? listChanges(db, s.id) : undefined), changeCount: s.changeCount })) }, 200);
  } catch (error) {
    return problemFromError(error, requestId);
  }
}
