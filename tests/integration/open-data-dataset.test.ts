import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { DbHandle } from "@/db/client";
import { datasetsDir } from "@/db/queries/dataset";
import { transpositionWriter } from "@/db/writes/transpositions";
import { updateRecord } from "@/db/writes/entity";
import { checkDataPackage } from "@/server/export/datapackage-check";
import { actorByEmail, seededInventory } from "../helpers/inventory";

let h: DbHandle;
const globalForDb = globalThis as unknown as { inventoryDb?: DbHandle };

beforeAll(() => {
  h = seededInventory();
  globalForDb.inventoryDb = h;
});
afterAll(() => {
  delete globalForDb.inventoryDb;
});

interface Described {
  version: string;
  citation: string;
  datapackage: string;
  files: { name: string; url: string; sha256: string; bytes: number }[];
}

describe("dataset snapshots", () => {
  it("makes a versioned snapshot that validates against its own datapackage, reuses it while the data is unchanged, and serves its files", async () => {
    const { GET: latest } = await import("@/app/api/v1/dataset/route");
    const { GET: list } = await import("@/app/api/v1/dataset/snapshots/route");
    const { GET: file } = await import("@/app/api/v1/dataset/[version]/[file]/route");
    const first = (await (await latest()).json()) as Described;
    expect(first.version).toMatch(/^v\d+$/);
    expect(first.citation).toContain(first.version);
    expect(first.files.map((f) => f.name)).toContain("transpositions.csv");
    expect(checkDataPackage(join(datasetsDir(h.path), first.version))).toEqual([]);

    const again = (await (await latest()).json()) as Described;
    expect(again.version).toBe(first.version);
    // Exports are audited, but an export is not a change of the data.
    const { GET: exportCsv } = await import("@/app/api/v1/export/[file]/route");
    await (await exportCsv(new Request("http://localhost/api/v1/export/measures.csv"), { params: Promise.resolve({ file: "measures.csv" }) })).text();
    expect(((await (await latest()).json()) as Described).version).toBe(first.version);

    const served = await file(new Request("http://localhost/x"), { params: Promise.resolve({ version: first.version, file: "transpositions.csv" }) });
    expect(served.status).toBe(200);
    const body = Buffer.from(await served.arrayBuffer());
    const entry = first.files.find((f) => f.name === "transpositions.csv")!;
    expect(served.headers.get("repr-digest")).toBe(`sha-256=:${Buffer.from(entry.sha256, "hex").toString("base64")}:`);
    expect(body.length).toBe(entry.bytes);

    // A change to the data makes the next download a new version; the old one stays fetchable.
    const editor = actorByEmail(h, "editor@example.eu");
    const t = h.sqlite.prepare("select id from transpositions order by id limit 1").get() as { id: number };
    const snap = transpositionWriter.snapshot(h.db, t.id)!;
    updateRecord(
      h.db,
      transpositionWriter,
      t.id,
      snap.version,
      {
        stateCode: snap.stateCode!,
        provisionId: snap.provisionId as number,
        status: snap.status as "full",
        relation: null,
        nationalProvision: "changed for the test",
        measureKeys: snap.measureKeys as string[],
        note: null,
        sourceUrl: null,
        sourceTitle: "test",
        sourceMethod: "desk_research",
        verification: "unverified",
      },
      { actor: editor },
    );
    const second = (await (await latest()).json()) as Described;
    expect(second.version).not.toBe(first.version);
    const all = (await (await list()).json()) as { snapshots: Described[] };
    expect(all.snapshots.map((s) => s.version)).toEqual([second.version, first.version]);
    const old = await file(new Request("http://localhost/x"), { params: Promise.resolve({ version: first.version, file: "datapackage.json" }) });
    expect(old.status).toBe(200);
    const missing = await file(new Request("http://localhost/x"), { params: Promise.resolve({ version: "v999999", file: "datapackage.json" }) });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    const traversal = await file(new Request("http://localhost/x"), { params: Promise.resolve({ version: first.version, file: "../inventory.sqlite" }) });
    expect(traversal.status).toBe(404);
  });
});
