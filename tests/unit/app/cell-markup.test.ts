/**
 * A browse table's cells are built as markup (app/components/data-table/cell-markup.ts) beside the components that
 * render the same things elsewhere: each must read exactly as its component renders, in every language.
 */
import { describe, expect, it } from "vitest";
import { createElement as h, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { withIntl } from "@/tests/support/intl";
import { useCellMarkup, type CellMarkup } from "@/app/components/data-table/cell-markup";
import { PlainLink } from "@/app/components/plain-link";
import { DateText } from "@/app/components/date-text";
import { VerificationBadge } from "@/app/components/source-note";
import { StatusBadge } from "@/app/components/status-badge";
import type { Locale } from "@/lib/format";

const hostile = `Loi n° 78-17 "informatique" & <libertés> 'x'`;

function markup(build: (m: CellMarkup) => { html: string }, locale: Locale): string {
  function Probe() {
    return h("div", { dangerouslySetInnerHTML: { __html: build(useCellMarkup()).html } });
  }
  return renderToStaticMarkup(withIntl(h(Probe), locale)).replace(/^<div>|<\/div>$/g, "");
}

const react = (node: ReactNode, locale: Locale) => renderToStaticMarkup(withIntl(node, locale));

describe.each(["en", "fr", "de"] as const)("a browse table's cells as markup, in %s", (locale) => {
  it("links as PlainLink does, with the language on the path and the title's language", () => {
    expect(markup((m) => m.link("/measures/FR-1?as_of=2001-01-01", hostile, "fr"), locale)).toBe(
      react(h(PlainLink, { href: "/measures/FR-1?as_of=2001-01-01", lang: "fr", children: hostile }), locale),
    );
    expect(markup((m) => m.link("/member-states/DE", "Deutschland"), locale)).toBe(
      react(h(PlainLink, { href: "/member-states/DE", children: "Deutschland" }), locale),
    );
  });

  it("writes dates as DateText does, at each precision, and a dash for none", () => {
    for (const [value, precision] of [
      ["2004-08-06", null],
      ["2004-08-01", "month"],
      ["2004-01-01", "year"],
      ["2004-08-06", "day"],
      [null, null],
    ] as const)
      expect(markup((m) => m.date(value, precision), locale)).toBe(react(h(DateText, { value, precision }), locale));
  });

  it("draws the verification and status badges as their components do", () => {
    for (const state of ["verified", "unverified", "disputed"])
      expect(markup((m) => m.verification(state), locale)).toBe(react(h(VerificationBadge, { state }), locale));
    for (const status of ["full", "partial", "none", "not_applicable", "unknown", "no-such-status"])
      expect(markup((m) => m.status(status), locale)).toBe(react(h(StatusBadge, { status }), locale));
  });

  it("lists items and marks nothing recorded as the pages' elements did", () => {
    expect(markup((m) => m.list([m.link("/instruments/31995L0046", "DPD"), m.link("/instruments/32002L0058", "ePrivacy")]), locale)).toBe(
      react(
        h(
          "ul",
          { className: "plain" },
          h("li", null, h(PlainLink, { href: "/instruments/31995L0046", children: "DPD" })),
          h("li", null, h(PlainLink, { href: "/instruments/32002L0058", children: "ePrivacy" })),
        ),
        locale,
      ),
    );
    expect(markup((m) => m.muted(), locale)).toBe(react(h(Fragment, null, h("span", { className: "muted" }, "—")), locale));
  });
});
