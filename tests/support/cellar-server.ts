/**
 * A stand-in for CELLAR's SPARQL endpoint, for tests, the browser stories and the bench: answers the queries of
 * lib/eurlex/queries.ts from tests/fixtures/cellar/ (see its README) or from generated datasets, pages the
 * measure rows by the query's LIMIT/OFFSET, and answers the statuses manifest.json lists before the first
 * success. Run alone: `tsx tests/support/cellar-server.ts --port 3199`.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { queryKind } from "../../lib/eurlex/queries";

export interface CellarDataset {
  instrument: unknown;
  relations: unknown;
  measures: { head: { vars: string[] }; results: { bindings: unknown[] } };
}

export interface CellarRequest {
  kind: string;
  celex: string | null;
  limit: number | null;
  offset: number | null;
  status: number;
}

export interface CellarServer {
  url: string;
  requests: CellarRequest[];
  close(): Promise<void>;
}

export const FIXTURE_DIR = resolve(import.meta.dirname, "../fixtures/cellar");

function loadDataset(dir: string, celex: string): CellarDataset | null {
  const folder = join(dir, celex);
  if (!existsSync(folder)) return null;
  const read = (name: string) => JSON.parse(readFileSync(join(folder, name), "utf8")) as CellarDataset["measures"];
  const pages = readdirSync(folder)
    .filter((f) => /^measures-\d+\.json$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
    .map(read);
  return {
    instrument: read("instrument.json"),
    relations: existsSync(join(folder, "relations.json")) ? read("relations.json") : { head: { vars: [] }, results: { bindings: [] } },
    measures: { head: pages[0]?.head ?? { vars: [] }, results: { bindings: pages.flatMap((p) => p.results.bindings) } },
  };
}

const empty = (vars: string[]) => ({ head: { vars }, results: { bindings: [] } });

async function readQuery(req: IncomingMessage): Promise<string | null> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method === "GET") return url.searchParams.get("query");
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("query");
}

export async function startCellarServer(
  options: { port?: number; dir?: string; datasets?: Record<string, CellarDataset>; failures?: Record<string, number[]> } = {},
): Promise<CellarServer> {
  const dir = options.dir ?? FIXTURE_DIR;
  const manifest = existsSync(join(dir, "manifest.json"))
    ? (JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { failures?: Record<string, number[]> })
    : {};
  const failures = new Map(Object.entries(options.failures ?? manifest.failures ?? {}).map(([k, v]) => [k, [...v]]));
  const cache = new Map<string, CellarDataset | null>(Object.entries(options.datasets ?? {}));
  const requests: CellarRequest[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const query = await readQuery(req);
      const kind = query ? queryKind(query) : null;
      const celex = query ? (/resource_legal_id_celex "([0-9A-Z]+)"\^\^xsd:string/.exec(query)?.[1] ?? null) : null;
      const limit = query ? Number(/\bLIMIT (\d+)/.exec(query)?.[1] ?? NaN) : NaN;
      const offset = query ? Number(/\bOFFSET (\d+)/.exec(query)?.[1] ?? 0) : 0;
      const answer = (status: number, body: unknown) => {
        requests.push({ kind: kind ?? "unknown", celex, limit: Number.isNaN(limit) ? null : limit, offset, status });
        res.writeHead(status, { "Content-Type": status === 200 ? "application/sparql-results+json; charset=utf-8" : "text/plain; charset=utf-8" });
        res.end(typeof body === "string" ? body : JSON.stringify(body));
      };
      if (!query || !kind || !celex) return answer(400, "Virtuoso 37000 Error SP030: SPARQL compiler: the fixture server does not know this query");
      const pending = failures.get(`${celex}:${kind}`);
      if (pending?.length) return answer(pending.shift()!, "Service Unavailable");
      if (!cache.has(celex)) cache.set(celex, loadDataset(dir, celex));
      const data = cache.get(celex) ?? null;
      if (kind === "instrument") return answer(200, data ? data.instrument : empty(["work"]));
      if (kind === "relations") return answer(200, data ? data.relations : empty(["relation", "otherCelex"]));
      const bindings = data?.measures.results.bindings ?? [];
      if (kind === "count") {
        const works = new Set(bindings.map((b) => (b as { nim?: { value?: string } }).nim?.value).filter(Boolean));
        return answer(200, {
          head: { vars: ["count"] },
          results: { bindings: [{ count: { type: "typed-literal", datatype: "http://www.w3.org/2001/XMLSchema#integer", value: String(works.size) } }] },
        });
      }
      const page = Number.isNaN(limit) ? bindings.slice(offset) : bindings.slice(offset, offset + limit);
      return answer(200, { head: data?.measures.head ?? { vars: [] }, results: { distinct: false, ordered: true, bindings: page } });
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(options.port ?? 0, "127.0.0.1", r));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/sparql`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf("--port");
  const port = Number(i >= 0 ? process.argv[i + 1] : (process.env.CELLAR_FIXTURE_PORT ?? 3199));
  void startCellarServer({ port }).then((s) => console.log(`CELLAR fixture server on ${s.url}`));
}
