/**
 * Direct edits by Commission staff from a script, with a staff API token:
 * `PUT /api/v1/staff/<entity>/<id>` with `{ version, payload }` and
 * `DELETE … ?version=N`. Same schemas, writers, version check and audit as
 * the staff forms. Entities: national_measure, transposition, notification.
 */
import { z } from "zod";
import { deleteRecord, updateRecord } from "@/db/writes/entity";
import { apiRoute } from "@/server/api-route";
import { editableEntities } from "@/lib/policy";
import { invalidInput } from "@/server/problem";
import { recordId, recordVersion } from "@/lib/validation/common";
import { entityDefinitions } from "@/db/entities";

export const dynamic = "force-dynamic";

const target = {
  permission: "inventory.edit",
  refusal: "Only Commission staff edit records directly; regulators send submissions.",
  params: z.object({ entity: z.enum(editableEntities), id: recordId }),
  notFound: "No such record.",
} as const;

/** The body's payload is checked against the entity's own schema, which the route parameter chooses. */
const putBody = z.object({ version: recordVersion, payload: z.record(z.string(), z.unknown()) }).strict();

export const PUT = apiRoute({ ...target, body: putBody, maxBodyBytes: 200_000 }, ({ db, actor, params, body, requestId }) => {
  const { schema, writer } = entityDefinitions[params.entity];
  const payload = schema.safeParse(body.payload);
  if (!payload.success) return invalidInput(prefixed(payload.error, "payload"), requestId);
  const after = updateRecord(db, writer, params.id, body.version, payload.data as never, { actor, requestId });
  return Response.json(after, { headers: { "Cache-Control": "no-store" } });
});

export const DELETE = apiRoute({ ...target, query: z.object({ version: recordVersion }) }, ({ db, actor, params, query, requestId }) => {
  deleteRecord(db, entityDefinitions[params.entity].writer, params.id, query.version, { actor, requestId });
  return new Response(null, { status: 204 });
});

/** The payload's issues under `payload.…`, as they read when the whole body was one schema. */
function prefixed(error: z.ZodError, key: string): z.ZodError {
  return new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })));
}
