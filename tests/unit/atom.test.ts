import { DOMParser, type Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { buildAtomFeed, escapeXml, tagUri, type AtomFeed } from "@/lib/atom";

const ATOM = "http://www.w3.org/2005/Atom";

/** Parses strictly: any well-formedness error throws. */
function parse(xml: string) {
  return new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") throw new Error(msg);
    },
  }).parseFromString(xml, "application/xml");
}

const feed = (over: Partial<AtomFeed> = {}): AtomFeed => ({
  id: "tag:inventory.example.eu,2026:changes",
  title: "Changes",
  updated: "2026-12-07T03:00:00.000Z",
  authorName: "NIS Measures Inventory",
  alternate: "https://inventory.example.eu/changes",
  self: "https://inventory.example.eu/feeds/changes.atom",
  entries: [],
  ...over,
});

describe("escapeXml", () => {
  it("escapes markup and quotes, and drops characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u0007c\u000Bd\uFFFEe")).toBe("abcde");
    expect(escapeXml("tab\tnew\nline\rok")).toBe("tab\tnew\nline\rok");
    expect(escapeXml("lone \uD800 surrogate, pair \uD83D\uDE00")).toBe("lone  surrogate, pair \uD83D\uDE00");
    expect(escapeXml("données — Ελλάδα")).toBe("données — Ελλάδα");
  });
});

describe("buildAtomFeed", () => {
  it("writes the RFC 4287 required elements of the feed and of each entry", () => {
    const xml = buildAtomFeed(
      feed({
        entries: [
          {
            id: "tag:inventory.example.eu,2026:change/7",
            title: "Changed: 95/46/EC Art. 17 — France",
            updated: "2026-12-07T02:59:00.000Z",
            link: "https://inventory.example.eu/member-states/FR/instruments/31995L0046",
            summary: "Status: partial → full",
            categories: ["transposition", "FR"],
          },
        ],
      }),
    );
    const doc = parse(xml);
    const root = doc.documentElement!;
    expect(root.namespaceURI).toBe(ATOM);
    expect(root.localName).toBe("feed");
    const child = (el: Element, name: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
    for (const name of ["id", "title", "updated", "author"]) expect(child(root, name), name).toHaveLength(1);
    expect(child(child(root, "author")[0]!, "name")[0]!.textContent).toBe("NIS Measures Inventory");
    expect(child(root, "link").map((l) => l.getAttribute("rel"))).toEqual(["alternate", "self"]);
    const [entry] = child(root, "entry");
    for (const name of ["id", "title", "updated"]) expect(child(entry!, name), name).toHaveLength(1);
    expect(child(entry!, "id")[0]!.textContent).toBe("tag:inventory.example.eu,2026:change/7");
    expect(child(entry!, "title")[0]!.textContent).toBe("Changed: 95/46/EC Art. 17 — France");
    expect(child(entry!, "link")[0]!.getAttribute("href")).toBe("https://inventory.example.eu/member-states/FR/instruments/31995L0046");
    expect(child(entry!, "summary")[0]!.textContent).toBe("Status: partial → full");
    expect(child(entry!, "category").map((c) => c.getAttribute("term"))).toEqual(["transposition", "FR"]);
  });

  it("keeps hostile text as text: markup, entities and control characters in titles, summaries and links", () => {
    const hostile = `</title><script>alert(1)</script>&amp; "quoted" \u0001`;
    const xml = buildAtomFeed(
      feed({
        title: hostile,
        entries: [
          {
            id: "tag:inventory.example.eu,2026:change/1",
            title: hostile,
            updated: "2026-12-07T00:00:00Z",
            link: `https://x.example/?a=1&b="2"`,
            summary: hostile,
          },
        ],
      }),
    );
    expect(xml).not.toContain("<script>");
    const doc = parse(xml);
    const titles = Array.from(doc.getElementsByTagNameNS(ATOM, "title")).map((t) => t.textContent);
    expect(titles).toEqual([hostile.replace("\u0001", ""), hostile.replace("\u0001", "")]);
    expect(doc.getElementsByTagNameNS(ATOM, "entry")[0]!.getElementsByTagNameNS(ATOM, "link")[0]!.getAttribute("href")).toBe(`https://x.example/?a=1&b="2"`);
  });

  it("refuses an id that is not a tag: or urn: IRI and a date without a zone", () => {
    expect(() => buildAtomFeed(feed({ id: "changes" }))).toThrow(/IRI/);
    expect(() => buildAtomFeed(feed({ updated: "2026-12-07 03:00:00" }))).toThrow(/RFC 3339/);
    expect(() =>
      buildAtomFeed(feed({ entries: [{ id: "https://x.example/1", title: "t", updated: "2026-12-07T00:00:00Z", link: "https://x.example/" }] })),
    ).toThrow(/IRI/);
    expect(() => buildAtomFeed(feed({ id: "urn:nis-inventory:changes" }))).not.toThrow();
  });
});

describe("tagUri", () => {
  it("takes the host without its port and keeps the specific part readable", () => {
    expect(tagUri("http://localhost:3400", 2026, "changes/state/FR")).toBe("tag:localhost,2026:changes/state/FR");
    expect(tagUri("https://Inventory.Example.eu", 2026, "change/12")).toBe("tag:inventory.example.eu,2026:change/12");
    expect(tagUri("https://inventory.example.eu", 2026, "a b")).toBe("tag:inventory.example.eu,2026:a%20b");
  });
});
