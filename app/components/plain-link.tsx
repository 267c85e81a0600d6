/**
 * A link in a long list of links — a browse table's cells, the instruments of a collection — as plain markup, with
 * the interface's language on its path. next-intl's <Link> is a client component per link: its props and reference
 * travel again in the page's RSC payload, its hooks run for each during the server render, and each target is
 * prefetched as it scrolls into view. That was a fifth of the measures page's render at scale (median 40 → 31 ms by
 * curl, 2026-12-07), and the 1,800 instruments listed above the gap matrix were 350 KB of its payload. A click loads
 * the linked page in full, as a link opened in a new tab does.
 */
import type { ReactNode } from "react";
import { useLocalePath } from "@/app/i18n/paths";

export function PlainLink({ href, lang, children }: { href: string; lang?: string; children: ReactNode }) {
  const localePath = useLocalePath();
  return (
    <a href={localePath(href)} lang={lang}>
      {children}
    </a>
  );
}
