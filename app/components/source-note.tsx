import { label } from "@/lib/vocabulary";
import { ExternalLink } from "./external-link";

export function VerificationBadge({ state }: { state: string }) {
  return <span className={`badge ${state}`}>{label(state)}</span>;
}

/** Who published a source, as a reader weighs it (lib/vocabulary.ts sourceKinds). */
const SOURCE_KIND_TEXT: Record<string, string> = {
  official_journal: "official journal or legal database",
  government: "government, parliament or national agency",
  commission: "European Commission",
  court: "court",
  dpa: "data-protection authority",
  commentary: "commentary (not an official source)",
};

/** Where a fact came from, how it was established and whether it was verified. */
export function SourceNote({ source, prefix = "Source: " }: { source: { url: string | null; document: string | null; title: string; retrievedOn: string; method: string; kind?: string | null; verification: string };
  prefix?: string;
}) {
  return (
    <span className="muted">
      {prefix}
      {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : source.title}
      {source.document && source.url ? ` (${source.document})` : source.document && !source.url ? ` — ${source.document}` : null} · {label(source.method)}
      {source.kind ? ` · ${SOURCE_KIND_TEXT[source.kind] ?? label(source.kind)}` : null} · retrieved{" "}
      <time dateTime={source.retrievedOn}>{source.retrievedOn}</time> · <VerificationBadge state={source.verification} />
    </span>
  );
}
