/**
 * A small Atom (RFC 4287) writer: the feed's and each entry's required elements (id, title, updated; an author for
 * the feed; a link), every text escaped for XML and stripped of the characters XML 1.0 cannot carry. Small enough to
 * own, and checked by tests against the RFC's rules; the feeds of changes (app/feeds/) are its only caller.
 */

export interface AtomLink {
  href: string;
  rel?: "alternate" | "self" | "related";
  type?: string;
}

export interface AtomEntry {
  /** A permanent IRI (tag: or urn:), never reused for another entry. */
  id: string;
  title: string;
  /** ISO 8601 date-time with a zone, as RFC 3339 requires. */
  updated: string;
  link: string;
  /** Plain text: shown as the entry's summary. */
  summary?: string;
  categories?: readonly string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  authorName: string;
  /** The page the feed is the changes of. */
  alternate: string;
  /** The feed's own URL. */
  self: string;
  lang?: string;
  entries: readonly AtomEntry[];
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

// Everything outside XML 1.0's Char production (control characters, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** RFC 4287 §4.2.6: an id is an absolute IRI; the feeds use tag: (RFC 4151) or urn:. */
const PERMANENT_IRI = /^(tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:\S+|urn:[a-z0-9][a-z0-9-]{0,31}:\S+)$/i;

function assertDate(value: string, what: string) {
  if (!RFC3339.test(value)) throw new Error(`${what} is not an RFC 3339 date-time: ${value}`);
}
function assertId(value: string, what: string) {
  if (!PERMANENT_IRI.test(value)) throw new Error(`${what} is not a tag: or urn: IRI: ${value}`);
}

const element = (name: string, text: string, attrs = "") => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const link = (l: AtomLink) => `<link${l.rel ? ` rel="${l.rel}"` : ""}${l.type ? ` type="${escapeXml(l.type)}"` : ""} href="${escapeXml(l.href)}"/>`;

/** The feed document. Throws on an id or date the RFC does not allow: they come from code, not from users. */
export function buildAtomFeed(feed: AtomFeed): string {
  assertId(feed.id, "The feed's id");
  assertDate(feed.updated, "The feed's updated");
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom"${feed.lang ? ` xml:lang="${escapeXml(feed.lang)}"` : ""}>`,
    element("id", feed.id),
    element("title", feed.title, ` type="text"`),
    ...(feed.subtitle ? [element("subtitle", feed.subtitle, ` type="text"`)] : []),
    element("updated", feed.updated),
    `<author>${element("name", feed.authorName)}</author>`,
    link({ rel: "alternate", type: "text/html", href: feed.alternate }),
    link({ rel: "self", type: "application/atom+xml", href: feed.self }),
  ];
  for (const entry of feed.entries) {
    assertId(entry.id, "An entry's id");
    assertDate(entry.updated, "An entry's updated");
    lines.push(
      "<entry>",
      element("id", entry.id),
      element("title", entry.title, ` type="text"`),
      element("updated", entry.updated),
      link({ rel: "alternate", type: "text/html", href: entry.link }),
      ...(entry.categories ?? []).map((term) => `<category term="${escapeXml(term)}"/>`),
      ...(entry.summary ? [element("summary", entry.summary, ` type="text"`)] : []),
      "</entry>",
    );
  }
  lines.push("</feed>");
  return lines.join("\n") + "\n";
}

/** tag:<host>,<year>:<specific> — stable for one site; the host is taken without its port, as RFC 4151 asks. */
export function tagUri(origin: string, year: number, specific: string): string {
  const host = new URL(origin).hostname.toLowerCase();
  return `tag:${host},${year}:${specific.replace(/[^A-Za-z0-9._~/:=-]/g, (c) => encodeURIComponent(c))}`;
}
