/** Route handlers of the dataset snapshots (db/queries/dataset.ts): latest, list, and one file of a version. */
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { z } from "zod";
import { getDb, getDbHandle } from "@/db/client";
import { datasetsDir, ensureSnapshot, listSnapshots, readSnapshot, VERSION_PATTERN, type SnapshotManifest } from "@/db/queries/dataset";
import { errorFields, log, newRequestId } from "@/lib/log";
import { problem } from "@/server/problem";
import { datasetFileNames } from "@/db/dataset-schema";
import { JSON_HEADERS } from "@/server/export/handlers";
import { publicRoute } from "@/server/api-route";

function databaseFile(): string {
  return getDbHandle().path;
}

const fileName = z.enum(["datapackage.json", ...datasetFileNames.map((f) => `${f}.csv`)] as [string, ...string[]]);
const version = z.string().regex(VERSION_PATTERN);

function described(m: SnapshotManifest) {
  const base = `/api/v1/dataset/${m.version}`;
  return { ...m, datapackage: `${base}/datapackage.json`, files: m.files.map((f) => ({ ...f, url: `${base}/${f.name}` })) };
}

export async function latestDataset(): Promise<Response> {
  const requestId = newRequestId();
  try {
    const file = databaseFile();
    const manifest = await ensureSnapshot(getDb(), file, datasetsDir(file));
    return new Response(JSON.stringify(described(manifest)), { headers: JSON_HEADERS });
  } catch (error) {
    log("error", "dataset snapshot failed", { requestId, ...errorFields(error) });
    return problem(500, { detail: "The dataset snapshot could not be made.", requestId });
  }
}

export function snapshotList(): Response {
  const file = databaseFile();
  return new Response(JSON.stringify({ snapshots: listSnapshots(datasetsDir(file)).map(described) }), { headers: JSON_HEADERS });
}

/** GET /api/v1/dataset/<version>/<file>: one immutable file of a snapshot. */
export const datasetFileRoute = publicRoute(
  { params: z.object({ version, file: fileName }), notFound: "No such snapshot file. See /api/v1/dataset/snapshots." },
  ({ params, requestId }) => {
    const dir = datasetsDir(databaseFile());
    const manifest = readSnapshot(dir, params.version);
    const entry = manifest?.files.find((x) => x.name === params.file);
    const path = join(dir, params.version, params.file);
    if (!manifest || !entry || !existsSync(path))
      return problem(404, { detail: `Snapshot ${params.version} has no ${params.file}. See /api/v1/dataset/snapshots.`, requestId });
    return snapshotFile(path, params.version, params.file, entry);
  },
);

function snapshotFile(path: string, version: string, file: string, entry: SnapshotManifest["files"][number]): Response {
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": file.endsWith(".json") ? "application/json; charset=utf-8" : "text/csv; charset=utf-8; header=present",
      "Content-Length": String(entry.bytes),
      "Content-Disposition": `${file.endsWith(".json") ? "inline" : "attachment"}; filename="nis-inventory-${version}-${file}"`,
      "Repr-Digest": `sha-256=:${Buffer.from(entry.sha256, "hex").toString("base64")}:`,
      // A snapshot never changes.
      "Cache-Control": "public, max-age=31536000, immutable",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
