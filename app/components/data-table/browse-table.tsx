/**
 * The server half of a browse table: turns the parsed view into the links the
 * client table needs (sort, column visibility, page size, pages), and renders
 * the row count and the pagination as plain links.
 */
import { Link } from "@/app/i18n/navigation";
import type { ReactNode } from "react";
import type { AsOf } from "@/lib/as-of";
import { columnMeta, type PlainValue } from "@/lib/table-types";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, tableHref, tableSearchParams, type TableQuery, type TableSpec } from "@/lib/table-state";
import { DataTable } from "./data-table";

interface Props<Row> {
  spec: TableSpec<Row>;
  query: TableQuery;
  asOf: AsOf;
  hidden: string[];
  rows: Row[];
  total: number;
  /** True when counting stopped at `total` (COUNT_CAP) and more rows match: the count says "more than", the exact figure is the JSON API's `count`. */
  totalIsCapped?: boolean;
  /** The JSON API endpoint of the table (e.g. `/api/v1/transpositions`), linked for the exact count when the total is capped. */
  apiPath?: string;
  caption: string;
  noun: { one: string; many: string };
  rowId: (row: Row) => string;
  /** The cells the page renders itself (links, badges); any other column shows its plain `value` (db/tables/<noun>.ts). */
  cells: (row: Row) => Record<string, ReactNode>;
  rowHeader: string;
  emptyMessage: string;
}

export function BrowseTable<Row>(props: Props<Row>) {
  const { spec, query, asOf, hidden } = props;
  const href = (patch: Partial<TableQuery>, hiddenPatch?: string[]) => tableHref(spec, query, asOf, hidden, patch, hiddenPatch);
  const isCapped = props.totalIsCapped === true;
  // A capped count knows only that more rows follow: Next stays while the page is full, Last is not offered.
  const pageCount = isCapped ? Math.max(query.page + (props.rows.length === query.pageSize ? 1 : 0), 1) : Math.max(1, Math.ceil(props.total / query.pageSize));
  const sortHrefs = Object.fromEntries(
    spec.columns
      .filter((c) => c.sortSql !== undefined)
      .map((c) => [c.id, href({ sort: { id: c.id, desc: query.sort.id === c.id ? !query.sort.desc : false }, page: 1 })]),
  );
  const visibilityHrefs = Object.fromEntries(
    spec.columns.map((c) => [c.id, href({}, hidden.includes(c.id) ? hidden.filter((h) => h !== c.id) : [...hidden, c.id])]),
  );
  const sizes = [...new Set([...PAGE_SIZES, query.pageSize])].sort((a, b) => a - b);
  const pageSizeHrefs = Object.fromEntries(sizes.map((s) => [String(s), href({ pageSize: s, page: 1 })]));
  const first = props.total === 0 ? 0 : (query.page - 1) * query.pageSize + 1;
  const last = isCapped ? first + props.rows.length - 1 : Math.min(props.total, query.page * query.pageSize);
  const exactHref = props.apiPath
    ? `${props.apiPath}?${new URLSearchParams([...tableSearchParams(spec, { ...query, page: 1, pageSize: DEFAULT_PAGE_SIZE }, asOf, hidden)].filter(([k]) => k !== "hide" && k !== "sort"))}`
    : null;

  return (
    <section aria-label={`${props.caption}: results`}>
      <p className="row-count" role="status">
        {isCapped
          ? `More than ${props.total.toLocaleString("en")} ${props.noun.many}`
          : props.total === 0
            ? `No ${props.noun.many}`
            : `${props.total} ${props.total === 1 ? props.noun.one : props.noun.many}`}
        {props.rows.length > 0 ? `, showing ${first}–${last}` : null}
        {!isCapped && query.page > pageCount && props.total > 0 ? ` (page ${query.page} is past the last page, ${pageCount})` : null}
        {isCapped && props.rows.length === 0 ? ` (page ${query.page} is past the last page)` : null}
        {isCapped ? (
          <>
            {" "}
            (counting stops at {props.total.toLocaleString("en")}
            {exactHref ? (
              <>
                ; the exact number is the <code>count</code> of <a href={exactHref}>the JSON API for this view</a>
              </>
            ) : null}
            )
          </>
        ) : null}
      </p>
      <DataTable
        caption={props.caption}
        columns={columnMeta(spec.columns)}
        rows={props.rows.map((r) => ({ id: props.rowId(r), cells: shownCells(spec.columns, r, props.cells(r), hidden) }))}
        total={props.total}
        pageCount={pageCount}
        pageIndex={query.page - 1}
        pageSize={query.pageSize}
        sort={query.sort}
        hidden={hidden}
        sortHrefs={sortHrefs}
        visibilityHrefs={visibilityHrefs}
        pageSizeHrefs={pageSizeHrefs}
        emptyMessage={props.emptyMessage}
        rowHeader={props.rowHeader}
      />
      {pageCount > 1 ? (
        <nav aria-label="Pages" className="pagination">
          <ul>
            <li>{query.page > 1 ? <Link href={href({ page: 1 })}>First</Link> : <span aria-disabled="true">First</span>}</li>
            <li>
              {query.page > 1 ? (
                <Link href={href({ page: Math.min(query.page - 1, pageCount) })} rel="prev">
                  Previous
                </Link>
              ) : (
                <span aria-disabled="true">Previous</span>
              )}
            </li>
            <li>
              {isCapped
                ? `Page ${query.page} of more than ${Math.floor(props.total / query.pageSize)}`
                : `Page ${Math.min(query.page, pageCount)} of ${pageCount}`}
            </li>
            <li>
              {query.page < pageCount ? (
                <Link href={href({ page: query.page + 1 })} rel="next">
                  Next
                </Link>
              ) : (
                <span aria-disabled="true">Next</span>
              )}
            </li>
            {isCapped ? null : <li>{query.page < pageCount ? <Link href={href({ page: pageCount })}>Last</Link> : <span aria-disabled="true">Last</span>}</li>}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}

/**
 * The cells of the shown columns only: a hidden column's cells would cross to the client in every row, unrendered (showing a column loads the page again).
 * A column the page gives no cell for shows its value as in the CSV, so a new column needs only its module.
 */
function shownCells<Row>(columns: TableSpec<Row>["columns"], row: Row, cells: Record<string, ReactNode>, hidden: readonly string[]): Record<string, ReactNode> {
  const out: Record<string, ReactNode> = {};
  for (const c of columns) {
    if (hidden.includes(c.id)) continue;
    out[c.id] = c.id in cells ? cells[c.id] : plainCell(c.value(row));
  }
  return out;
}

function plainCell(value: PlainValue): ReactNode {
  if (value === null || value === "") return <span className="muted">—</span>;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}
