"use client";
/**
 * The states × provisions heatmap of /gaps (30 × 50 cells at scale). A client
 * component, like the instrument page's grid, so that the page's RSC payload
 * carries each cell as a status code and a national provision instead of its
 * element tree; the HTML is still rendered on the server.
 */
import Link from "next/link";
import { STATUS_SYMBOL } from "../components/status-symbols";

export interface HeatmapColumn {
  id: number;
  label: string;
  heading: string;
  gap: string;
  href: string;
}

export interface HeatmapRow {
  code: string;
  name: string;
  gap: string;
  href: string;
  /** One per column: [status, national provision or ""]. */
  cells: [string, string][];
}

const SYMBOL: Record<string, string> = { ...STATUS_SYMBOL, not_due: "·" };

/** `hrefOf` cannot cross to the client: cell links follow /provisions/<id>?state=<code>, with `asOfSuffix` appended. */
export function ProvisionHeatmap({
  labelledBy,
  shortName,
  columns,
  rows,
  statusText,
  shortText,
  asOfSuffix,
}: {
  labelledBy: string;
  shortName: string;
  columns: HeatmapColumn[];
  rows: HeatmapRow[];
  statusText: Record<string, string>;
  shortText: Record<string, string>;
  asOfSuffix: string;
}) {
  return (
    <table className="heatmap" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Member State (gap)</th>
          {columns.map((c) => (
            <th scope="col" key={c.id} title={c.heading}>
              <Link href={c.href}>{c.label}</Link>
              <span className="gap-figure">gap {c.gap}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">
              <Link href={r.href}>{r.name}</Link> <span className="gap-figure">gap {r.gap}</span>
            </th>
            {r.cells.map(([status, nationalProvision], ci) => {
              const c = columns[ci]!;
              const description = `${r.name}, ${shortName} ${c.label}: ${statusText[status]}${nationalProvision ? `. National provision: ${nationalProvision}` : ""}`;
              return (
                <td key={c.id} className={`cell tstatus-${status}`}>
                  <Link href={`/provisions/${c.id}?state=${r.code}${asOfSuffix}`} aria-label={description}>
                    <span aria-hidden="true">
                      {SYMBOL[status]} {shortText[status]}
                    </span>
                  </Link>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
