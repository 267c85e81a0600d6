/**
 * Structured JSON log lines on stdout/stderr. Callers pass facts, never
 * secrets (passwords, tokens and hashes are not logged anywhere).
 */
import { randomUUID } from "node:crypto";

export function newRequestId(): string {
  return randomUUID();
}

type Level = "info" | "warn" | "error";

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

export function errorFields(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.name, detail: error.message, stack: error.stack } : { error: String(error) };
}

/** The id the server stamped on this request (scripts/server.ts), so API errors and logs share it. */
export function requestIdOf(request: Request): string {
  const id = request.headers.get("x-request-id");
  return id && /^[A-Za-z0-9._-]{8,100}$/.test(id) ? id : newRequestId();
}
