/**
 * HTML escaping for the rare markup built as a string (the gap matrix's
 * 1,500 cells): the same five characters, replaced by the same entities, as
 * React's server renderer, so such markup reads exactly as React would have
 * written it. Safe for text and for double-quoted attribute values.
 */
const ENTITIES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };

export function escapeHtml(value: string): string {
  return value.replace(/["&'<>]/g, (c) => ENTITIES[c]!);
}
