/**
 * The auth secret signs session tokens. When none is configured (a fresh
 * checkout), one is generated and kept in .env.local (git-ignored, mode 600),
 * so sessions survive restarts. Production refuses this fallback (issue #7).
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export const ENV_LOCAL = resolve(".env.local");

export function readEnvLocalSecret(path: string = ENV_LOCAL): string | undefined {
  if (!existsSync(path)) return undefined;
  const line = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .find((l) => l.startsWith("AUTH_SECRET="));
  return line?.slice("AUTH_SECRET=".length).trim() || undefined;
}

export function ensureAuthSecret(
  env: Record<string, string | undefined> = process.env,
  path: string = ENV_LOCAL,
): { secret: string; origin: "environment" | "stored" | "generated" } {
  if (env.AUTH_SECRET) return { secret: env.AUTH_SECRET, origin: "environment" };
  const stored = readEnvLocalSecret(path);
  if (stored) return { secret: stored, origin: "stored" };
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(path, `${existsSync(path) && !readFileSync(path, "utf8").endsWith("\n") ? "\n" : ""}AUTH_SECRET=${secret}\n`);
  chmodSync(path, 0o600);
  return { secret, origin: "generated" };
}
