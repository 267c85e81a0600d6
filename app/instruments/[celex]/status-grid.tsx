"use client";
/**
 * The states × provisions grid of an instrument (30 × 50 cells at scale). A client component so that the
 * page's RSC payload carries one character per cell instead of every cell's element tree; the HTML is still
 * rendered on the server.
 */
import { Link } from "@/app/i18n/navigation";
import { transpositionStatuses } from "@/lib/vocabulary";
import { useTranslations } from "next-intl";
import { useLabel } from "@/app/i18n/vocabulary";

import { STATUS_SYMBOL } from "@/app/components/status-symbols";

/** The symbols of StatusBadge; the cell itself carries the status colour. */
const SYMBOL: Record<string, string> = STATUS_SYMBOL;

export interface GridColumn {
  id: number;
  href: string;
  text: string;
}

export interface GridRow {
  code: string;
  name: string;
  href: string;
  isMember: boolean;
}

/** `cells` holds, row by row, the index in `transpositionStatuses` of each state × provision status. */
export function StatusGrid({ labelledBy, columns, rows, cells }: { labelledBy: string; columns: GridColumn[]; rows: GridRow[]; cells: string }) {
  const t = useTranslations("instrument");
  const label = useLabel();
  return (
    <table aria-labelledby={labelledBy} className="grid-table">
      <thead>
        <tr>
          <th scope="col">{t("memberState")}</th>
          {columns.map((c) => (
            <th scope="col" key={c.id}>
              <Link href={c.href}>{c.text}</Link>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((s, r) => (
          <tr key={s.code}>
            <th scope="row">
              <Link href={s.href}>{s.code}</Link>
              <span className="visually-hidden"> {s.name}</span>
              {!s.isMember ? <span className="muted"> {t("notMemberThen")}</span> : null}
            </th>
            {columns.map((c, i) => {
              const status = transpositionStatuses[Number(cells[r * columns.length + i])] ?? "unknown";
              return (
                <td key={c.id} className={`tstatus-${status}`}>
                  <span aria-hidden="true">{SYMBOL[status]}</span>
                  <span className="visually-hidden">{label(status)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
