import { Link } from "@/app/i18n/navigation";
import { Fragment, type ReactNode } from "react";
import { withAsOf, type AsOf } from "@/lib/as-of";
import { useTranslations } from "next-intl";
import type { MessageKey } from "@/lib/translate";
import type { ReportCell, ReportDocument, ReportTable } from "@/lib/reports/document";
import { ParamErrors } from "@/app/components/as-of-banner";
import { RatingBadge } from "@/app/components/dashboard/rating-badge";
import { PrintButton } from "./print-button";

/**
 * A report (lib/reports) as one printable page: the same document the PDF draws. Its tables wrap rather than
 * scroll when printed (app/globals.css, `.report`), and the controls are left out of the print.
 */
export function ReportView({ report, asOf, pdfHref, breadcrumbs }: { report: ReportDocument; asOf: AsOf; pdfHref: string; breadcrumbs: ReactNode }) {
  const tm = useTranslations();
  const m = (key: MessageKey) => tm(key);
  return (
    <article className="report" lang={report.locale}>
      <p className="muted report-breadcrumbs">{breadcrumbs}</p>
      <h1>{report.title}</h1>
      <p className="lead">{report.subtitle}</p>
      {asOf.notice ? <ParamErrors notices={[asOf.notice]} /> : null}
      <p className="report-actions">
        <a href={pdfHref} className="button-link" download>
          {m("report.pdfLink")}
        </a>{" "}
        <PrintButton label={m("report.printButton")} />
      </p>
      <dl className="facts">
        {report.facts.map((f) => (
          <Fragment key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="report-citation">
        <strong>{m("report.citation")}:</strong> {report.citation}
      </p>
      {report.sections.map((s) => (
        <section key={s.id} aria-labelledby={`report-${s.id}`}>
          <h2 id={`report-${s.id}`}>{s.heading}</h2>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {s.table ? <Table table={s.table} asOf={asOf} /> : null}
          {s.notes.map((n, i) => (
            <p key={i} className="muted">
              {n}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}

function Table({ table, asOf }: { table: ReportTable; asOf: AsOf }) {
  return (
    <div className="table-scroll">
      <table className="report-table">
        <caption className="visually-hidden">{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={c.isNumeric ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    <Cell cell={c} asOf={asOf} />
                  </th>
                ) : (
                  <td key={j} className={table.columns[j]?.isNumeric ? "num" : undefined}>
                    <Cell cell={c} asOf={asOf} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ cell, asOf }: { cell: ReportCell; asOf: AsOf }) {
  if (cell.rating !== undefined && cell.rating !== null) return <RatingBadge rating={cell.rating} />;
  const text = cell.href ? (
    <Link href={withAsOf(cell.href, asOf)} lang={cell.lang}>
      {cell.text}
    </Link>
  ) : cell.lang ? (
    <span lang={cell.lang}>{cell.text}</span>
  ) : (
    cell.text
  );
  return (
    <>
      {text}
      {cell.note ? <span className="cell-note">{cell.note}</span> : null}
    </>
  );
}
