import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/server/openapi";
import { exportTableNames, tableNames } from "@/server/export/registry";

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument("http://localhost:3000") as {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: unknown }[]; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, unknown> };
  };

  it("is OpenAPI 3.1 with every endpoint", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    const paths = Object.keys(doc.paths);
    for (const n of tableNames) expect(paths).toContain(`/api/v1/${n}`);
    for (const n of exportTableNames) expect(paths).toContain(`/api/v1/export/${n}.csv`);
    for (const p of [
      "/api/v1/dataset",
      "/api/v1/dataset/snapshots",
      "/api/v1/dataset/{version}/{file}",
      "/api/v1/submissions",
      "/api/v1/submissions/{id}",
      "/api/v1/charts/{chart}",
      "/api/v1/openapi.json",
    ])
      expect(paths).toContain(p);
  });

  it("describes the shared parameters and every $ref resolves", () => {
    const transpositions = doc.paths["/api/v1/transpositions"]!.get!;
    const names = transpositions.parameters!.map((p) => p.name);
    for (const n of ["state", "instrument", "status", "q", "as_of", "sort", "cursor", "limit"]) expect(names).toContain(n);
    const status = transpositions.parameters!.find((p) => p.name === "status")!;
    expect(status.schema).toMatchObject({ type: "array", items: { enum: expect.arrayContaining(["unknown", "full", "not_transposed"]) } });
    expect(transpositions.responses["400"]).toBeTruthy();
    const text = JSON.stringify(doc);
    for (const ref of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas[ref[1]!], ref[1]).toBeTruthy();
    expect(doc.components.schemas.Transpositions).toMatchObject({ type: "object", properties: { stateCode: { type: "string" }, measures: { type: "array" } } });
    expect(doc.components.schemas.SubmissionInput).toMatchObject({ type: "object" });
  });
});
