import { useLabel } from "@/app/i18n/vocabulary";
import { STATUS_SYMBOL as SYMBOL } from "./status-symbols";

export function StatusBadge({ status, short = false }: { status: string; short?: boolean }) {
  const label = useLabel();
  return (
    <span className={`badge tstatus-${status}`} title={short ? label(status) : undefined}>
      <span aria-hidden="true">{(SYMBOL as Record<string, string>)[status] ?? "?"} </span>
      {short ? <span className="visually-hidden">{label(status)}</span> : label(status)}
    </span>
  );
}
