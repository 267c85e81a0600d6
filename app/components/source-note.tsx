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

/**
 * The act's own page as its primary source: named as such, without a verification badge — the record beside it
 * carries its own state, and a badge here would read as a doubt about EUR-Lex. The source's note says what was confirmed.
 */
export function PrimarySourceNote({ source }: { source: { url: string | null; title: string; retrievedOn: string } }) {
  return (
    <span>
      {source.url ? <ExternalLink href={source.url}>EUR-Lex, the act&apos;s own page</ExternalLink> : "EUR-Lex"}{" "}
      <span className="muted">
        · primary source (official journal) · retrieved <time dateTime={source.retrievedOn}>{source.retrievedOn}</time>
      </span>
    </span>
  );
}

/** Where a fact came from, how it was established and whether it was verified. */
export function SourceNote({
  source,
  prefix = "Source: ",
}: {
  source: { url: string | null; document: string | null; title: string; retrievedOn: string; method: string; kind?: string | null; verification: string };
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
