import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import de from "@/messages/de.json";
import { LOCALES } from "@/lib/format";
import { labels } from "@/lib/vocabulary";
import { roles } from "@/lib/vocabulary";
import { TRANSPOSITION_DATE_BASIS_LABELS } from "@/lib/indicators/transposition-deficit";

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
  const args = [...message.matchAll(/\{(\w+)/g)].map((m) => `{${m[1]}}`);
  const tags = [...message.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

/**
 * Namespaces whose keys are values of a domain list, looked up as t(value): their keys must be exactly that list,
 * so a value added to the list without a translation (or a translation left for a removed value) fails here.
 */
const DYNAMIC: Record<string, string[]> = {
  vocabulary: Object.keys(labels),
  roles: [...roles],
  dateBasis: Object.keys(TRANSPOSITION_DATE_BASIS_LABELS),
};

describe("the message catalogues", () => {
  const english = leaves(en);

  it.each(["fr", "de"] as const)("%s has every English key, no other, and the same placeholders", (locale) => {
    const other = leaves(catalogues[locale]);
    for (const key of english.keys()) expect(other.has(key), `${locale} lacks ${key}`).toBe(true);
    for (const key of other.keys()) expect(english.has(key), `${locale} has ${key}, which English has not`).toBe(true);
    for (const [key, text] of english) if (other.has(key)) expect(slots(other.get(key)!), `${locale} ${key}`).toEqual(slots(text));
    for (const [key, text] of other) expect(text.trim(), `${locale} ${key} is empty`).not.toBe("");
  });

  it("has exactly the domain's values in the namespaces looked up by value", () => {
    for (const [namespace, values] of Object.entries(DYNAMIC)) {
      expect(Object.keys((en as Tree)[namespace] as Tree).sort(), namespace).toEqual([...values].sort());
    }
  });

  it("has no unused key: each is named in a file that opens its namespace", () => {
    for (const key of english.keys()) {
      const [namespace] = key.split(".") as [string];
      if (namespace in DYNAMIC) continue;
      const name = key.slice(namespace.length + 1);
      const used = files.some(({ code }) => code.includes(`Translations("${namespace}")`) && code.includes(`"${name}"`));
      expect(used, `unused message ${key}`).toBe(true);
    }
  });

  it("has every key the interface asks for", () => {
    let calls = 0;
    for (const { path, code } of files) {
      for (const binding of code.matchAll(/const (\w+) = (?:await )?(?:use|get)Translations\("(\w+)"\)/g)) {
        const [, name, namespace] = binding as unknown as [string, string, string];
        for (const call of code.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.raw)?\\("([\\w.]+)"`, "g"))) {
          calls++;
          expect(english.has(`${namespace}.${call[1]}`), `${path} asks for ${namespace}.${call[1]}`).toBe(true);
        }
      }
    }
    expect(calls).toBeGreaterThan(10);
  });
});
