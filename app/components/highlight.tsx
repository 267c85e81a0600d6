import type { Segment } from "@/lib/search-text";

/** Matched words in <mark>, everything as text (segments are computed on the server; no HTML from data). */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.isMatch ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
