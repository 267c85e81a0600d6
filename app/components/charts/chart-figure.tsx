import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, type Locale } from "@/lib/format";
import type { ChartTable } from "@/lib/charts";
import { ChartExport } from "./chart-export";
import { ClientMessages } from "@/app/i18n/client-messages-provider";

/**
 * One chart with its title, caption (how it is computed), accessible data
 * table and CSV download: the table lists exactly the rows the chart draws,
 * and the CSV route serves the same rows. Beside the CSV, the drawing itself as
 * SVG and PNG with its title, date and source line (chart-export.tsx).
 */
/** A value of the data table as the language writes it; English keeps what the CSV writes, so the two read alike. */
function cellText(value: string | number | null, kind: "text" | "number" | "date", locale: Locale): string {
  if (value === null) return "";
  if (locale === "en") return String(value);
  if (kind === "number" && typeof value === "number") return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
  if (kind === "date" && typeof value === "string") return formatDate(value, locale);
  return String(value);
}

export function ChartFigure({ table, csvHref, version, children }: { table: ChartTable; csvHref: string; version: string; children: ReactNode }) {
  const t = useTranslations("charts");
  const locale = useLocale();
  const headingId = `chart-${table.id}-heading`;
  return (
    <section className="chart" aria-labelledby={headingId} id={`chart-${table.id}`}>
      <h2 id={headingId}>{table.title}</h2>
      {table.emptyMessage ? (
        <p className="notice" role="status">
          {table.emptyMessage}
        </p>
      ) : (
        <div className="chart-drawing" aria-hidden="true" id={`chart-${table.id}-drawing`}>
          {children}
        </div>
      )}
      <p className="chart-caption">{table.caption}</p>
      <p className="chart-downloads">
        <a href={csvHref} download>
          {t("downloadCsv")}
          <span className="visually-hidden">: {table.title}</span>
        </a>
        {table.emptyMessage ? null : (
          <>
            {" "}
            <ClientMessages namespaces={["chartExport"]}>
              <ChartExport drawingId={`chart-${table.id}-drawing`} fileId={table.id} title={table.title} date={table.asOf} version={version} />
            </ClientMessages>
          </>
        )}
      </p>
      <details>
        <summary>
          {t("dataTable")}
          <span className="visually-hidden">: {table.title}</span>
        </summary>
        <div className="table-scroll">
          <table className="chart-data" aria-label={t("dataLabel", { title: table.title })}>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th scope="col" key={c.key} className={c.kind === "number" ? "num" : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {table.columns.map((c, j) => {
                    const text = cellText(row[c.key] ?? null, c.kind, locale);
                    return j === 0 ? (
                      <th scope="row" key={c.key}>
                        {text}
                      </th>
                    ) : (
                      <td key={c.key} className={c.kind === "number" ? "num" : undefined}>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
