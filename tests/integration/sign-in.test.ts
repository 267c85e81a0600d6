import bcrypt from "bcryptjs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { checkPasswordSignIn, clientAddress } from "@/server/auth/sign-in";
import { clientAddressOf, CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import {
  delayAfter,
  describeWait,
  FIRST_DELAY_SECONDS,
  FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  FREE_FAILURES_PER_ADDRESS,
  MAX_DELAY_SECONDS,
  retryAfterSeconds,
} from "@/lib/auth/throttle";
import { freshDatabase } from "../helpers/db";

let handle: DbHandle;
const PASSWORD = "correct horse battery";

beforeAll(() => {
  handle = freshDatabase();
  const hash = bcrypt.hashSync(PASSWORD, 12);
  for (const email of ["ok@example.eu", "locked@example.eu", "gone@example.eu", "addr@example.eu"])
    handle.db
      .insert(users)
      .values({ email, name: email, role: "editor", passwordHash: hash, disabledAt: email.startsWith("gone") ? "2026-01-01T00:00:00Z" : null })
      .run();
  handle.db.insert(users).values({ email: "admin@example.eu", name: "Admin", role: "admin", passwordHash: hash }).run();
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
    expect(await checkPasswordSignIn(handle.db, { email: "ok@example.eu", password: "x".repeat(10_000) }, "10.0.0.4")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("slows an account's guesses from one address with growing waits, and never stops its owner signing in from another", async () => {
    const start = new Date("2026-12-06T10:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++)
      await checkPasswordSignIn(handle.db, { email: "locked@example.eu", password: `guess ${i}` }, "127.0.0.2", at(i));
    // The next attempt from that address waits 30 s after the last failure, even with the right password.
    const refused = await checkPasswordSignIn(handle.db, { email: "locked@example.eu", password: PASSWORD }, "127.0.0.2", at(3));
    expect(refused).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: FIRST_DELAY_SECONDS - 1 });
    // The owner, from another address, is not delayed at all.
    expect((await checkPasswordSignIn(handle.db, { email: "locked@example.eu", password: PASSWORD }, "127.0.0.1", at(3))).ok).toBe(true);
    // After the wait, one more guess; the wait then doubles.
    expect(await checkPasswordSignIn(handle.db, { email: "locked@example.eu", password: "guess 3" }, "127.0.0.2", at(2 + FIRST_DELAY_SECONDS))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await checkPasswordSignIn(handle.db, { email: "locked@example.eu", password: PASSWORD }, "127.0.0.2", at(3 + FIRST_DELAY_SECONDS))).toMatchObject({
      reason: "throttled",
      retryAfterSeconds: 2 * FIRST_DELAY_SECONDS - 1,
    });
    // And the right password from that address works once the wait is over.
    expect((await checkPasswordSignIn(handle.db, { email: "locked@example.eu", password: PASSWORD }, "127.0.0.2", at(2 + 3 * FIRST_DELAY_SECONDS))).ok).toBe(
      true,
    );
  }, 60_000);

  it("slows an address spraying made-up accounts without locking anyone out elsewhere", async () => {
    const now = new Date("2026-12-06T11:00:00Z");
    for (let i = 0; i < FREE_FAILURES_PER_ADDRESS; i++)
      await checkPasswordSignIn(handle.db, { email: `spray${i}@example.eu`, password: "guess" }, "203.0.113.9", now);
    expect(await checkPasswordSignIn(handle.db, { email: "admin@example.eu", password: PASSWORD }, "203.0.113.9", now)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect((await checkPasswordSignIn(handle.db, { email: "admin@example.eu", password: PASSWORD }, "198.51.100.1", now)).ok).toBe(true);
    expect(
      handle.db
        .select({ n: sql<number>`count(*)` })
        .from(auditEvents)
        .where(eq(auditEvents.action, "auth.sign_in_throttled"))
        .get()!.n,
    ).toBeGreaterThan(0);
  }, 60_000);
});

describe("the waits", () => {
  it("grow from 30 s, doubling, to at most 15 minutes, and say so in words", () => {
    expect([2, 3, 4, 5, 8, 20].map((n) => delayAfter(n, 3))).toEqual([0, 30, 60, 120, 900, MAX_DELAY_SECONDS]);
    const last = "2026-12-06T10:00:00.000Z";
    expect(retryAfterSeconds({ pair: 3, lastPairFailureAt: last, address: 3, lastAddressFailureAt: last }, new Date("2026-12-06T10:00:10Z"))).toBe(20);
    expect(retryAfterSeconds({ pair: 3, lastPairFailureAt: last, address: 3, lastAddressFailureAt: last }, new Date("2026-12-06T10:00:31Z"))).toBe(0);
    expect(describeWait(20)).toBe("20 seconds");
    expect(describeWait(61)).toBe("about 2 minutes");
  });
});

describe("the client address", () => {
  it("is the socket's peer, and behind a declared proxy the hop that proxy appended", () => {
    expect(clientAddressOf("::ffff:127.0.0.2", "203.0.113.5", false)).toBe("127.0.0.2");
    expect(clientAddressOf("::1", undefined, false)).toBe("::1");
    // A client-supplied first entry is not believed; the proxy's own entry is the last.
    expect(clientAddressOf("10.0.0.2", "198.51.100.7, 203.0.113.5", true)).toBe("203.0.113.5");
    expect(clientAddressOf("10.0.0.2", undefined, true)).toBe("10.0.0.2");
  });

  it("is read from the header the server sets, never guessed", () => {
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "127.0.0.2" })).toBe("127.0.0.2");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.5" })).toBe("unknown");
  });
});
