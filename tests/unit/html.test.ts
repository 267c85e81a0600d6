import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { escapeHtml, html } from "@/lib/html";

describe("escapeHtml", () => {
  const nasty = `a & b < c > d "e" 'f' </td><script>alert(1)</script> § 9 BDSG – Ελλάδα`;

  it("escapes text and attribute values exactly as React's server renderer does", () => {
    expect(`<span title="${escapeHtml(nasty)}">${escapeHtml(nasty)}</span>`).toBe(renderToStaticMarkup(createElement("span", { title: nasty }, nasty)));
  });

  it("leaves no markup or quote through", () => {
    expect(escapeHtml(nasty)).not.toMatch(/[<>"']/);
    expect(escapeHtml("plain text")).toBe("plain text");
  });
});

describe("html, markup built as a string", () => {
  const nasty = `</td><script>alert("x")</script> & 'y'`;

  it("escapes every value that is not markup, and reads as React writes the same elements", () => {
    const row = html`<tr><th scope="row"><a href="${"/measures/a&b"}" lang="${"fr"}">${nasty}</a></th><td>${42}</td></tr>`;
    expect(row.html).toBe(
      renderToStaticMarkup(
        createElement(
          "tr",
          null,
          createElement("th", { scope: "row" }, createElement("a", { href: "/measures/a&b", lang: "fr" }, nasty)),
          createElement("td", null, 42),
        ),
      ),
    );
    expect(row.html).not.toContain("<script>");
  });

  it("puts markup in as it is, joins lists and leaves nothing for null, undefined and false", () => {
    const items = ["a<b", "c"].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}`.html).toBe("<ul><li>a&lt;b</li><li>c</li></ul>");
    expect(html`${html`<b>${"<i>"}</b>`}`.html).toBe("<b>&lt;i&gt;</b>");
  });

  it("escapes a string that looks like markup: only html makes markup", () => {
    expect(html`${"<b>bold</b>"}`.html).toBe("&lt;b&gt;bold&lt;/b&gt;");
    expect(html`${{ html: "<b>" } as unknown as string}`.html).toBe("[object Object]");
  });
});
