import { describe, expect, it } from "vitest";
import { can, ROLE_PERMISSIONS, type Action, type Actor } from "@/lib/policy";

const anonymous: Actor = { kind: "anonymous" };
const user = (role: "admin" | "editor" | "regulator" | "researcher", id = 1, memberStateCode: string | null = null): Actor => ({
  kind: "user",
  id,
  email: `${role}@x.eu`,
  name: role,
  role,
  memberStateCode,
});

const actors = {
  anonymous,
  researcher: user("researcher", 2),
  "regulator (own state)": user("regulator", 3, "FR"),
  "regulator (other state)": user("regulator", 4, "DE"),
  editor: user("editor", 5),
  admin: user("admin", 6),
} as const;

type Who = keyof typeof actors;
const ALL: Who[] = Object.keys(actors) as Who[];
const STAFF: Who[] = ["editor", "admin"];

/** The record in every case belongs to FR and was authored by the FR regulator (id 3). */
const RECORD = { stateCode: "FR", ownerId: 3 };

const EXPECTED: Record<Action, Who[]> = {
  "inventory.edit": STAFF,
  "reference.edit": STAFF,
  "eurlex.import": STAFF,
  "record.restore": STAFF,
  "record.history": ["researcher", "regulator (own state)", "regulator (other state)", "editor", "admin"],
  "submission.propose": ["regulator (own state)"],
  "submission.revise": ["regulator (own state)"],
  "submission.view": ["regulator (own state)", "editor", "admin"],
  "submission.review": STAFF,
  "token.manage": ["regulator (own state)", "regulator (other state)", "editor", "admin"],
  "account.change_password": ["researcher", "regulator (own state)", "regulator (other state)", "editor", "admin"],
  "user.manage": ["admin"],
  "audit.view": STAFF,
  "edition.publish": STAFF,
};

describe("the authorization matrix", () => {
  it("covers every action of the permission table", () => {
    const declared = new Set(Object.values(ROLE_PERMISSIONS).flat());
    for (const action of declared) expect(Object.keys(EXPECTED)).toContain(action);
  });

  for (const [action, allowed] of Object.entries(EXPECTED) as [Action, Who[]][]) {
    for (const who of ALL) {
      const verdict = allowed.includes(who);
      it(`${verdict ? "allows" : "denies"} ${action} to ${who}`, () => {
        expect(can(actors[who], action, RECORD)).toBe(verdict);
      });
    }
  }
});

describe("regulator scope", () => {
  const fr = actors["regulator (own state)"];
  it("is denied when the resource names no state (a missing state never widens access)", () => {
    expect(can(fr, "submission.propose", {})).toBe(false);
    expect(can(fr, "submission.propose", { stateCode: null })).toBe(false);
    expect(can(fr, "submission.view")).toBe(false);
  });
  it("cannot revise a submission of its state authored by someone else", () => {
    expect(can(fr, "submission.revise", { stateCode: "FR", ownerId: 99 })).toBe(false);
  });
  it("is denied for a regulator account that lost its state", () => {
    expect(can(user("regulator", 3, null), "submission.propose", { stateCode: "FR" })).toBe(false);
  });
});
