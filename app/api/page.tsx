import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/i18n/navigation";
import { apiTables, exportTableNames, tableNames } from "@/server/export/registry";
import { DEFAULT_LIMIT, MAX_LIMIT, paramDefs } from "@/server/export/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiPage"))("title") };
}

/** The sort a table's rows come in when none is asked for, as the `sort` parameter writes it. */
function defaultSort(spec: { defaultSort: { id: string; desc: boolean } }): string {
  return `${spec.defaultSort.desc ? "-" : ""}${spec.defaultSort.id}`;
}

export default async function ApiPage() {
  const t = await getTranslations("apiPage");
  const headers = await getTranslations("tableColumns");
  // A column's head as its page shows it, where that page's heads are translated; else the English head of db/tables.
  const headerOf = (table: string, id: string, english: string) => (headers.has(`${table}.${id}` as never) ? headers(`${table}.${id}` as never) : english);
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  // Words looked up by a table's or parameter's name (tests/unit/messages.test.ts checks every name has them); their arguments differ by name.
  const byName = t.rich as unknown as (
    key: string,
    values: Record<string, string | number | ((chunks: React.ReactNode) => React.ReactNode)>,
  ) => React.ReactNode;
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lead">
        {t.rich("lead", {
          openapi: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a>,
          data: (chunks) => <Link href="/data">{chunks}</Link>,
        })}
      </p>
      <h2>{t("conventions")}</h2>
      <ul>
        <li>{t.rich("params", { code })}</li>
        <li>{t.rich("pagination", { code, max: MAX_LIMIT, default: DEFAULT_LIMIT })}</li>
        <li>{t.rich("errors", { code })}</li>
        <li>{t.rich("dates", { code })}</li>
      </ul>
      <h2>{t("examples")}</h2>
      <pre>
        <code>{`curl 'http://localhost:3000/api/v1/transpositions?state=DE&instrument=31995L0046&limit=50'
curl 'http://localhost:3000/api/v1/measures?state=FR,DE&sort=-adopted_on&as_of=2003-12-31'
curl -o de.csv 'http://localhost:3000/api/v1/export/transpositions.csv?state=DE&bom=1'`}</code>
      </pre>
      <h2>{t("read")}</h2>
      {tableNames.map((name) => {
        const api = apiTables[name];
        return (
          <section key={name} aria-labelledby={`ep-${name}`}>
            <h3 id={`ep-${name}`}>
              <code>GET /api/v1/{name}</code>
            </h3>
            <p>{t.has(`table.${name}` as never) ? byName(`table.${name}`, { code }) : api.description}</p>
            <div className="table-scroll">
              <table>
                <caption>{t("paramsCaption", { name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("parameter")}</th>
                    <th scope="col">{t("meaning")}</th>
                  </tr>
                </thead>
                <tbody>
                  {paramDefs(api.spec, "api").map((p) => (
                    <tr key={p.name}>
                      <th scope="row">
                        <code>{p.name}</code>
                      </th>
                      <td>
                        {/* The OpenAPI document keeps server/export/params.ts's English; the page says it in its language. */}
                        {t.has(`param.${p.name}` as never)
                          ? byName(`param.${p.name}`, { code, default: p.name === "limit" ? DEFAULT_LIMIT : defaultSort(api.spec), max: MAX_LIMIT })
                          : p.description}
                        {p.multiple ? t("several") : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <h2 id="csv">{t("csv")}</h2>
      <p>{t.rich("csvText", { code, endpoint: "GET /api/v1/export/<table>.csv" })}</p>
      {exportTableNames.map((name) => {
        const api = apiTables[name];
        return (
          <section key={name} aria-labelledby={`csv-${name}`}>
            <h3 id={`csv-${name}`}>
              <code>{name}.csv</code>
            </h3>
            <div className="table-scroll">
              <table>
                <caption>{t("csvCaption", { name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("column")}</th>
                    <th scope="col">{t("header")}</th>
                    <th scope="col">{t("sortable")}</th>
                  </tr>
                </thead>
                <tbody>
                  {api.spec.columns.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <code>{c.id}</code>
                      </th>
                      <td>{headerOf(name, c.id, c.header)}</td>
                      <td>{c.sortSql ? t("yes") : t("no")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <h2>{t("regulators")}</h2>
      <p>
        {t.rich("regulatorsText", {
          code,
          create: "POST /api/v1/submissions",
          list: "GET /api/v1/submissions",
          one: "GET /api/v1/submissions/<id>",
        })}
      </p>
    </>
  );
}
