/**
 * The catalogue's namespaces sent to the browser (app/i18n/client-messages.ts) are exactly those client code reads:
 * every module a "use client" module imports, transitively within app/, is scanned for `useTranslations("ns")` and, for
 * `useTranslations()` without a namespace, for the keys it names in full (`t("ns.key")`).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "@/app/i18n/client-messages";

const ROOT = resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** An import specifier of app/ code resolved to its file, or null for a package or a module outside app/. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(from), specifier) : null;
  if (!base || !base.startsWith(join(ROOT, "app"))) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")])
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  return null;
}

function clientModules(): Set<string> {
  const all = sourceFiles(join(ROOT, "app"));
  const reached = new Set(all.filter((file) => /^\s*["']use client["']/m.test(readFileSync(file, "utf8").slice(0, 200))));
  const queue = [...reached];
  while (queue.length) {
    const file = queue.pop()!;
    // `import type` brings no code into the browser, so it is not followed.
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/(?:import|export)\s+(?!type\b)[^"';]*?from\s+["']([^"']+)["']/g)) {
      const target = resolveImport(file, specifier!);
      if (target && !reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}

function namespacesRead(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const named = [...text.matchAll(/useTranslations\(\s*["']([^"'.]+)/g)].map((m) => m[1]!);
  const unnamed = /useTranslations\(\s*\)/.test(text) ? [...text.matchAll(/\b\w+\(\s*["']([A-Za-z]+)\.[A-Za-z]/g)].map((m) => m[1]!) : [];
  return [...named, ...unnamed];
}

describe("the messages sent to the browser", () => {
  const modules = clientModules();
  const read = new Map<string, string[]>();
  for (const file of modules) for (const ns of namespacesRead(file)) read.set(ns, [...(read.get(ns) ?? []), file.slice(ROOT.length + 1)]);

  it("finds the client modules (the scan works)", () => {
    expect([...modules].some((f) => f.endsWith("app/components/main-nav.tsx"))).toBe(true);
    expect(read.get("nav")).toBeDefined();
  });

  it("include every namespace a client module reads", () => {
    const missing = [...read.keys()].filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns));
    expect(missing.map((ns) => `${ns} (${read.get(ns)!.join(", ")})`)).toEqual([]);
  });

  it("include no namespace that no client module reads", () => {
    expect(CLIENT_NAMESPACES.filter((ns) => !read.has(ns))).toEqual([]);
  });
});
