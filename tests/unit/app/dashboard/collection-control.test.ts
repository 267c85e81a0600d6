import { describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { withIntl } from "@/tests/support/intl";
import { CollectionControl } from "@/app/components/dashboard/collection-control";

const instruments = (n: number) => Array.from({ length: n }, (_, i) => ({ celex: `3${String(i).padStart(4, "0")}L0001`, shortName: `Act ${i}` }));
const render = (n: number, locale: "en" | "fr" = "en") =>
  renderToStaticMarkup(withIntl(h(CollectionControl, { path: "/gaps", collection: "in-force", query: {}, instruments: instruments(n) }), locale));

describe("the collection's instruments above the dashboard, gap matrix and charts", () => {
  it("names every instrument of a collection of the acquis's size, each a plain link in the page's language", () => {
    const html = render(12, "fr");
    expect(html).toContain("12 actes :");
    for (const i of instruments(12)) expect(html).toContain(`<a href="/fr/instruments/${i.celex}">${i.shortName}</a>`);
    expect(html).not.toContain("autres dans la");
  });

  it("names the first 100 and counts the rest, with the list of instruments for them", () => {
    const html = render(1806);
    expect(html).toContain("1,806 instruments:");
    expect(html).toContain(">Act 99</a>");
    expect(html).not.toContain(">Act 100</a>");
    expect(html.match(/href="\/instruments\/3/g)).toHaveLength(100);
    expect(html).toMatch(/and 1,706 more in the <a href="\/instruments">list of instruments<\/a>/);
  });
});
