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

export function datasetFile(params: { version: string; file: string }): Response {
  const v = version.safeParse(params.version);
  const f = fileName.safeParse(params.file);
  if (!v.success || !f.success) return problem(404, { detail: "No such snapshot file. See /api/v1/dataset/snapshots." });
  const dir = datasetsDir(databaseFile());
  const manifest = readSnapshot(dir, v.data);
  const entry = manifest?.files.find((x) => x.name === f.data);
  const path = join(dir, v.data, f.data);
  if (!manifest || !entry || !existsSync(path)) return problem(404, { detail: `Snapshot ${v.data} has no ${f.data}. See /api/v1/dataset/snapshots.` });
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": f.data.endsWith(".json") ? "application/json; charset=utf-8" : "text/csv; charset=utf-8; header=present",
      "Content-Length": String(entry.bytes),
      "Content-Disposition": `${f.data.endsWith(".json") ? "inline" : "attachment"}; filename="nis-inventory-${v.data}-${f.data}"`,
      "Repr-Digest": `sha-256=:${Buffer.from(entry.sha256, "hex").toString("base64")}:`,
      // A snapshot never changes.
      "Cache-Control": "public, max-age=31536000, immutable",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
