/**
 * The one wrapper for the JSON API's route handlers that take input, mirroring
 * the server-action wrapper (server/action.ts): bearer token → actor re-read
 * from the database → route parameters, query and body parsed with zod →
 * the policy asked → run → any known failure as problem+json (lib/errors.ts).
 * A handler states what it needs; none repeats the steps.
 */
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { requestIdOf } from "@/lib/log";
import { can, type Action, type Actor, type Resource } from "@/lib/policy";
import { authenticateBearer } from "./api-tokens";
import { invalidInput, problem, problemFromError, readJsonBody, unauthorized } from "./problem";

type User = Extract<Actor, { kind: "user" }>;
type Schema = z.ZodType;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiRouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  /** The policy action the caller must be allowed (lib/policy.ts). */
  permission: Action;
  /** What the refusal says: who may do this instead. */
  refusal: string;
  /** The resource the permission is asked about, from the caller and the parsed input (state-scoped actions). */
  resource?: (input: { actor: User; params: Parsed<P>; query: Parsed<Q> }) => Resource;
  /** Route parameters; a mismatch is answered 404 with `notFound`. */
  params?: P;
  notFound?: string;
  /** The query string, as an object of its first values; a mismatch is answered 400. */
  query?: Q;
  /** The JSON body; a mismatch is answered 400. */
  body?: B;
  /** The largest body read, in bytes. */
  maxBodyBytes?: number;
}

export interface ApiRouteInput<P, Q, B> {
  db: Db;
  actor: User;
  params: P;
  query: Q;
  body: B;
  requestId: string;
  request: Request;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function apiRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: ApiRouteSpec<P, Q, B>,
  run: (input: ApiRouteInput<Parsed<P>, Parsed<Q>, Parsed<B>>) => Response | Promise<Response>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    try {
      const db = getDb();
      const auth = authenticateBearer(db, request.headers, new Date(), requestId);
      if (!auth.ok) return unauthorized(requestId);
      const actor = auth.actor;

      let params = undefined as Parsed<P>;
      if (spec.params) {
        const parsed = spec.params.safeParse((await context?.params) ?? {});
        if (!parsed.success) return problem(404, { detail: spec.notFound ?? "No such record.", requestId });
        params = parsed.data as Parsed<P>;
      }
      // The policy is asked before any input is read, unless the resource it is asked about comes from the query.
      const refused = () => problem(403, { detail: spec.refusal, requestId });
      if (!spec.resource && !can(actor, spec.permission)) return refused();
      let query = undefined as Parsed<Q>;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) return invalidInput(parsed.error, requestId);
        query = parsed.data as Parsed<Q>;
      }
      if (spec.resource && !can(actor, spec.permission, spec.resource({ actor, params, query }))) return refused();
      let body = undefined as Parsed<B>;
      if (spec.body) {
        const read = await readJsonBody(request, spec.maxBodyBytes ?? 100_000, requestId);
        if (!read.ok) return read.response;
        const parsed = spec.body.safeParse(read.body);
        if (!parsed.success) return invalidInput(parsed.error, requestId);
        body = parsed.data as Parsed<B>;
      }
      return await run({ db, actor, params, query, body, requestId, request });
    } catch (error) {
      return problemFromError(error, requestId);
    }
  };
}
