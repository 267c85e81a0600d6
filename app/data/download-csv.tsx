/** "Download CSV" for a table page: the export URL with the view's own query string (filters, as-of, sort). */
import { useTranslations } from "next-intl";
import type { AsOf } from "@/lib/as-of";
import { useLocalePath } from "@/app/i18n/paths";
import { tableSearchParams, type TableQuery, type TableSpec } from "@/lib/table-state";

export function DownloadCsv<Row>({ table, spec, query, asOf }: { table: string; spec: TableSpec<Row>; query: TableQuery; asOf: AsOf }) {
  const t = useTranslations("csv");
  const localePath = useLocalePath();
  const params = tableSearchParams(spec, { ...query, page: 1, pageSize: 25 }, asOf, []);
  params.delete("hide");
  const qs = params.toString();
  const withBom = new URLSearchParams(params);
  withBom.set("bom", "1");
  return (
    <p className="download-csv">
      <a href={`/api/v1/export/${table}.csv${qs ? `?${qs}` : ""}`} download>
        {t("download")}
      </a>{" "}
      ·{" "}
      <a href={`/api/v1/export/${table}.csv?${withBom.toString()}`} download>
        {t("excel")}
      </a>{" "}
      <span className="muted">{t("bom")}</span>{" "}
      <span className="muted">{t.rich("note", { columns: (chunks) => <a href={localePath("/api#csv")}>{chunks}</a> })}</span>
    </p>
  );
}
