import { describe, expect, it } from "vitest";
import { RESTORE_REASON_MAX, restoreInput } from "@/lib/validation/restore";

describe("restoreInput", () => {
  const base = { entity: "national_measure", eventId: "12", currentVersion: "3" };

  it("wants a reason, kept for the audit trail", () => {
    expect(restoreInput.safeParse(base).success).toBe(false);
    expect(restoreInput.safeParse({ ...base, reason: "   " }).success).toBe(false);
    expect(restoreInput.safeParse({ ...base, reason: "x".repeat(RESTORE_REASON_MAX + 1) }).success).toBe(false);
    expect(restoreInput.parse({ ...base, reason: "deleted by mistake" })).toEqual({
      entity: "national_measure",
      eventId: 12,
      currentVersion: 3,
      reason: "deleted by mistake",
    });
  });

  it("restores a deleted record without a current version, and refuses other record types and extra fields", () => {
    expect(restoreInput.parse({ ...base, currentVersion: "", reason: "r" }).currentVersion).toBeUndefined();
    expect(restoreInput.safeParse({ ...base, entity: "user", reason: "r" }).success).toBe(false);
    expect(restoreInput.safeParse({ ...base, reason: "r", role: "admin" }).success).toBe(false);
  });
});
