"use client";
/**
 * The states × provisions heatmap of /gaps (30 × 50 cells at scale). A client
 * component, like the instrument page's grid, so that the page's RSC payload
 * carries each cell as a status code and a national provision instead of its
 * element tree; the HTML is still rendered on the server.
 *
 * The body is one string of markup (escaped as React escapes), not 4,500
 * elements: rendering them cost about half of the page's server time at
 * scale, and the cells have no behaviour — plain links, without next/link,
 * which would also prefetch each visible correspondence page. The head keeps
 * client-side navigation.
 */
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import { localizedPath } from "@/lib/i18n";
import { escapeHtml } from "@/lib/html";
import { STATUS_SYMBOL } from "../components/status-symbols";

export interface HeatmapColumn {
  id: number;
  label: string;
  heading: string;
  gap: string;
  href: string;
}

export interface HeatmapRow {
  code: string;
  name: string;
  gap: string;
  href: string;
  /** One per column: [status, national provision or ""]. */
  cells: [string, string][];
}

const SYMBOL: Record<string, string> = { ...STATUS_SYMBOL, not_due: "·" };

/** The body's own words and links in the interface's language: plain links do not get the language prefix <Link> adds. */
export interface HeatmapWords {
  gap: (gap: string) => string;
  nationalProvision: (text: string) => string;
  /** A same-site path in the interface's language. */
  path: (path: string) => string;
}

/** What the body is drawn from. `hrefOf` cannot cross to the client: cell links follow /provisions/<id>?state=<code>, with `asOfSuffix` appended. */
interface HeatmapBody {
  shortName: string;
  columns: HeatmapColumn[];
  rows: HeatmapRow[];
  statusText: Record<string, string>;
  shortText: Record<string, string>;
  asOfSuffix: string;
}

export function ProvisionHeatmap({ labelledBy, ...body }: HeatmapBody & { labelledBy: string }) {
  const { columns } = body;
  const t = useTranslations("gaps");
  const locale = useLocale();
  // t() formats its ICU message on every call, about 6 µs: 8–27 ms for the 1,320 cells of a matrix at scale. The
  // sentence around a national provision is formatted once, with a marker where the text goes.
  const [beforeText, afterText = ""] = t("nationalProvision", { text: "\u0000" }).split("\u0000");
  const words: HeatmapWords = {
    gap: (gap) => t("gapFigure", { gap }),
    nationalProvision: (text) => beforeText + text + afterText,
    path: (path) => localizedPath(locale, path),
  };
  return (
    <table className="heatmap" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t("stateGap")}</th>
          {columns.map((c) => (
            <th scope="col" key={c.id} title={c.heading}>
              <Link href={c.href}>{c.label}</Link>
              <span className="gap-figure">{words.gap(c.gap)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody dangerouslySetInnerHTML={{ __html: heatmapBodyHtml(body, words) }} />
    </table>
  );
}

/** The rows as markup: each cell a link named by state, provision, status and national provision, its symbol and short text hidden from assistive technology. */
export function heatmapBodyHtml({ shortName, columns, rows, statusText, shortText, asOfSuffix }: HeatmapBody, words: HeatmapWords): string {
  const parts: string[] = [];
  for (const r of rows) {
    parts.push(
      `<tr><th scope="row"><a href="${escapeHtml(words.path(r.href))}">${escapeHtml(r.name)}</a> <span class="gap-figure">${escapeHtml(words.gap(r.gap))}</span></th>`,
    );
    r.cells.forEach(([status, nationalProvision], ci) => {
      const c = columns[ci]!;
      const description = `${r.name}, ${shortName} ${c.label}: ${statusText[status] ?? status}${nationalProvision ? `. ${words.nationalProvision(nationalProvision)}` : ""}`;
      const href = words.path(`/provisions/${c.id}?state=${r.code}${asOfSuffix}`);
      parts.push(
        `<td class="cell tstatus-${escapeHtml(status)}"><a aria-label="${escapeHtml(description)}" href="${escapeHtml(href)}"><span aria-hidden="true">${escapeHtml(`${SYMBOL[status] ?? ""} ${shortText[status] ?? ""}`)}</span></a></td>`,
      );
    });
    parts.push("</tr>");
  }
  return parts.join("");
}
