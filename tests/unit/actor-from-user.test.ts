import { describe, expect, it } from "vitest";
import { actorFromUser } from "@/server/auth/actor-from-user";
import { SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-lifetime";
import type { PublicUser } from "@/db/queries/users";

const base: PublicUser = {
  id: 7,
  email: "e@x.eu",
  name: "E",
  role: "editor",
  memberStateCode: null,
  isDemo: false,
  disabledAt: null,
  sessionsValidAfter: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  version: 1,
};
const signedIn = Date.parse("2026-12-01T09:00:00.000Z");

describe("a session", () => {
  it("stands for an active user and carries the role from the database", () => {
    expect(actorFromUser({ ...base, role: "admin" }, signedIn, signedIn + 1000)).toMatchObject({ kind: "user", id: 7, role: "admin" });
  });
  it("ends when the account is deactivated or deleted", () => {
    expect(actorFromUser({ ...base, disabledAt: "2026-12-01T10:00:00.000Z" }, signedIn, signedIn + 1000).kind).toBe("anonymous");
    expect(actorFromUser(undefined, signedIn, signedIn + 1000).kind).toBe("anonymous");
  });
  it("ends when the sessions were revoked after it started (sign-out, password change)", () => {
    expect(actorFromUser({ ...base, sessionsValidAfter: "2026-12-01T09:30:00.000Z" }, signedIn, signedIn + 3600_000).kind).toBe("anonymous");
    expect(actorFromUser({ ...base, sessionsValidAfter: "2026-12-01T08:59:59.999Z" }, signedIn, signedIn + 1000).kind).toBe("user");
  });
  it("expires a fixed time after sign-in however active it is", () => {
    expect(actorFromUser(base, signedIn, signedIn + SESSION_ABSOLUTE_SECONDS * 1000 - 1).kind).toBe("user");
    expect(actorFromUser(base, signedIn, signedIn + SESSION_ABSOLUTE_SECONDS * 1000 + 1).kind).toBe("anonymous");
  });
});
