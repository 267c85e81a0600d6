/**
 * Word-level changes between two versions of a field, for history, restore and review pages: a
 * corrected date in a long title shows as that one word struck out and inserted, not the whole
 * title twice. Uses jsdiff's word diff (whitespace kept, so the text reads as written).
 */
import { diffWordsWithSpace } from "diff";

export interface WordPart {
  text: string;
  kind: "same" | "removed" | "added";
}

/** Texts longer than this are compared as wholes: a word diff of two long bodies costs more than it shows. */
const MAX_WORD_DIFF_LENGTH = 5_000;

export function wordDiff(before: string, after: string): WordPart[] {
  if (before === after) return before ? [{ text: before, kind: "same" }] : [];
  if (!before || !after || before.length + after.length > MAX_WORD_DIFF_LENGTH) {
    return [...(before ? [{ text: before, kind: "removed" as const }] : []), ...(after ? [{ text: after, kind: "added" as const }] : [])];
  }
  return diffWordsWithSpace(before, after).map((c) => ({ text: c.value, kind: c.added ? "added" : c.removed ? "removed" : "same" }));
}

/** The parts that make up one side: the old text (same + removed) or the new (same + added). */
export function sideOf(parts: WordPart[], side: "before" | "after"): WordPart[] {
  return parts.filter((p) => p.kind === "same" || p.kind === (side === "before" ? "removed" : "added"));
}
