/**
 * Markup built as a string, for the long runs of cells where React's elements cost more than they give (the gap
 * matrix's 1,500 cells, a browse table's rows): the same five characters, replaced by the same entities, as React's
 * server renderer, so such markup reads exactly as React would have written it. Safe for text and for double-quoted
 * attribute values.
 */
const ENTITIES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };

export function escapeHtml(value: string): string {
  return value.replace(/["&'<>]/g, (c) => ENTITIES[c]!);
}

/** Markup already escaped: `html` puts it in as it is. Only `html` makes one, so every string in it was escaped once. */
export class Markup {
  private constructor(readonly html: string) {}

  static fromTemplate(strings: TemplateStringsArray, values: readonly HtmlValue[]): Markup {
    let out = strings[0]!;
    values.forEach((value, i) => (out += markupOf(value) + strings[i + 1]!));
    return new Markup(out);
  }

  toString(): string {
    return this.html;
  }
}

/** What a template takes: text and numbers (escaped), markup (as it is), lists of these (joined), and nothing (null, undefined, false). */
export type HtmlValue = Markup | string | number | null | undefined | false | readonly HtmlValue[];

/** A template of markup whose values are escaped unless they are markup themselves; attribute values go in double quotes. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Markup {
  return Markup.fromTemplate(strings, values);
}

function markupOf(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Markup) return value.html;
  if (Array.isArray(value)) return value.map(markupOf).join("");
  return escapeHtml(String(value));
}
