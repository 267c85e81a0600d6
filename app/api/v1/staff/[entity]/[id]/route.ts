/**
 * Direct edits by Commission staff from a script, with a staff API token:
 * `PUT /api/v1/staff/<entity>/<id>` with `{ version, payload }` and
 * `DELETE … ?version=N`. Same schemas, writers, version check and audit as
 * the staff forms. Entities: national_measure, transposition, notification.
 */
import { z } from "zod";
import { getDb } from "@/db/client";
import { deleteRecord, updateRecord } from "@/db/writes/entity";
import { authenticateBearer } from "@/server/api-tokens";
import { requestIdOf } from "@/lib/log";
import { can, editableEntities } from "@/lib/policy";
import { invalidInput, problem, problemFromError, readJsonBody, unauthorized } from "@/server/problem";
import { recordId, recordVersion } from "@/lib/validation/common";
import { entityDefinitions } from "@/server/entities";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ entity: string; id: string }> };

async function target(request: Request, params: Params["params"], requestId: string) {
  const db = getDb();
  const auth = authenticateBearer(db, request.headers, new Date(), requestId);
  if (!auth.ok) return { response: unauthorized(requestId) } as const;
  if (!can(auth.actor, "inventory.edit")) return { response: problem(403, { detail: "Only Commission staff edit records directly; regulators send submissions.", requestId }) } as const;
  const raw = await params;
  const entity = z.enum(editableEntities).safeParse(raw.entity);
  const id = recordId.safeParse(raw.id);
  if (!entity.success || !id.success) return { response: problem(404, { detail: "No such record.", requestId }) } as const;
  return { response: null, db, actor: auth.actor, entity: entity.data, id: id.data } as const;
}

export async function PUT(request: Request, { params }: Params): Promise<Response> {
  const requestId = requestIdOf(request);
  try {
    const t = await target(request, params, requestId);
    if (t.response) return t.response;
    const read = await readJsonBody(request, 200_000, requestId);
    if (!read.ok) return read.response;
    const { schema, writer } = entityDefinitions[t.entity];
    const body = z.object({ version: recordVersion, payload: schema }).strict().safeParse(read.body);
    if (!body.success) return invalidInput(body.error, requestId);
    const after = updateRecord(t.db, writer, t.id, body.data.version, body.data.payload as never, { actor: t.actor, requestId });
    return Response.json(after, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return problemFromError(error, requestId);
  }
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const requestId = requestIdOf(request);
  try {
    const t = await target(request, params, requestId);
    if (t.response) return t.response;
    const version = recordVersion.safeParse(new URL(request.url).searchParams.get("version"));
    if (!version.success) return invalidInput(version.error, requestId);
    const { writer } = entityDefinitions[t.entity];
    deleteRecord(t.db, writer, t.id, version.data, { actor: t.actor, requestId });
    return new Response(null, { status: 204 });
  } catch (error) {
    return problemFromError(error, requestId);
  }
}
