/**
 * A browse table's cells as markup (lib/html.ts): the same elements as PlainLink, DateText, VerificationBadge and
 * StatusBadge render, built as strings. Fifty rows of a dozen cells as React elements were about a fifth of the
 * measures page's render at scale: each element crosses the RSC payload and is rendered again from it, while a row's
 * markup crosses as one string. tests/unit/app/cell-markup.test.tsx holds each equal to its component's output.
 */
import { useLocale, useTranslations } from "next-intl";
import { html, type HtmlValue, type Markup } from "@/lib/html";
import { formatPartialDate, toPartialDateText } from "@/lib/partial-date";
import type { DatePrecision } from "@/lib/vocabulary";
import { useLabel } from "@/app/i18n/vocabulary";
import { useLocalePath } from "@/app/i18n/paths";
import { STATUS_SYMBOL } from "@/app/components/status-symbols";

export interface CellMarkup {
  /** A same-site link (an unprefixed path: the interface's language is put on it), as PlainLink. */
  link(href: string, text: HtmlValue, lang?: string | null): Markup;
  /** A date as precise as its source, as DateText. */
  date(value: string | null | undefined, precision?: DatePrecision | null): Markup;
  /** A verification state's badge, as VerificationBadge. */
  verification(state: string): Markup;
  /** A correspondence's status badge, as StatusBadge. */
  status(status: string): Markup;
  /** Text in a muted span; a dash for nothing recorded. */
  muted(text?: string): Markup;
  /** Items as a plain list. */
  list(items: readonly Markup[]): Markup;
}

export function useCellMarkup(): CellMarkup {
  const locale = useLocale();
  const dates = useTranslations("dates");
  const label = useLabel();
  const localePath = useLocalePath();
  const muted = (text = "—") => html`<span class="muted">${text}</span>`;
  return {
    link: (href, text, lang) => html`<a href="${localePath(href)}"${lang ? html` lang="${lang}"` : null}>${text}</a>`,
    date: (value, precision) =>
      value
        ? html`<time dateTime="${toPartialDateText(value, precision) ?? value}"${precision ? html` title="${dates("onlyKnown", { precision })}"` : null}>${formatPartialDate(value, precision ?? null, locale)}</time>`
        : muted(),
    verification: (state) => html`<span class="badge ${state}">${label(state)}</span>`,
    status: (status) =>
      html`<span class="badge tstatus-${status}"><span aria-hidden="true">${(STATUS_SYMBOL as Record<string, string>)[status] ?? "?"} </span>${label(status)}</span>`,
    muted,
    list: (items) => html`<ul class="plain">${items.map((item) => html`<li>${item}</li>`)}</ul>`,
  };
}
