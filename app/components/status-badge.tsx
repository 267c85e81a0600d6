import { label } from "@/lib/vocabulary";
import { STATUS_SYMBOL as SYMBOL } from "./status-symbols";

export function StatusBadge({ status, short = false }: { status: string; short?: boolean }) {
  return (
    <span className={`badge tstatus-${status}`} title={short ? label(status) : undefined}>
      <span aria-hidden="true">{(SYMBOL as Record<string, string>)[status] ?? "?"} </span>
      {short ? <span className="visually-hidden">{label(status)}</span> : label(status)}
    </span>
  );
}
