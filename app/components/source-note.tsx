import { useTranslations } from "next-intl";
import { useLabel } from "@/app/i18n/vocabulary";
import { DateText } from "./date-text";
import { ExternalLink } from "./external-link";

export function VerificationBadge({ state }: { state: string }) {
  const label = useLabel();
  return <span className={`badge ${state}`}>{label(state)}</span>;
}

/**
 * The act's own page as its primary source: named as such, without a verification badge — the record beside it
 * carries its own state, and a badge here would read as a doubt about EUR-Lex. The source's note says what was confirmed.
 */
export function PrimarySourceNote({ source }: { source: { url: string | null; title: string; retrievedOn: string } }) {
  const t = useTranslations("source");
  return (
    <span>
      {source.url ? <ExternalLink href={source.url}>{t("actPage")}</ExternalLink> : "EUR-Lex"}{" "}
      <span className="muted">{t.rich("primary", { date: () => <DateText value={source.retrievedOn} /> })}</span>
    </span>
  );
}

/** Where a fact came from, how it was established and whether it was verified. */
export function SourceNote({
  source,
  prefix,
}: {
  source: { url: string | null; document: string | null; title: string; retrievedOn: string; method: string; kind?: string | null; verification: string };
  prefix?: string;
}) {
  const t = useTranslations("source");
  const label = useLabel();
  return (
    <span className="muted">
      {prefix ?? t("prefix")}
      {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : source.title}
      {source.document && source.url ? ` (${source.document})` : source.document && !source.url ? ` — ${source.document}` : null} · {label(source.method)}
      {source.kind ? ` · ${t.has(`kind.${source.kind}` as never) ? t(`kind.${source.kind}` as never) : label(source.kind)}` : null} ·{" "}
      {t.rich("retrieved", { date: () => <DateText value={source.retrievedOn} /> })} · <VerificationBadge state={source.verification} />
    </span>
  );
}
