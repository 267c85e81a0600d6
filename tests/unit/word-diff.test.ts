import { describe, expect, it } from "vitest";
import { sideOf, wordDiff } from "@/lib/word-diff";

describe("wordDiff", () => {
  it("marks only the words that changed, keeping the text as written", () => {
    const parts = wordDiff("Loi n° 78-17 du 6 janvier 1978", "Loi n° 78-17 du 6 août 1978");
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["janvier"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["août"]);
    expect(
      sideOf(parts, "before")
        .map((p) => p.text)
        .join(""),
    ).toBe("Loi n° 78-17 du 6 janvier 1978");
    expect(
      sideOf(parts, "after")
        .map((p) => p.text)
        .join(""),
    ).toBe("Loi n° 78-17 du 6 août 1978");
  });

  it("shows a field filled or emptied as one whole", () => {
    expect(wordDiff("", "new note")).toEqual([{ text: "new note", kind: "added" }]);
    expect(wordDiff("old note", "")).toEqual([{ text: "old note", kind: "removed" }]);
    expect(wordDiff("", "")).toEqual([]);
    expect(wordDiff("same", "same")).toEqual([{ text: "same", kind: "same" }]);
  });

  it("compares very long texts as wholes, so a history page stays cheap", () => {
    const long = "word ".repeat(2_000);
    const parts = wordDiff(long, `${long}more`);
    expect(parts.map((p) => p.kind)).toEqual(["removed", "added"]);
  });
});
