/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the
 * handlers parse with (server/export/params.ts, server/export/registry.ts,
 * lib/validation/submission.ts) through zod 4's `z.toJSONSchema`, so the
 * document cannot drift from what the API accepts and returns.
 */
import { z } from "zod";
import { apiTables, exportTableNames, tableNames, type TableName } from "@/server/export/registry";
import { paramDefs, type ParamDef } from "@/server/export/params";
import { datasetFileNames } from "@/db/dataset-schema";
import { submissionInput } from "@/lib/validation/submission";
import { submissionStatuses } from "@/lib/vocabulary";

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output" = "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  return rest;
}

function parameter(def: ParamDef): Json {
  const item = schemaOf(def.schema, "input");
  return {
    name: def.name,
    in: "query",
    required: false,
    description: def.description + (def.multiple ? " Several values: repeat the parameter or separate with commas." : ""),
    schema: def.multiple ? { type: "array", items: item } : item,
    ...(def.multiple ? { style: "form", explode: true } : {}),
    ...(def.example ? { example: def.multiple ? [def.example] : def.example } : {}),
  };
}

const problemSchema = {
  type: "object",
  description: "RFC 9457 problem details",
  required: ["type", "title", "status"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    requestId: { type: "string" },
    errors: { type: "object", description: "Parameter or field path → messages", additionalProperties: { type: "array", items: { type: "string" } } },
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function componentName(name: TableName): string {
  return name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

export function buildOpenApiDocument(serverUrl = "/"): Json {
  const paths: Json = {};
  const schemas: Json = { Problem: problemSchema };
  for (const name of tableNames) {
    const t = apiTables[name];
    const item = componentName(name);
    schemas[item] = schemaOf(t.item);
    paths[`/api/v1/${name}`] = {
      get: {
        operationId: `list${item}`,
        summary: t.title,
        description: `${t.description} Public: no token needed. Columns and filters are those of the table page; see /api for the CSV column list.`,
        tags: ["Read"],
        parameters: paramDefs(t.spec, "api").map(parameter),
        responses: {
          200: {
            description: "One page of rows; follow `next_cursor` until it is null.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "count", "as_of", "sort", "next_cursor", "links"],
                  properties: {
                    data: { type: "array", items: { $ref: `#/components/schemas/${item}` } },
                    count: { type: "integer" },
                    as_of: { type: "string", format: "date" },
                    sort: { type: "string" },
                    next_cursor: { type: ["string", "null"] },
                    links: { type: "object", properties: { self: { type: "string" }, next: { type: ["string", "null"] }, csv: { type: ["string", "null"] } } },
                  },
                },
              },
            },
          },
          400: problemResponse("A query parameter is not valid; `errors` names each one."),
        },
      },
    };
  }
  for (const name of exportTableNames) {
    const t = apiTables[name];
    paths[`/api/v1/export/${name}.csv`] = {
      get: {
        operationId: `export${componentName(name)}Csv`,
        summary: `${t.title} as CSV`,
        description: `Every row matching the filters, streamed. RFC 4180, UTF-8, CRLF, header row of column ids: ${t.spec.columns.map((c) => `\`${c.id}\` (${c.header})`).join(", ")}. Text cells a spreadsheet would read as a formula start with an apostrophe.`,
        tags: ["Export"],
        parameters: paramDefs(t.spec, "csv").map(parameter),
        responses: {
          200: { description: "The CSV file", content: { "text/csv": { schema: { type: "string" } } } },
          400: problemResponse("A query parameter is not valid."),
          404: problemResponse("No such export."),
        },
      },
    };
  }
  paths["/api/v1/dataset"] = {
    get: {
      operationId: "latestDataset",
      summary: "The latest dataset snapshot",
      description: "Makes a new snapshot first when the data changed since the last one.",
      tags: ["Dataset"],
      responses: {
        200: {
          description: "The snapshot: version, date, citation, files with SHA-256",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Snapshot" } } },
        },
      },
    },
  };
  paths["/api/v1/dataset/snapshots"] = {
    get: {
      operationId: "listDatasetSnapshots",
      summary: "Every dataset snapshot",
      tags: ["Dataset"],
      responses: {
        200: {
          description: "Snapshots, newest first",
          content: {
            "application/json": { schema: { type: "object", properties: { snapshots: { type: "array", items: { $ref: "#/components/schemas/Snapshot" } } } } },
          },
        },
      },
    },
  };
  paths["/api/v1/dataset/{version}/{file}"] = {
    get: {
      operationId: "getDatasetFile",
      summary: "One file of a snapshot",
      tags: ["Dataset"],
      parameters: [
        { name: "version", in: "path", required: true, schema: { type: "string", pattern: "^v[0-9]+$" } },
        { name: "file", in: "path", required: true, schema: { type: "string", enum: ["datapackage.json", ...datasetFileNames.map((f) => `${f}.csv`)] } },
      ],
      responses: { 200: { description: "The file; `Repr-Digest` carries its SHA-256" }, 404: problemResponse("No such snapshot or file.") },
    },
  };
  schemas.Snapshot = {
    type: "object",
    properties: {
      version: { type: "string" },
      created: { type: "string", format: "date-time" },
      auditEventId: { type: "integer" },
      citation: { type: "string" },
      datapackage: { type: "string" },
      files: {
        type: "array",
        items: { type: "object", properties: { name: { type: "string" }, url: { type: "string" }, bytes: { type: "integer" }, sha256: { type: "string" } } },
      },
    },
  };
  // The regulators' endpoints (owned by app/api/v1/submissions), described from their schemas.
  schemas.SubmissionInput = schemaOf(submissionInput, "input");
  const bearer = [{ bearerAuth: [] }];
  paths["/api/v1/submissions"] = {
    post: {
      operationId: "createSubmission",
      summary: "Propose changes for the regulator's own Member State",
      tags: ["Submissions"],
      security: bearer,
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SubmissionInput" } } } },
      responses: {
        201: { description: "The pending submission" },
        200: { description: "Replayed: the submission first created with this idempotency key" },
        400: problemResponse("Invalid JSON or fields"),
        401: problemResponse("Missing, invalid, revoked or expired token"),
        403: problemResponse("Not a regulator, or a change for another Member State"),
        409: problemResponse("Stale baseVersion or reused idempotency key"),
        413: problemResponse("Body too large"),
        415: problemResponse("Body not JSON"),
        422: problemResponse("A change refers to something that does not exist"),
      },
    },
    get: {
      operationId: "listSubmissions",
      summary: "The caller's own state's submissions (reviewers: all)",
      tags: ["Submissions"],
      security: bearer,
      parameters: [
        { name: "status", in: "query", schema: { type: "string", enum: [...submissionStatuses] } },
        { name: "state", in: "query", schema: { type: "string", pattern: "^[A-Z]{2}$" } },
        { name: "include", in: "query", schema: { type: "string", enum: ["changes"] } },
      ],
      responses: { 200: { description: "Submissions" }, 401: problemResponse("Not authenticated"), 403: problemResponse("Forbidden") },
    },
  };
  paths["/api/v1/submissions/{id}"] = {
    get: {
      operationId: "getSubmission",
      summary: "One submission with its changes",
      tags: ["Submissions"],
      security: bearer,
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
      responses: {
        200: { description: "The submission" },
        401: problemResponse("Not authenticated"),
        404: problemResponse("No such submission in your scope"),
      },
    },
  };
  paths["/api/v1/charts/{chart}"] = {
    get: {
      operationId: "getChartCsv",
      summary: "The CSV of the data a chart on /charts draws",
      tags: ["Export"],
      parameters: [
        { name: "chart", in: "path", required: true, schema: { type: "string", enum: ["deficit", "timeline", "delays", "coverage"] } },
        { name: "as_of", in: "query", schema: { type: "string", format: "date" } },
        { name: "instrument", in: "query", schema: { type: "string" } },
      ],
      responses: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, 400: { description: "Bad parameters (text/plain)" } },
    },
  };
  paths["/api/v1/openapi.json"] = {
    get: { operationId: "getOpenApi", summary: "This document", tags: ["Meta"], responses: { 200: { description: "OpenAPI 3.1" } } },
  };
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "NIS Measures Inventory API",
      version: "1",
      description:
        "Read access to the inventory of national measures under COM(2001)298 §3.6: the same tables, filters, sorting and as-of dates as the web pages. Public data needs no token; regulators' submissions need a Bearer token.",
    },
    servers: [{ url: serverUrl }],
    tags: [{ name: "Read" }, { name: "Export" }, { name: "Dataset" }, { name: "Submissions" }, { name: "Meta" }],
    paths,
    components: {
      schemas,
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token (`nis_…`) from /account/tokens" } },
    },
  };
}
