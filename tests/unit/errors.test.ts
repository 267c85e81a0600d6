import { describe, expect, it } from "vitest";
import * as errors from "@/lib/errors";
import { problemFromError } from "@/server/problem";

const examples: errors.InventoryError[] = [
  new errors.ForbiddenError("record.restore"),
  new errors.ConflictError("national_measure", 7, { id: 7, version: 3 }),
  new errors.NotFoundError("transposition", 12),
  new errors.InvalidReferenceError("measureKeys", "No measure fr-x."),
  new errors.OutOfScopeError("stateCode", "Only your own Member State."),
  new errors.SubmissionConflictError([{ index: 1, field: "changes.1.baseVersion", message: "Changed meanwhile." }]),
  new errors.IdempotencyKeyReuseError(42),
  new errors.SubmissionStatusError("approved", "Already approved."),
  new errors.EditionReadOnlyError("2026-H2"),
  new errors.EditionPublishConflictError(),
];

describe("the error vocabulary", () => {
  it("has one example per error class, so a new class is mapped here too", () => {
    const classes = Object.values(errors).filter((v) => typeof v === "function" && v.prototype instanceof errors.InventoryError);
    const names = (list: { name: string }[]) => list.map((c) => c.name).sort();
    expect(names(examples.map((e) => e.constructor))).toEqual(names(classes));
  });

  it("answers each as problem+json with its own status, detail and fields", async () => {
    for (const error of examples) {
      const response = problemFromError(error, "req-1");
      expect(response.status, error.name).toBe(error.httpStatus);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const body = (await response.json()) as { detail: string; errors?: Record<string, string[]>; requestId: string };
      expect(body.detail).toBe(error.problemDetail);
      expect(body.errors).toEqual(error.fieldMessages);
      expect(body.requestId).toBe("req-1");
    }
    expect(((await problemFromError(new errors.IdempotencyKeyReuseError(42), "r").json()) as { submissionId: number }).submissionId).toBe(42);
  });

  it("answers anything else 500 without its message", async () => {
    const response = problemFromError(new Error("SQLITE_CORRUPT: secret path /var/db"), "req-2");
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret");
  });

  it("says what a person reads on a form, in words", () => {
    expect(new errors.ForbiddenError("record.restore").userMessage).toBe("You are not allowed to do this.");
    expect(new errors.ConflictError("submission", 3, {}).userMessage).toMatch(/Reload it/);
    expect(new errors.IdempotencyKeyReuseError(42).userMessage).toMatch(/submission #42/);
  });
});
