import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { message, messageKeys, messageParts } from "@/lib/messages";

/** The source files of the interface, where message keys are used. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("the message catalogue", () => {
  it("fills placeholders, and splits a message for elements", () => {
    expect(message("notificationCounts.transposedFrom", { date: "2004-08-06", basis: "date inferred" })).toBe(
      "counts as transposed from 2004-08-06 (date inferred)",
    );
    expect(messageParts("notificationCounts.completeOnlyFrom")).toEqual([
      "complete only from ",
      { placeholder: "date" },
      ": counts as not transposed on ",
      { placeholder: "asOf" },
    ]);
  });

  it("has no unused key, and the interface uses no key it lacks", () => {
    const code = ["app", "lib", "server", "db"]
      .flatMap(sources)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const keys = new Set(messageKeys());
    for (const key of keys) expect(code.includes(`"${key}"`), `unused message ${key}`).toBe(true);
    const used = [...code.matchAll(/(?:id|message\()=?\{?\s*"([a-zA-Z]+\.[a-zA-Z]+)"/g)].map((m) => m[1]!).filter((k) => k.startsWith("notificationCounts."));
    for (const key of used) expect(keys.has(key as never), `missing message ${key}`).toBe(true);
  });
});
