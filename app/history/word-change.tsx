import { sideOf, wordDiff } from "@/lib/word-diff";

/** Two cells, before and after, with only the words that changed struck out and inserted. */
export function WordChange({ before, after, empty }: { before: string; after: string; empty: string }) {
  const parts = wordDiff(before, after);
  return (
    <>
      <td>
        {before ? (
          sideOf(parts, "before").map((p, i) => (p.kind === "removed" ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))
        ) : (
          <span className="muted">{empty}</span>
        )}
      </td>
      <td>
        {after ? (
          sideOf(parts, "after").map((p, i) => (p.kind === "added" ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.text}</span>))
        ) : (
          <span className="muted">{empty}</span>
        )}
      </td>
    </>
  );
}
