/**
 * The server half of a browse table: turns the parsed view into the links the
 * client table needs (sort, column visibility, page size, pages), and renders
 * the row count and the pagination as plain links.
 */
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import { formatCount } from "@/lib/format";
import type { AsOf } from "@/lib/as-of";
import { columnMeta, type PlainValue } from "@/lib/table-types";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, tableHref, tableSearchParams, type TableQuery, type TableSpec } from "@/lib/table-state";
import { DataTable } from "./data-table";
import { useCellMarkup, type CellMarkup } from "./cell-markup";
import { html, type HtmlValue, type Markup } from "@/lib/html";
import { ClientMessages } from "@/app/i18n/client-messages-provider";

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
  /** The cells the page renders itself (links, badges), as markup built with `m`; any other column shows its plain `value` (db/tables/<noun>.ts). */
  cells: (row: Row, m: CellMarkup) => Record<string, HtmlValue>;
  rowHeader: string;
  emptyMessage: string;
}

export function BrowseTable<Row>(props: Props<Row>) {
  const { spec, query, asOf, hidden } = props;
  const t = useTranslations("table");
  const pages = useTranslations("pagination");
  const headers = useTranslations("tableColumns");
  const locale = useLocale();
  const m = useCellMarkup();
  const cellWords: CellWords = { yes: t("yes"), no: t("no"), none: m.muted() };
  // Column heads in the interface's language where the table's are translated ("tableColumns.<page>.<column id>"); the CSV keeps its ids.
  const group = spec.path.replace(/^\//, "");
  const headerOf = (id: string, english: string) => (headers.has(`${group}.${id}` as never) ? headers(`${group}.${id}` as never) : english);
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
    <section aria-label={t("results", { caption: props.caption })}>
      <p className="row-count" role="status">
        {isCapped
          ? t("moreThan", { count: formatCount(props.total, locale), noun: props.noun.many })
          : props.total === 0
            ? t("none", { noun: props.noun.many })
            : `${props.total} ${props.total === 1 ? props.noun.one : props.noun.many}`}
        {props.rows.length > 0 ? t("showing", { first, last }) : null}
        {!isCapped && query.page > pageCount && props.total > 0 ? t("pastLastPage", { page: query.page, last: pageCount }) : null}
        {isCapped && props.rows.length === 0 ? t("pastLastPageCapped", { page: query.page }) : null}
        {isCapped ? (
          <>
            {" "}
            {exactHref
              ? t.rich("countingStopsApi", {
                  count: formatCount(props.total, locale),
                  code: (chunks) => <code>{chunks}</code>,
                  api: (chunks) => <a href={exactHref}>{chunks}</a>,
                })
              : t("countingStops", { count: formatCount(props.total, locale) })}
          </>
        ) : null}
      </p>
      <ClientMessages namespaces={["table"]}>
        <DataTable
          caption={props.caption}
          columns={columnMeta(spec.columns).map((c) => ({ ...c, header: headerOf(c.id, c.header) }))}
          bodyHtml={bodyMarkup(spec.columns, props.rows, (r) => props.cells(r, m), hidden, props.rowHeader, cellWords).html}
          rowCount={props.rows.length}
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
        />
      </ClientMessages>
      {pageCount > 1 ? (
        <nav aria-label={t("pages")} className="pagination">
          <ul>
            <li>{query.page > 1 ? <Link href={href({ page: 1 })}>{pages("first")}</Link> : <span aria-disabled="true">{pages("first")}</span>}</li>
            <li>
              {query.page > 1 ? (
                <Link href={href({ page: Math.min(query.page - 1, pageCount) })} rel="prev">
                  {pages("previous")}
                </Link>
              ) : (
                <span aria-disabled="true">{pages("previous")}</span>
              )}
            </li>
            <li>
              {isCapped
                ? pages("pageOfMoreThan", { page: query.page, count: Math.floor(props.total / query.pageSize) })
                : pages("pageOf", { page: Math.min(query.page, pageCount), count: pageCount })}
            </li>
            <li>
              {query.page < pageCount ? (
                <Link href={href({ page: query.page + 1 })} rel="next">
                  {pages("next")}
                </Link>
              ) : (
                <span aria-disabled="true">{pages("next")}</span>
              )}
            </li>
            {isCapped ? null : (
              <li>
                {query.page < pageCount ? <Link href={href({ page: pageCount })}>{pages("last")}</Link> : <span aria-disabled="true">{pages("last")}</span>}
              </li>
            )}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}

/**
 * The rows of the shown columns only, as markup: a hidden column's cells would cross to the client in every row,
 * unshown (showing a column loads the page again). A column the page gives no cell for shows its value as in the CSV,
 * so a new column needs only its module.
 */
function bodyMarkup<Row>(
  columns: TableSpec<Row>["columns"],
  rows: readonly Row[],
  cellsOf: (row: Row) => Record<string, HtmlValue>,
  hidden: readonly string[],
  rowHeader: string,
  words: CellWords,
): Markup {
  const shown = columns.filter((c) => !hidden.includes(c.id));
  return html`${rows.map((row) => {
    const cells = cellsOf(row);
    return html`<tr>${shown.map((c) => {
      const content = c.id in cells ? cells[c.id]! : plainCell(c.value(row), words);
      return c.id === rowHeader ? html`<th scope="row">${content}</th>` : html`<td>${content}</td>`;
    })}</tr>`;
  })}`;
}

/** A plain cell's yes/no in the interface's language (the CSV keeps true/false), and the mark of nothing recorded. */
interface CellWords {
  yes: string;
  no: string;
  none: Markup;
}

function plainCell(value: PlainValue, words: CellWords): HtmlValue {
  if (value === null || value === "") return words.none;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  return String(value);
}
