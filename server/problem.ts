/**
 * RFC 9457 problem details for every JSON API route: one shape for every
 * refusal, field errors under `errors`, and never a stack trace or a
 * database message (those go to the log with the request id).
 */
import { InventoryError } from "@/lib/errors";
import type { z } from "zod";
import { errorFields, log } from "@/lib/log";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/common";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  /** A URI naming the kind of problem; `about:blank` when the status says it all. */
  type?: string;
  /** Field path → messages, e.g. `changes.0.payload.key`. */
  errors?: FieldErrors;
  requestId?: string;
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Not authenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  500: "Internal server error",
};

export function problem(status: number, fields: Partial<Problem> = {}, headers: HeadersInit = {}): Response {
  const body: Problem = { type: "about:blank", title: TITLES[status] ?? "Error", status, ...fields };
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers } });
}

export const unauthorized = (requestId?: string) =>
  problem(
    401,
    { detail: "Send a valid, unrevoked API token as `Authorization: Bearer <token>`.", requestId },
    { "WWW-Authenticate": 'Bearer realm="nis-inventory"' },
  );

export const invalidInput = (error: z.ZodError, requestId?: string) =>
  problem(400, { detail: "Some fields need attention.", errors: fieldErrorsOf(error), requestId });

/** Reads a JSON body with a size limit; answers a problem instead of throwing. */
export async function readJsonBody(
  request: Request,
  maxBytes = 1_000_000,
  requestId?: string,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) return { ok: false, response: problem(415, { detail: "Send the body as application/json.", requestId }) };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, response: problem(413, { detail: `The body may be at most ${maxBytes} bytes.`, requestId }) };
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes)
    return { ok: false, response: problem(413, { detail: `The body may be at most ${maxBytes} bytes.`, requestId }) };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: problem(400, { detail: "The body is not valid JSON.", requestId }) };
  }
}

/** Maps the write path's known failures to their answers; anything else is logged and answered 500 without details. */
export function problemFromError(error: unknown, requestId: string, unexpected = "Something went wrong and nothing was saved."): Response {
  if (error instanceof InventoryError)
    return problem(error.httpStatus, {
      detail: error.problemDetail,
      ...(error.fieldMessages ? { errors: error.fieldMessages } : {}),
      ...error.problemExtras,
      requestId,
    });
  log("error", "api request failed", { requestId, ...errorFields(error) });
  return problem(500, { detail: unexpected, requestId });
}
