import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { FIELD_LABELS } from "@/lib/eurlex/plan";

describe("the EUR-Lex preview's field names", () => {
  it("are in English what the command-line import (FIELD_LABELS) says", () => {
    const byField = Object.fromEntries(
      Object.entries(en.eurlex)
        .filter(([key]) => key.startsWith("field"))
        .map(([key, text]) => [key.slice("field".length).replace(/^./, (c) => c.toLowerCase()), text]),
    );
    expect(byField).toEqual(FIELD_LABELS);
  });
});
