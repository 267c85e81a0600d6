import Link from "next/link";
import { message } from "@/lib/messages";

const PAGES = [
  ["/", "Overview"],
  ["/instruments", "Instruments"],
  ["/lineage", "Lines of law"],
  ["/member-states", "Member States"],
  ["/measures", "Measures"],
  ["/transpositions", "Correspondences"],
  ["/provisions", "Provisions"],
  ["/obligations", "Obligations"],
  ["/compare", "Compare"],
  ["/gaps", "Gap matrix"],
  ["/charts", "Charts"],
  ["/data", "Open data"],
  ["/changes", message("changes.title")],
  ["/editions", message("editions.title")],
] as const;

/** Pages without an "as of" date: they list what was recorded, not what held on a date. */
const UNDATED = new Set(["/lineage", "/changes", "/editions"]);

/**
 * The main navigation's links, each keeping the page's "as of" date (except the pages that have none) and the edition
 * it is viewed as of, so that browsing stays on the reader's date and edition.
 */
export function NavList({ asOf = null, edition = null }: { asOf?: string | null; edition?: string | null }) {
  const suffix = (href: string) => {
    const query = new URLSearchParams();
    if (asOf && !UNDATED.has(href)) query.set("as_of", asOf);
    if (edition) query.set("edition", edition);
    return query.size ? `?${query}` : "";
  };
  return (
    <nav aria-label="Main">
      <ul>
        {PAGES.map(([href, text]) => (
          <li key={href}>
            <Link href={`${href}${suffix(href)}`}>{text}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
