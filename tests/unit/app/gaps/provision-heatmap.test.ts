import { describe, expect, it } from "vitest";
import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { withIntl } from "@/tests/support/intl";
import { ProvisionHeatmap, type HeatmapColumn, type HeatmapRow } from "@/app/gaps/provision-heatmap";

const columns: HeatmapColumn[] = [
  { id: 11, label: "Art. 17", heading: "Security of processing", gap: "50%", href: "/provisions/11?as_of=2005-01-01" },
  { id: 12, label: "Annex I", heading: "Annex", gap: "—", href: "/provisions/12?as_of=2005-01-01" },
];
const rows: HeatmapRow[] = [
  {
    code: "DE",
    name: "Germany",
    gap: "0%",
    href: "/member-states/DE?as_of=2005-01-01",
    cells: [
      ["full", "§ 9 BDSG"],
      ["not_due", ""],
    ],
  },
  {
    code: "FR",
    name: "France & <Co> \"'",
    gap: "100%",
    href: "/member-states/FR?as_of=2005-01-01",
    cells: [
      ["unknown", ""],
      ["partial", `Art. 34 "loi" <script>alert('x')</script> & co`],
    ],
  },
];
const statusText = { full: "Full", partial: "Partial", unknown: "Unknown (not assessed)", not_due: "Not due on this date" };
const shortText = { full: "Full", partial: "Part", unknown: "?", not_due: "n/d" };
const symbol: Record<string, string> = { full: "●", partial: "◐", unknown: "?", not_due: "·" };
const props = { labelledBy: "matrix-heading", shortName: "95/46/EC", columns, rows, statusText, shortText, asOfSuffix: "&as_of=2005-01-01" };

/** The body as React elements: what the string markup must read exactly like. */
function referenceBody(): string {
  return renderToStaticMarkup(
    h(
      Fragment,
      null,
      rows.map((r) =>
        h(
          "tr",
          { key: r.code },
          h("th", { scope: "row" }, h("a", { href: r.href }, r.name), " ", h("span", { className: "gap-figure" }, `gap ${r.gap}`)),
          r.cells.map(([status, np], ci) => {
            const c = columns[ci]!;
            const label = `${r.name}, 95/46/EC ${c.label}: ${statusText[status as keyof typeof statusText]}${np ? `. National provision: ${np}` : ""}`;
            return h(
              "td",
              { key: c.id, className: `cell tstatus-${status}` },
              h(
                "a",
                { "aria-label": label, href: `/provisions/${c.id}?state=${r.code}&as_of=2005-01-01` },
                h("span", { "aria-hidden": "true" }, `${symbol[status]} ${shortText[status as keyof typeof shortText]}`),
              ),
            );
          }),
        ),
      ),
    ),
  );
}

describe("the gap matrix heatmap", () => {
  const html = renderToStaticMarkup(withIntl(h(ProvisionHeatmap, props)));
  const body = /<tbody>(.*)<\/tbody>/s.exec(html)?.[1];

  it("renders one row per state and one linked cell per provision, as React elements would", () => {
    expect(body).toBe(referenceBody());
    expect(body!.match(/<td /g)).toHaveLength(4);
  });

  it("names each cell by state, provision, status and national provision, and links it to the correspondence on the date", () => {
    expect(body).toContain(
      `<a aria-label="Germany, 95/46/EC Art. 17: Full. National provision: § 9 BDSG" href="/provisions/11?state=DE&amp;as_of=2005-01-01"><span aria-hidden="true">● Full</span></a>`,
    );
    expect(body).toContain(`aria-label="Germany, 95/46/EC Annex I: Not due on this date"`);
  });

  it("escapes every text it did not write", () => {
    expect(body).not.toContain("<script>");
    expect(body).toContain("France &amp; &lt;Co&gt; &quot;&#x27;");
    expect(body).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co");
  });

  it("keeps the head's column links and headings", () => {
    expect(html).toContain(
      `<th scope="col" title="Security of processing"><a href="/provisions/11?as_of=2005-01-01">Art. 17</a><span class="gap-figure">gap 50%</span></th>`,
    );
    expect(html).toMatch(/^<table class="heatmap" aria-labelledby="matrix-heading"><thead>/);
  });

  it("keeps the language in French: its plain links carry the prefix, its words are French", () => {
    const french = renderToStaticMarkup(withIntl(h(ProvisionHeatmap, props), "fr"));
    expect(french).toContain(`<a href="/fr/member-states/DE?as_of=2005-01-01">Germany</a> <span class="gap-figure">lacune 0%</span>`);
    expect(french).toContain(
      `aria-label="Germany, 95/46/EC Art. 17: Full. Disposition nationale : § 9 BDSG" href="/fr/provisions/11?state=DE&amp;as_of=2005-01-01"`,
    );
    expect(french).toContain(`<th scope="col">État membre (lacune)</th>`);
    // The head's links go through <Link>, which adds the prefix itself; no path is prefixed twice.
    expect(french).not.toContain("/fr/fr/");
  });
});
