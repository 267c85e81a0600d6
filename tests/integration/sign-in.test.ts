import bcrypt from "bcryptjs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { checkPasswordSignIn, clientAddress } from "@/lib/auth/sign-in";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/throttle";
import { freshDatabase } from "../helpers/db";

let handle: DbHandle;
const PASSWORD = "correct horse battery";

beforeAll(() => {
  handle = freshDatabase();
  const hash = bcrypt.hashSync(PASSWORD, 12);
  for (const email of ["ok@example.eu", "locked@example.eu", "gone@example.eu", "addr@example.eu"])
    handle.db.insert(users).values({ email, name: email, role: "editor", passwordHash: hash, disabledAt: email.startsWith("gone") ? "2026-01-01T00:00:00Z" : null }).run();
});

describe("signing in with a password", () => {
  it("accepts the right password and audits the sign-in without the password", async () => {
    const result = await checkPasswordSignIn(handle.db, { email: " OK@example.eu ", password: PASSWORD }, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email: "ok@example.eu" } });
    const events = handle.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in")).all();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it("gives the same answer, in similar time, for an unknown email and a wrong password", async () => {
    const t0 = performance.now();
    const unknown = await checkPasswordSignIn(handle.db, { email: "nobody@example.eu", password: PASSWORD }, "10.0.0.2");
    const t1 = performance.now();
    const wrong = await checkPasswordSignIn(handle.db, { email: "ok@example.eu", password: "wrong password" }, "10.0.0.2");
    const t2 = performance.now();
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    // Both run one bcrypt comparison at cost 12; neither returns early.
    expect(t1 - t0).toBeGreaterThan(50);
    expect(t2 - t1).toBeGreaterThan(50);
  });

  it("refuses a deactivated account", async () => {
    expect(await checkPasswordSignIn(handle.db, { email: "gone@example.eu", password: PASSWORD }, "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses malformed input without touching the database", async () => {
    expect(await checkPasswordSignIn(handle.db, { email: "not an email", password: "x" }, "10.0.0.4")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkPasswordSignIn(handle.db, { email: "ok@example.eu", password: "x".repeat(10_000) }, "10.0.0.4")).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an account after repeated failures, even for the right password", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await checkPasswordSignIn(handle.db, { email: "locked@example.eu", password: `guess ${i}` }, `10.1.0.${i}`);
    expect(await checkPasswordSignIn(handle.db, { email: "locked@example.eu", password: PASSWORD }, "10.1.1.1")).toEqual({ ok: false, reason: "throttled" });
    // …until the window has passed.
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await checkPasswordSignIn(handle.db, { email: "locked@example.eu", password: PASSWORD }, "10.1.1.1", later)).ok).toBe(true);
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await checkPasswordSignIn(handle.db, { email: `spray${i}@example.eu`, password: "guess" }, "203.0.113.9");
    expect(await checkPasswordSignIn(handle.db, { email: "addr@example.eu", password: PASSWORD }, "203.0.113.9")).toEqual({ ok: false, reason: "throttled" });
    expect((await checkPasswordSignIn(handle.db, { email: "addr@example.eu", password: PASSWORD }, "198.51.100.1")).ok).toBe(true);
    expect(handle.db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_throttled")).get()!.n).toBeGreaterThan(0);
  }, 60_000);
});

describe("the client address", () => {
  it("believes X-Forwarded-For only behind a declared proxy", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }, {})).toBe("direct");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }, { TRUST_PROXY: "1" })).toBe("203.0.113.5");
  });
});
