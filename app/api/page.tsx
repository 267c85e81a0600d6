import type { Metadata } from "next";
import { apiTables, exportTableNames, tableNames } from "@/server/export/registry";
import { DEFAULT_LIMIT, MAX_LIMIT, paramDefs } from "@/server/export/params";

export const metadata: Metadata = { title: "API" };

export default function ApiPage() {
  return (
    <>
      <h1>Open data API</h1>
      <p className="lead">
        Everything public in the inventory, as JSON and CSV, with the same filters, sorting and “as of” dates as the tables. No token is needed to read. The
        machine-readable description is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1); the full dataset with checksums is on{" "}
        <a href="/data">Open data</a>.
      </p>
      <h2>Conventions</h2>
      <ul>
        <li>
          Parameters are those of the table pages: copy a table&apos;s query string onto an endpoint and you get the same rows. <code>page</code>,{" "}
          <code>page_size</code> and <code>hide</code> only page the HTML table and are ignored.
        </li>
        <li>
          Pagination: <code>limit</code> (1–{MAX_LIMIT}, default {DEFAULT_LIMIT}) and <code>cursor</code>: pass the <code>next_cursor</code> of a page to get
          the next; it is <code>null</code> on the last page. Keep the same <code>sort</code>.
        </li>
        <li>
          Errors are <code>application/problem+json</code> (RFC 9457): a bad or unknown parameter is a 400 whose <code>errors</code> names each parameter with
          its message.
        </li>
        <li>
          Dates are ISO 8601 (YYYY-MM-DD). <code>as_of</code> defaults to today (UTC).
        </li>
      </ul>
      <h2>Examples</h2>
      <pre>
        <code>{`curl 'http://localhost:3000/api/v1/transpositions?state=DE&instrument=31995L0046&limit=50'
curl 'http://localhost:3000/api/v1/measures?state=FR,DE&sort=-adopted_on&as_of=2003-12-31'
curl -o de.csv 'http://localhost:3000/api/v1/export/transpositions.csv?state=DE&bom=1'`}</code>
      </pre>
      <h2>Read endpoints</h2>
      {tableNames.map((name) => {
        const t = apiTables[name];
        return (
          <section key={name} aria-labelledby={`ep-${name}`}>
            <h3 id={`ep-${name}`}>
              <code>GET /api/v1/{name}</code>
            </h3>
            <p>{t.description}</p>
            <div className="table-scroll">
              <table>
                <caption>Parameters of /api/v1/{name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Parameter</th>
                    <th scope="col">Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {paramDefs(t.spec, "api").map((p) => (
                    <tr key={p.name}>
                      <th scope="row">
                        <code>{p.name}</code>
                      </th>
                      <td>
                        {p.description}
                        {p.multiple ? " Several allowed." : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <h2 id="csv">CSV exports and their columns</h2>
      <p>
        <code>GET /api/v1/export/&lt;table&gt;.csv</code> takes the same filters (not <code>cursor</code>/<code>limit</code>: it streams every matching row) and{" "}
        <code>bom=1</code> for a UTF-8 byte-order mark. RFC 4180, UTF-8, CRLF; the header row holds the column ids below, in this order. A text cell that a
        spreadsheet would read as a formula (starting with =, +, -, @, tab, CR or LF) gets a leading apostrophe; numbers stay numbers.
      </p>
      {exportTableNames.map((name) => {
        const t = apiTables[name];
        return (
          <section key={name} aria-labelledby={`csv-${name}`}>
            <h3 id={`csv-${name}`}>
              <code>{name}.csv</code>
            </h3>
            <div className="table-scroll">
              <table>
                <caption>Columns of {name}.csv</caption>
                <thead>
                  <tr>
                    <th scope="col">Column</th>
                    <th scope="col">Header on the page</th>
                    <th scope="col">Sortable</th>
                  </tr>
                </thead>
                <tbody>
                  {t.spec.columns.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <code>{c.id}</code>
                      </th>
                      <td>{c.header}</td>
                      <td>{c.sortSql ? "yes" : "no"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <h2>Regulators</h2>
      <p>
        <code>POST /api/v1/submissions</code>, <code>GET /api/v1/submissions</code> and <code>GET /api/v1/submissions/&lt;id&gt;</code> need a Bearer token; see
        the README and the OpenAPI document.
      </p>
    </>
  );
}
