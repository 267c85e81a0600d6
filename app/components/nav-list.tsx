import { useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";

const PAGES = [
  ["/", "overview"],
  ["/instruments", "instruments"],
  ["/lineage", "lineage"],
  ["/member-states", "memberStates"],
  ["/measures", "measures"],
  ["/transpositions", "transpositions"],
  ["/provisions", "provisions"],
  ["/obligations", "obligations"],
  ["/compare", "compare"],
  ["/gaps", "gaps"],
  ["/charts", "charts"],
  ["/data", "data"],
  ["/changes", "changes"],
  ["/editions", "editions"],
] as const;

/** Pages without an "as of" date: they list what was recorded, not what held on a date. */
const UNDATED = new Set(["/lineage", "/changes", "/editions"]);

/**
 * The main navigation's links, each keeping the page's "as of" date (except the pages that have none) and the edition
 * it is viewed as of, so that browsing stays on the reader's date and edition.
 */
export function NavList({ asOf = null, edition = null }: { asOf?: string | null; edition?: string | null }) {
  const t = useTranslations("nav");
  const suffix = (href: string) => {
    const query = new URLSearchParams();
    if (asOf && !UNDATED.has(href)) query.set("as_of", asOf);
    if (edition) query.set("edition", edition);
    return query.size ? `?${query}` : "";
  };
  return (
    <nav aria-label={t("label")}>
      <ul>
        {PAGES.map(([href, key]) => (
          <li key={href}>
            <Link href={`${href}${suffix(href)}`}>{t(key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
