import Link from "next/link";

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
] as const;

/** The main navigation's links, each with `suffix` (the page's "as of" date) except the lines of law, which have no date. */
export function NavList({ suffix }: { suffix: string }) {
  return (
    <nav aria-label="Main">
      <ul>
        {PAGES.map(([href, text]) => (
          <li key={href}>
            <Link href={`${href}${href === "/lineage" ? "" : suffix}`}>{text}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
