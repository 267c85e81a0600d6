/**
 * The one wrapper for route handlers that take input, mirroring the
 * server-action wrapper (server/action.ts): caller (a bearer token, or the
 * session cookie of the inventory's own pages) → actor re-read from the
 * database → route parameters, query and body parsed with zod → the policy
 * asked → run → any known failure as problem+json (lib/errors.ts).
 * A handler states what it needs; none repeats the steps.
 */
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { requestIdOf } from "@/lib/log";
import { can, type Action, type Actor, type Resource } from "@/lib/policy";
import { authenticateBearer } from "./api-tokens";
import { getActor } from "./auth/actor";
import { invalidInput, problem, problemFromError, readJsonBody, unauthorized } from "./problem";
import { isSameOrigin } from "./same-origin";

type User = Extract<Actor, { kind: "user" }>;
type Schema = z.ZodType;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Who may call: one policy action asked before the input is read, or a rule over the parsed input (e.g. the Member State a form names). */
type Permission<P, Q, B> =
  | {
      /** The policy action the caller must be allowed (lib/policy.ts). */
      permission: Action;
      /** The resource the permission is asked about, from the caller and the parsed params and query (state-scoped actions). */
      resource?: (input: { actor: User; params: P; query: Q }) => Resource;
      allowed?: never;
    }
  | {
      permission?: never;
      resource?: never;
      /** Asked once the whole input is parsed; it must answer with lib/policy.ts's `can`. */
      allowed: (input: { actor: User; params: P; query: Q; body: B }) => boolean;
    };

export type ApiRouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> = Permission<
  Parsed<P>,
  Parsed<Q>,
  Parsed<B>
> & {
  /**
   * `bearer` (the JSON API, the default): an API token in `Authorization`. `session`: the cookie of the
   * inventory's own pages — then the request must come from the same origin, because a cookie-authenticated
   * POST outside a server action has no CSRF check of its own.
   */
  auth?: "bearer" | "session";
  /** What a session caller who is not signed in is told. */
  signIn?: string;
  /** What the refusal says: who may do this instead. */
  refusal: string | ((actor: User) => string);
  /** Route parameters; a mismatch is answered 404 with `notFound`. */
  params?: P;
  notFound?: string;
  /** The query string, as an object of its first values; a mismatch is answered 400. */
  query?: Q;
  /** The body (JSON, or a multipart form whose files arrive as `File` values); a mismatch is answered 400. */
  body?: B;
  bodyFormat?: "json" | "form";
  /** The largest body read, in bytes. */
  maxBodyBytes?: number;
};

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

/** A multipart form's fields as an object (a repeated name keeps its last value), with a size limit; a problem instead of throwing. */
async function readFormBody(request: Request, maxBytes: number, requestId: string): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({
    ok: false as const,
    response: problem(413, { detail: `The request may be at most ${Math.round(maxBytes / 1024 / 1024)} MB.`, requestId }),
  });
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return tooLarge();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { ok: false, response: problem(415, { detail: "Send the form as multipart/form-data.", requestId }) };
  }
  const body: Record<string, FormDataEntryValue> = {};
  let size = 0;
  for (const [name, value] of form) {
    body[name] = value;
    size += typeof value === "string" ? value.length : value.size;
  }
  return size > maxBytes ? tooLarge() : { ok: true, body };
}

export function apiRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: ApiRouteSpec<P, Q, B>,
  run: (input: ApiRouteInput<Parsed<P>, Parsed<Q>, Parsed<B>>) => Response | Promise<Response>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    try {
      const db = getDb();
      let actor: User;
      if (spec.auth === "session") {
        if (!isSameOrigin(request)) return problem(403, { detail: "Cross-site request refused.", requestId });
        const caller = await getActor();
        if (caller.kind !== "user") return problem(401, { detail: spec.signIn ?? "Sign in first.", requestId });
        actor = caller;
      } else {
        const auth = authenticateBearer(db, request.headers, new Date(), requestId);
        if (!auth.ok) return unauthorized(requestId);
        actor = auth.actor;
      }
      const refused = () => problem(403, { detail: typeof spec.refusal === "string" ? spec.refusal : spec.refusal(actor), requestId });

      let params = undefined as Parsed<P>;
      if (spec.params) {
        const parsed = spec.params.safeParse((await context?.params) ?? {});
        if (!parsed.success) return problem(404, { detail: spec.notFound ?? "No such record.", requestId });
        params = parsed.data as Parsed<P>;
      }
      // The policy is asked before any input is read, unless the resource it is asked about comes from the input.
      if (spec.permission && !spec.resource && !can(actor, spec.permission)) return refused();
      let query = undefined as Parsed<Q>;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) return invalidInput(parsed.error, requestId);
        query = parsed.data as Parsed<Q>;
      }
      if (spec.permission && spec.resource && !can(actor, spec.permission, spec.resource({ actor, params, query }))) return refused();
      let body = undefined as Parsed<B>;
      if (spec.body) {
        const maxBytes = spec.maxBodyBytes ?? 100_000;
        const read = spec.bodyFormat === "form" ? await readFormBody(request, maxBytes, requestId) : await readJsonBody(request, maxBytes, requestId);
        if (!read.ok) return read.response;
        const parsed = spec.body.safeParse(read.body);
        if (!parsed.success) return invalidInput(parsed.error, requestId);
        body = parsed.data as Parsed<B>;
      }
      if (spec.allowed && !spec.allowed({ actor, params, query, body })) return refused();
      return await run({ db, actor, params, query, body, requestId, request });
    } catch (error) {
      return problemFromError(error, requestId);
    }
  };
}

/** A query string read into what a public handler needs, or the messages of the parameters that are not valid. */
export type QueryReader<Q, P = undefined> = (search: URLSearchParams, params: P) => { ok: true; value: Q } | { ok: false; errors: Record<string, string[]> };

export interface PublicRouteSpec<P extends Schema | undefined, Q> {
  /** Route parameters; a mismatch is answered 404 with `notFound`. */
  params?: P;
  notFound?: string;
  /** The query string (read knowing the route parameters); parameters that are not valid are answered 400, each with its message. */
  query?: QueryReader<Q, Parsed<P>>;
}

export interface PublicRouteInput<P, Q> {
  db: Db;
  params: P;
  query: Q;
  url: URL;
  requestId: string;
  request: Request;
}

/**
 * The one wrapper for the public read handlers (open data: no session and no token), the read-only sibling of
 * `apiRoute`: route parameters and query parsed → run → any failure as problem+json, never a stack trace.
 */
export function publicRoute<P extends Schema | undefined = undefined, Q = undefined>(
  spec: PublicRouteSpec<P, Q>,
  run: (input: PublicRouteInput<Parsed<P>, Q>) => Response | Promise<Response>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    try {
      let params = undefined as Parsed<P>;
      if (spec.params) {
        const parsed = spec.params.safeParse((await context?.params) ?? {});
        if (!parsed.success) return problem(404, { detail: spec.notFound ?? "No such resource.", requestId });
        params = parsed.data as Parsed<P>;
      }
      const url = new URL(request.url);
      let query = undefined as Q;
      if (spec.query) {
        const read = spec.query(url.searchParams, params);
        if (!read.ok)
          return problem(400, { detail: `Some query parameters are not valid: ${Object.keys(read.errors).join(", ")}.`, errors: read.errors, requestId });
        query = read.value;
      }
      return await run({ db: getDb(), params, query, url, requestId, request });
    } catch (error) {
      return problemFromError(error, requestId, "Something went wrong reading the inventory.");
    }
  };
}
