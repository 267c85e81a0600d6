/**
 * Requests refused before they reach Next, with a 4xx that says why instead
 * of the 500 Next answers them with:
 * - a path whose percent-encoding is malformed (`/measures/%2`): Next's route
 *   matcher throws on decoding it;
 * - a server action posted from another origin: Next refuses it by throwing.
 * Pure: the server (scripts/server.ts) asks, and writes the answer.
 */

export interface GateRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface Refusal {
  status: 400 | 403;
  detail: string;
}

/** Whether every segment of the path decodes (a `%` must start a valid UTF-8 escape). */
export function hasWellFormedPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function header(headers: GateRequest["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A server action (a POST with a `Next-Action` header) whose `Origin` names
 * another host than the request's own: the same check Next makes, answered
 * with 403. `trustedHostHeader` is `x-forwarded-host` behind a trusted proxy.
 */
export function isCrossOriginAction(request: GateRequest, trustedHostHeader: string | null = null): boolean {
  if (request.method !== "POST" || header(request.headers, "next-action") === undefined) return false;
  const origin = header(request.headers, "origin");
  if (origin === undefined) return false;
  const host = (trustedHostHeader ? header(request.headers, trustedHostHeader) : undefined) ?? header(request.headers, "host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * An API query naming `__proto__`: Next rebuilds the query from an object and drops that key before a route handler
 * sees it, so the handler could not answer it with the documented 400 for an unknown parameter.
 */
export function protoParameter(url: string): boolean {
  const query = url.split("?", 2)[1];
  if (query === undefined || !url.startsWith("/api/")) return false;
  return query.split(/[&;]/).some((pair) => {
    const name = pair.split("=", 1)[0]!.replace(/\+/g, " ");
    try {
      return decodeURIComponent(name) === "__proto__";
    } catch {
      return false;
    }
  });
}

export function refuseRequest(request: GateRequest, trustedHostHeader: string | null = null): Refusal | null {
  if (!hasWellFormedPath(request.url ?? "/")) return { status: 400, detail: "The address is malformed: a % in it does not start a valid escape." };
  if (protoParameter(request.url ?? "/")) return { status: 400, detail: "Unknown parameter __proto__." };
  if (isCrossOriginAction(request, trustedHostHeader))
    return { status: 403, detail: "This form was sent from another site; send it from the inventory's own pages." };
  return null;
}
