import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { escapeHtml } from "@/lib/html";

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
