/**
 * The interface's words, by key, in message catalogues (messages/<locale>.json) laid out as next-intl reads them
 * (namespaces of keys, `{name}` placeholders), so the three-language interface (issue #18) adds catalogues and a
 * locale rather than rewriting components. Components moved here so far: the notification counting note.
 */
import en from "@/messages/en.json";
import { DEFAULT_LOCALE, type Locale } from "./format";

type Catalogue = typeof en;
type Namespace = keyof Catalogue;
export type MessageKey = { [N in Namespace]: `${N}.${Extract<keyof Catalogue[N], string>}` }[Namespace];

const catalogues: Partial<Record<Locale, Catalogue>> = { en };

/** The message for `key` in `locale` (English when the catalogue lacks it), with `{name}` placeholders filled. */
export function message(key: MessageKey, values: Record<string, string | number> = {}, locale: Locale = DEFAULT_LOCALE): string {
  const [namespace, name] = key.split(".") as [Namespace, string];
  const text = ((catalogues[locale] ?? en)[namespace] as Record<string, string>)[name] ?? (en[namespace] as Record<string, string>)[name] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, placeholder: string) => (placeholder in values ? String(values[placeholder]) : whole));
}

/** The message split at its placeholders, for a component that puts an element (a <time>, a link) in their place. */
export function messageParts(key: MessageKey, locale: Locale = DEFAULT_LOCALE): (string | { placeholder: string })[] {
  const text = message(key, {}, locale);
  return text
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((part) => (/^\{\w+\}$/.test(part) ? { placeholder: part.slice(1, -1) } : part));
}

/** Every key of the English catalogue, for the test that finds unused or missing ones. */
export function messageKeys(): MessageKey[] {
  return Object.entries(en).flatMap(([namespace, entries]) => Object.keys(entries).map((name) => `${namespace}.${name}` as MessageKey));
}
