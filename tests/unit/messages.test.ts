import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import de from "@/messages/de.json";
import { LOCALES } from "@/lib/format";
import { labels, roles, sourceKinds, submissionOperations, submissionStatuses } from "@/lib/vocabulary";
import { TRANSPOSITION_DATE_BASIS_LABELS } from "@/lib/indicators/transposition-deficit";
import { INDICATORS, INDICATOR_IDS } from "@/lib/indicators/catalogue";
import { OVERALL_BAND_LABELS, RATING_LABELS } from "@/lib/indicators/ratings";
import { COLLECTION_LABELS, LINES_OF_LAW } from "@/lib/collections";
import { measuresSpec } from "@/db/tables/measures";
import { transpositionsSpec } from "@/db/tables/transpositions";
import { provisionsSpec } from "@/db/tables/provisions";
import { obligationsSpec } from "@/db/tables/obligations";
import { searchKinds } from "@/db/queries/search";
import { actionKey, AUDITED_ACTIONS, AUDITED_ENTITIES } from "@/app/history/record-labels";
import { apiTables, tableNames } from "@/server/export/registry";
import { paramDefs } from "@/server/export/params";
import { DELAY_STATUS_TEXT } from "@/db/tables/national-transposition";

type Tree = { [key: string]: string | Tree };
const catalogues: Record<(typeof LOCALES)[number], Tree> = { en, fr, de };

/** "ns.key" (and "ns.group.key") → message, for every leaf of a catalogue. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The source files of the interface, where message keys are used. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const files = ["app", "server", "lib"].flatMap(sources).map((path) => ({ path, code: readFileSync(path, "utf8") }));

/** ICU arguments and rich-text tags of a message: what every language's version must take. */
function slots(message: string): string[] {
  const args = [...message.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => `{${m[1]}}`);
  const tags = [...message.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

/**
 * Keys looked up by a domain value, as t(value): a namespace (or a group in one) maps to the values it must hold.
 * `exact` groups hold nothing else, so a value added to a list without its words (or words left for a removed
 * value) fails here; the keys named here are exempt from the search for literal uses below.
 */
const BY_VALUE: { group: string; values: string[]; exact: boolean }[] = [
  { group: "vocabulary", values: Object.keys(labels), exact: true },
  { group: "roles", values: [...roles], exact: true },
  { group: "dateBasis", values: Object.keys(TRANSPOSITION_DATE_BASIS_LABELS), exact: true },
  { group: "linesOfLaw", values: LINES_OF_LAW.map((l) => l.id), exact: true },
  { group: "indicators", values: [...INDICATOR_IDS], exact: true },
  { group: "ratings", values: [...Object.keys(RATING_LABELS), ...Object.keys(OVERALL_BAND_LABELS)], exact: false },
  { group: "collections", values: Object.keys(COLLECTION_LABELS).filter((id) => !LINES_OF_LAW.some((l) => l.id === id)), exact: false },
  { group: "submissionStatus", values: [...submissionStatuses], exact: true },
  { group: "submissions.operation", values: [...submissionOperations], exact: true },
  { group: "source.kind", values: [...sourceKinds], exact: true },
  // A browse table's column heads, by its page and column id (app/components/data-table/browse-table.tsx).
  { group: "tableColumns.measures", values: measuresSpec.columns.map((c) => c.id), exact: true },
  { group: "tableColumns.transpositions", values: transpositionsSpec.columns.map((c) => c.id), exact: true },
  { group: "tableColumns.provisions", values: provisionsSpec.columns.map((c) => c.id), exact: true },
  { group: "tableColumns.obligations", values: obligationsSpec.columns.map((c) => c.id), exact: true },
  { group: "transposition.delayStatus", values: Object.keys(DELAY_STATUS_TEXT), exact: true },
  { group: "search.kind", values: [...searchKinds], exact: true },
  { group: "search.match", values: ["word", "prefix", "stem", "inside", "stem-inside"], exact: true },
  // A record's history names its events' actions and record types in the language (app/history/[entity]/[id]/page.tsx).
  { group: "history.action", values: AUDITED_ACTIONS, exact: true },
  { group: "history.entity", values: AUDITED_ENTITIES, exact: true },
  // The API page explains each read endpoint and its parameters in the language (app/api/page.tsx); the OpenAPI document keeps English.
  { group: "apiPage.table", values: [...tableNames], exact: true },
  { group: "apiPage.param", values: [...new Set(tableNames.flatMap((n) => paramDefs(apiTables[n].spec, "api").map((p) => p.name)))], exact: true },
  { group: "map.noValue", values: ["no_instrument_due", "no_notification_known", "nothing_notified", "not_rated", "no_provision_assessed"], exact: true },
  // The audit trail's filters and cells (app/staff/audit/page.tsx).
  { group: "audit.entity", values: AUDITED_ENTITIES, exact: true },
  { group: "audit.action", values: AUDITED_ACTIONS.map(actionKey), exact: true },
  // Looked up by the English text a message was made from (server/form-errors.ts); tests/unit/form-errors.test.ts holds each to a message the code makes.
  { group: "formErrors.field", values: Object.keys(en.formErrors.field), exact: true },
];

/** Each indicator's words: the fields the catalogue's declaration calls for (app/i18n/indicators.ts reads them). */
function indicatorFields(id: (typeof INDICATOR_IDS)[number]): string[] {
  const indicator = INDICATORS[id];
  return [
    "label",
    "shortLabel",
    "definition",
    ...(indicator.formula ? ["formula"] : []),
    ...(indicator.rating.kind === "none" ? [] : ["rule"]),
    ...(indicator.rating.kind === "target" ? ["metLabel"] : []),
  ].sort();
}

function groupOf(tree: Tree, path: string): Tree {
  return path.split(".").reduce<Tree>((node, key) => node[key] as Tree, tree);
}

describe("the message catalogues", () => {
  const english = leaves(en);

  it.each(["fr", "de"] as const)("%s has every English key, no other, and the same placeholders", (locale) => {
    const other = leaves(catalogues[locale]);
    for (const key of english.keys()) expect(other.has(key), `${locale} lacks ${key}`).toBe(true);
    for (const key of other.keys()) expect(english.has(key), `${locale} has ${key}, which English has not`).toBe(true);
    for (const [key, text] of english) if (other.has(key)) expect(slots(other.get(key)!), `${locale} ${key}`).toEqual(slots(text));
    for (const [key, text] of other) expect(text.trim(), `${locale} ${key} is empty`).not.toBe("");
  });

  it("has the words for every domain value looked up by value, and in exact groups nothing else", () => {
    for (const { group, values, exact } of BY_VALUE) {
      const keys = Object.keys(groupOf(en, group));
      for (const value of values) expect(keys, `${group} lacks ${value}`).toContain(value);
      if (exact) expect(keys.sort(), group).toEqual([...values].sort());
    }
    for (const id of INDICATOR_IDS) expect(Object.keys(groupOf(en, `indicators.${id}`)).sort(), `indicators.${id}`).toEqual(indicatorFields(id));
  });

  it("has no unused key: each is named in a file that opens its namespace, or in full", () => {
    for (const key of english.keys()) {
      const [namespace] = key.split(".") as [string];
      const byValue = BY_VALUE.find(({ group }) => key.startsWith(`${group}.`));
      if (byValue && (byValue.exact || byValue.values.includes(key.slice(byValue.group.length + 1)))) continue;
      const name = key.slice(namespace.length + 1);
      // Or named in full ("report.page"): a root translator, or the one lib/ code takes (lib/translate.ts).
      const used = files.some(({ code }) => (code.includes(`Translations("${namespace}")`) && code.includes(`"${name}"`)) || code.includes(`"${key}"`));
      expect(used, `unused message ${key}`).toBe(true);
    }
  });

  it("has every key the interface asks for", () => {
    let calls = 0;
    for (const { path, code } of files) {
      const bindings = [...code.matchAll(/const (\w+) = (?:await )?(?:use|get)Translations\("(\w+)"\)/g)].map((m) => ({
        name: m[1]!,
        namespace: m[2]!,
        at: m.index,
      }));
      // A name bound again further down (another component's `t`) speaks for its own namespace from there on.
      for (const [i, { name, namespace, at }] of bindings.entries()) {
        const end = bindings.slice(i + 1).find((b) => b.name === name)?.at ?? code.length;
        for (const call of code.slice(at, end).matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.raw)?\\("([\\w.]+)"`, "g"))) {
          calls++;
          expect(english.has(`${namespace}.${call[1]}`), `${path} asks for ${namespace}.${call[1]}`).toBe(true);
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
  });
});
