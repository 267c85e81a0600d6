"use client";
/**
 * A browse table driven by the server: the rows arrive sorted, filtered and
 * paged by SQL, as the body's markup the server built (./browse-table.tsx);
 * this component renders the columns with @tanstack/react-table and turns
 * header clicks, column toggles and the page size into URL changes
 * (router.push with the query string the server prepared), so the view lives
 * in the URL and back/forward work.
 */
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from "@tanstack/react-table";
// The locale-aware router: the hrefs the server prepared are unprefixed, and it puts the interface's language on them.
import { useRouter } from "@/app/i18n/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useTransition } from "react";
import type { ColumnMeta } from "@/lib/table-types";

export interface DataTableProps {
  caption: string;
  columns: ColumnMeta[];
  /** The rows shown, as `<tr>` markup escaped on the server (lib/html.ts), the row header a `<th scope="row">`. */
  bodyHtml: string;
  rowCount: number;
  total: number;
  pageCount: number;
  pageIndex: number;
  pageSize: number;
  sort: { id: string; desc: boolean };
  hidden: string[];
  /** The URL to open when a header is activated (toggles the direction on the current sort column). */
  sortHrefs: Record<string, string>;
  /** The URL that toggles each column's visibility. */
  visibilityHrefs: Record<string, string>;
  pageSizeHrefs: Record<string, string>;
  emptyMessage: string;
}

/** The rows are the server's markup: tanstack keeps the columns (headers, sorting, visibility) and no row model. */
const NO_ROWS: never[] = [];

export function DataTable(props: DataTableProps) {
  const t = useTranslations("table");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const go = (href: string | undefined) => {
    if (href) startTransition(() => router.push(href, { scroll: false }));
  };

  const columns = useMemo<ColumnDef<never>[]>(() => props.columns.map((c) => ({ id: c.id, header: c.header, enableSorting: c.sortable })), [props.columns]);
  // Sortability comes from the column specs (an allow-list on the server), not from tanstack's accessor-based guess.
  const sortable = new Set(props.columns.filter((c) => c.sortable).map((c) => c.id));
  const columnVisibility: VisibilityState = Object.fromEntries(props.columns.map((c) => [c.id, !props.hidden.includes(c.id)]));
  // The table object is rebuilt from props on every render; nothing here relies on memoising it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: NO_ROWS,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    pageCount: props.pageCount,
    rowCount: props.total,
    state: { sorting: [props.sort], columnVisibility, pagination: { pageIndex: props.pageIndex, pageSize: props.pageSize } },
    onSortingChange: () => {},
  });

  return (
    <div className="data-table" aria-busy={isPending}>
      <div className="table-toolbar">
        <details className="column-menu">
          <summary>{t("columns")}</summary>
          <fieldset>
            <legend>{t("showColumns")}</legend>
            {table.getAllLeafColumns().map((column) => (
              <label key={column.id}>
                <input type="checkbox" checked={column.getIsVisible()} onChange={() => go(props.visibilityHrefs[column.id])} />{" "}
                {String(column.columnDef.header)}
              </label>
            ))}
          </fieldset>
        </details>
        <label className="page-size">
          {t("rowsPerPage")}{" "}
          <select value={String(props.pageSize)} onChange={(e) => go(props.pageSizeHrefs[e.target.value])}>
            {Object.keys(props.pageSizeHrefs).map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        {isPending ? (
          <span className="muted" role="status">
            {t("loading")}
          </span>
        ) : null}
      </div>
      <div className="table-scroll">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                      {sortable.has(header.column.id) ? (
                        <button type="button" className="sort-button" onClick={() => go(props.sortHrefs[header.column.id])}>
                          {label}
                          <span aria-hidden="true" className="sort-mark">
                            {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}
                          </span>
                          <span className="visually-hidden">
                            {t(sorted === "asc" ? "sortedAscending" : sorted === "desc" ? "sortedDescending" : "sortable")}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {props.rowCount === 0 ? (
            <tbody>
              <tr>
                <td colSpan={Math.max(1, table.getVisibleLeafColumns().length)}>{props.emptyMessage}</td>
              </tr>
            </tbody>
          ) : (
            <tbody dangerouslySetInnerHTML={{ __html: props.bodyHtml }} />
          )}
        </table>
      </div>
    </div>
  );
}
