import { label } from "@/lib/vocabulary";

/** A symbol as well as a colour for each transposition status, so status is never told by colour alone. */
const SYMBOL: Record<string, string> = { full: "●", partial: "◐", not_transposed: "○", non_conforming: "✕", not_applicable: "–", unknown: "?" };

export function StatusBadge({ status, short = false }: { status: string; short?: boolean }) {
  return (
    <span className={`badge tstatus-${status}`} title={short ? label(status) : undefined}>
      <span aria-hidden="true">{SYMBOL[status] ?? "?"} </span>
      {short ? <span className="visually-hidden">{label(status)}</span> : label(status)}
    </span>
  );
}
