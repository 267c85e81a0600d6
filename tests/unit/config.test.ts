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
});
