import type { Metadata } from "next";
import { Link } from "@/app/i18n/navigation";
import { getDbHandle } from "@/db/client";
import { datasetBasis, datasetsDir, listSnapshots } from "@/db/queries/dataset";
import { datasetTables } from "@/db/dataset-schema";

export const metadata: Metadata = { title: "Open data" };

export default function DataPage() {
  const { db, path } = getDbHandle();
  const snapshots = listSnapshots(datasetsDir(path));
  const current = `v${datasetBasis(db)}`;
  return (
    <>
      <h1>Open data</h1>
      <p className="lead">
        The whole public inventory as CSV files with a <a href="https://specs.frictionlessdata.io/data-package/">Frictionless Data Package</a> description
        (field types, primary and foreign keys), in dated, versioned snapshots whose files carry SHA-256 checksums — so a paper can cite exactly the data it
        used, and a later reader can fetch the same files again.
      </p>
      <h2>Download</h2>
      <ul>
        <li>
          <Link href="/api/v1/dataset" prefetch={false}>
            The latest snapshot
          </Link>{" "}
          (JSON: version, date, citation and every file with its checksum). The data is now at version <strong>{current}</strong>; a new snapshot is made on the
          first download after the data changed.
        </li>
        <li>
          <Link href="/api/v1/dataset/snapshots" prefetch={false}>
            Every snapshot
          </Link>
          ; each file stays at <code>/api/v1/dataset/&lt;version&gt;/&lt;file&gt;</code> and never changes.
        </li>
        <li>
          Tables one by one, filtered as on their pages: <a href="/api">the API and CSV exports</a>.
        </li>
      </ul>
      <h2>How to cite</h2>
      <p>
        Cite the snapshot&apos;s <code>citation</code> line, which names the title, version and date, and give the URL of its datapackage.json.
      </p>
      <h2>Files in a snapshot</h2>
      <div className="table-scroll">
        <table>
          <caption>Files of a dataset snapshot</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Holds</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                <code>datapackage.json</code>
              </th>
              <td>Descriptor: title, version, created, citation, and per file its Table Schema, size and hash.</td>
            </tr>
            {datasetTables.map((t) => (
              <tr key={t.name}>
                <th scope="row">
                  <code>{t.name}.csv</code>
                </th>
                <td>{t.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Snapshots</h2>
      {snapshots.length === 0 ? (
        <p>No snapshot has been made yet; the first download makes one.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>Dataset snapshots, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Made</th>
                <th scope="col">Descriptor</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.version}>
                  <th scope="row">{s.version}</th>
                  <td>{s.created.slice(0, 10)}</td>
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
