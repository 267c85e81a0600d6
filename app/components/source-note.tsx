import { label } from "@/lib/vocabulary";
import { ExternalLink } from "./external-link";

export function VerificationBadge({ state }: { state: string }) {
  return <span className={`badge ${state}`}>{label(state)}</span>;
}

/** Where a fact came from, how it was established and whether it was verified. */
export function SourceNote({ source, prefix = "Source: " }: { source: { url: string | null; document: string | null; title: string; retrievedOn: string; method: string; verification: string };
  prefix?: string;
}) {
  return (
    <span className="muted">
      {prefix}
      {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : source.title}
      {source.document && source.url ? ` (${source.document})` : source.document && !source.url ? ` — ${source.document}` : null} · {label(source.method)} · retrieved{" "}
      <time dateTime={source.retrievedOn}>{source.retrievedOn}</time> · <VerificationBadge state={source.verification} />
    </span>
  );
}
