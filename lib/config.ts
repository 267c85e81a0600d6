/**
 * Start-up configuration, validated once with zod. Development needs
 * nothing set; production refuses to start without an explicit secret and
 * site URL, and says in one line per variable what is wrong.
 */
import { z } from "zod";

const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(min).max(max).optional());

const baseConfig = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.preprocess(
    (v) => (v === "" || v == null ? "3000" : v),
    z.coerce.number({ error: "must be a port number" }).int("must be a port number").min(1, "must be 1–65535").max(65535, "must be 1–65535"),
  ),
  INVENTORY_DB_PATH: optionalString,
  AUTH_SECRET: optionalString,
  NEXTAUTH_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url("must be a full URL such as https://nis-inventory.example.eu").optional()),
  TRUST_PROXY: z.enum(["0", "1"], { error: "must be 0 or 1" }).default("0"),
  BOOTSTRAP_ADMIN_EMAIL: z.preprocess((v) => (v === "" ? undefined : v), z.string().email("must be an email address").optional()),
  BOOTSTRAP_ADMIN_PASSWORD: optionalString,
  BOOTSTRAP_ADMIN_NAME: optionalString,
  BACKUP_DIR: optionalString,
  BACKUP_INTERVAL_HOURS: optionalInt(1, 24 * 30),
  BACKUP_KEEP: optionalInt(1, 1000),
  /** Server processes (scripts/cluster.ts); unset: one per CPU. */
  WEB_CONCURRENCY: optionalInt(1, 256),
  /** Bytes of answers each process keeps (server/cache/responses.ts); 0 keeps none. */
  RESPONSE_CACHE_BYTES: optionalInt(0, 2 ** 40),
  /** Seconds a shared proxy may serve a kept answer before revalidating it. */
  RESPONSE_CACHE_S_MAXAGE: optionalInt(1, 86_400),
});

export type AppConfig = z.infer<typeof baseConfig>;

const productionRules = baseConfig.superRefine((c, ctx) => {
  if (c.NODE_ENV !== "production") return;
  if (!c.AUTH_SECRET)
    ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (generate one with: openssl rand -base64 32)" });
  else if (c.AUTH_SECRET.length < 32) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "must be at least 32 characters in production" });
  if (!c.NEXTAUTH_URL) ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "is required in production: the public https URL of the site" });
  if (c.BOOTSTRAP_ADMIN_EMAIL && !c.BOOTSTRAP_ADMIN_PASSWORD)
    ctx.addIssue({ code: "custom", path: ["BOOTSTRAP_ADMIN_PASSWORD"], message: "is required when BOOTSTRAP_ADMIN_EMAIL is set" });
  if (c.BACKUP_INTERVAL_HOURS && !c.BACKUP_DIR)
    ctx.addIssue({ code: "custom", path: ["BACKUP_DIR"], message: "is required when BACKUP_INTERVAL_HOURS is set" });
});

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; errors: string[] };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = productionRules.safeParse(env);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: result.error.issues.map((i) => `${i.path.join(".") || "configuration"} ${i.message}`) };
}
