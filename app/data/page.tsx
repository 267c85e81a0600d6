import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/app/i18n/navigation";
import { getDbHandle } from "@/db/client";
import { datasetBasis, datasetsDir, listSnapshots } from "@/db/queries/dataset";
import { datasetTables } from "@/db/dataset-schema";
import { formatDate, type Locale } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("data"))("title") };
}

export default async function DataPage() {
  const { db, path } = getDbHandle();
  const snapshots = listSnapshots(datasetsDir(path));
  const current = `v${datasetBasis(db)}`;
  const t = await getTranslations("data");
  const locale = (await getLocale()) as Locale;
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t.rich("lead", { package: (chunks) => <a href="https://specs.frictionlessdata.io/data-package/">{chunks}</a> })}</p>
      <h2>{t("download")}</h2>
      <ul>
        <li>
          {t.rich("latest", {
            version: current,
            // The API's URLs have no language (proxy.ts): plain links, never the localising Link (the rule takes /api/ for the API page's children).
            // eslint-disable-next-line @next/next/no-html-link-for-pages
            link: (chunks) => <a href="/api/v1/dataset">{chunks}</a>,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </li>
        <li>
          {t.rich("every", {
            path: "/api/v1/dataset/<version>/<file>",
            code,
            // eslint-disable-next-line @next/next/no-html-link-for-pages
            link: (chunks) => <a href="/api/v1/dataset/snapshots">{chunks}</a>,
          })}
        </li>
        <li>{t.rich("tables", { link: (chunks) => <Link href="/api">{chunks}</Link> })}</li>
      </ul>
      <h2>{t("cite")}</h2>
      <p>{t.rich("citeText", { code })}</p>
      <h2>{t("files")}</h2>
      <div className="table-scroll">
        <table>
          <caption>{t("filesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("file")}</th>
              <th scope="col">{t("holds")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                <code>datapackage.json</code>
              </th>
              <td>{t("descriptor")}</td>
            </tr>
            {datasetTables.map((table) => (
              <tr key={table.name}>
                <th scope="row">
                  <code>{table.name}.csv</code>
                </th>
                {/* The table's description is part of the dataset's own descriptor, which is English. */}
                <td lang="en">{table.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("snapshots")}</h2>
      {snapshots.length === 0 ? (
        <p>{t("noSnapshot")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("snapshotsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("made")}</th>
                <th scope="col">{t("descriptorCol")}</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.version}>
                  <th scope="row">{s.version}</th>
                  <td>{formatDate(s.created.slice(0, 10), locale)}</td>
                  <td>
                    <a href={`/api/v1/dataset/${s.version}/datapackage.json`}>datapackage.json</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
