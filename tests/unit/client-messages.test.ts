/**
 * The catalogue's namespaces sent to the browser (app/i18n/client-messages.ts) are exactly those client code reads:
 * every module a "use client" module imports, transitively within app/, is scanned for `useTranslations("ns")` and, for
 * `useTranslations()` without a namespace, for the keys it names in full (`t("ns.key")`). A page namespace reaches a
 * client module only through the server modules that render it, each of which must wrap it in
 * `<ClientMessages namespaces={[…]}>` naming that namespace.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { LAYOUT_NAMESPACES, PAGE_NAMESPACES } from "@/app/i18n/client-messages";

const CLIENT_NAMESPACES: readonly string[] = [...LAYOUT_NAMESPACES, ...PAGE_NAMESPACES];

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

/** The app/ modules a module imports; `import type` brings no code into the browser, so it is not followed. */
function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/(?:import|export)\s+(?!type\b)[^"';]*?from\s+["']([^"']+)["']/g)]
    .map(([, specifier]) => resolveImport(file, specifier!))
    .filter((target): target is string => target !== null);
}

function clientModules(): Set<string> {
  const all = sourceFiles(join(ROOT, "app"));
  const reached = new Set(all.filter((file) => /^\s*["']use client["']/m.test(readFileSync(file, "utf8").slice(0, 200))));
  const queue = [...reached];
  while (queue.length) {
    const file = queue.pop()!;
    for (const target of importsOf(file)) {
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}

/** The page namespaces a server module wraps its client parts in: every `<ClientMessages namespaces={[…]}>` of it. */
function namespacesWrapped(file: string): Set<string> {
  const text = readFileSync(file, "utf8");
  return new Set([...text.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((q) => q[1]!)));
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

  it("wrap each client component reading a page namespace in a <ClientMessages> naming it, in every server module rendering it", () => {
    const all = sourceFiles(join(ROOT, "app"));
    const isEntry = (file: string) => /^\s*["']use client["']/m.test(readFileSync(file, "utf8").slice(0, 200));
    const importers = new Map<string, string[]>();
    for (const file of all) for (const target of importsOf(file)) importers.set(target, [...(importers.get(target) ?? []), file]);
    const unwrapped: string[] = [];
    for (const entry of all.filter(isEntry)) {
      // What the component reads in the browser: its module and all it imports.
      const closure = new Set([entry]);
      const queue = [entry];
      while (queue.length) for (const target of importsOf(queue.pop()!)) if (!closure.has(target) && closure.add(target)) queue.push(target);
      const needs = [...new Set([...closure].flatMap(namespacesRead))].filter((ns) => !(LAYOUT_NAMESPACES as readonly string[]).includes(ns));
      if (!needs.length) continue;
      const rendering = importers.get(entry) ?? [];
      if (!rendering.length) unwrapped.push(`${entry.slice(ROOT.length + 1)} is rendered by Next itself: it may read only layout namespaces, not ${needs}`);
      // A client module importing it is an entry of its own, checked with this one's namespaces in its closure.
      for (const server of rendering.filter((file) => !isEntry(file))) {
        const missing = needs.filter((ns) => !namespacesWrapped(server).has(ns));
        if (missing.length) unwrapped.push(`${server.slice(ROOT.length + 1)} renders ${entry.slice(ROOT.length + 1)} outside <ClientMessages> with ${missing}`);
      }
    }
    expect(unwrapped).toEqual([]);
  });

  it("checks the wrapping (the scan sees a wrapper)", () => {
    expect(namespacesWrapped(join(ROOT, "app/components/data-table/browse-table.tsx")).has("table")).toBe(true);
  });
});
