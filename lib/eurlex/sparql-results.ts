/**
 * W3C SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/), parsed with zod.
 * A response whose envelope is wrong is refused as a whole; a binding that is wrong is refused with its row
 * number and variable, so the editor learns which row of the endpoint's answer broke.
 */
import { z } from "zod";

const rdfTerm = z.discriminatedUnion("type", [
  z.object({ type: z.literal("uri"), value: z.string() }).strict(),
  z.object({ type: z.literal("literal"), value: z.string(), "xml:lang": z.string().optional(), datatype: z.string().optional() }).strict(),
  // Virtuoso, which serves CELLAR's endpoint, still writes SPARQL 1.0's "typed-literal" for typed values.
  z.object({ type: z.literal("typed-literal"), value: z.string(), datatype: z.string() }).strict(),
  z.object({ type: z.literal("bnode"), value: z.string() }).strict(),
]);
export type RdfTerm = z.infer<typeof rdfTerm>;

const envelope = z.object({
  head: z.object({ vars: z.array(z.string()), link: z.array(z.string()).optional() }),
  results: z.object({ bindings: z.array(z.unknown()), distinct: z.boolean().optional(), ordered: z.boolean().optional() }),
});

/** One solution: variable → plain value, with the language of a literal where it has one. */
export interface SparqlRow {
  values: Record<string, string>;
  langs: Record<string, string>;
}

export class MalformedResponseError extends Error {
  override name = "MalformedResponseError";
  constructor(message: string) {
    super(message);
  }
}

function describe(issues: z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return "not a valid RDF term";
  const where = first.path.length ? `${first.path.map(String).join(".")}: ` : "";
  return `${where}${first.message}`;
}

/**
 * Parses one page of results. `firstRow` is the 1-based number of the page's first row in the whole
 * result, so a message names the row as the endpoint counts it across pages.
 */
export function parseSparqlResults(body: unknown, firstRow = 1): { vars: string[]; rows: SparqlRow[] } {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) throw new MalformedResponseError(`The endpoint's answer is not SPARQL JSON results (${describe(parsed.error.issues)}).`);
  const vars = parsed.data.head.vars;
  const rows: SparqlRow[] = [];
  parsed.data.results.bindings.forEach((binding, index) => {
    const rowNumber = firstRow + index;
    if (typeof binding !== "object" || binding === null || Array.isArray(binding))
      throw new MalformedResponseError(`Row ${rowNumber} of the endpoint's answer is not a binding object.`);
    const values: Record<string, string> = {};
    const langs: Record<string, string> = {};
    for (const [name, term] of Object.entries(binding)) {
      const t = rdfTerm.safeParse(term);
      if (!t.success)
        throw new MalformedResponseError(`Row ${rowNumber} of the endpoint's answer has a malformed value for ?${name} (${describe(t.error.issues)}).`);
      values[name] = t.data.value;
      if (t.data.type === "literal" && t.data["xml:lang"]) langs[name] = t.data["xml:lang"];
    }
    rows.push({ values, langs });
  });
  return { vars, rows };
}
