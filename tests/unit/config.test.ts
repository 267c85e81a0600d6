import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

describe("start-up configuration", () => {
  it("needs nothing in development", () => {
    expect(parseConfig({})).toMatchObject({ ok: true, config: { NODE_ENV: "development", PORT: 3000 } });
  });

  it("refuses production without a secret and site URL, one line per variable", () => {
    const result = parseConfig({ NODE_ENV: "production" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      "AUTH_SECRET is required in production (generate one with: openssl rand -base64 32)",
      "NEXTAUTH_URL is required in production: the public https URL of the site",
    ]);
  });

  it("names each bad value", () => {
    const result = parseConfig({ NODE_ENV: "production", AUTH_SECRET: "short", NEXTAUTH_URL: "not a url", PORT: "http", BACKUP_INTERVAL_HOURS: "6" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(expect.arrayContaining([expect.stringMatching(/^PORT /), expect.stringMatching(/^NEXTAUTH_URL must be a full URL/)]));
  });

  it("accepts a complete production configuration", () => {
    const result = parseConfig({
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(44),
      NEXTAUTH_URL: "https://nis.example.eu",
      BACKUP_DIR: "/var/backups/nis",
      BACKUP_INTERVAL_HOURS: "24",
      BACKUP_KEEP: "14",
    });
    expect(result).toMatchObject({ ok: true, config: { BACKUP_INTERVAL_HOURS: 24, BACKUP_KEEP: 14 } });
  });

  it("refuses a server count or response cache setting that is not a number in range, instead of quietly falling back", () => {
    const result = parseConfig({ WEB_CONCURRENCY: "many", RESPONSE_CACHE_BYTES: "-1", RESPONSE_CACHE_S_MAXAGE: "0" });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    for (const name of ["WEB_CONCURRENCY", "RESPONSE_CACHE_BYTES", "RESPONSE_CACHE_S_MAXAGE"]) expect(errors.some((e) => e.startsWith(name))).toBe(true);
    expect(parseConfig({ WEB_CONCURRENCY: "2", RESPONSE_CACHE_BYTES: "0", RESPONSE_CACHE_S_MAXAGE: "5" })).toMatchObject({
      ok: true,
      config: { WEB_CONCURRENCY: 2, RESPONSE_CACHE_BYTES: 0, RESPONSE_CACHE_S_MAXAGE: 5 },
    });
  });
});
