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
] as const;

/** The main navigation's links, each with `suffix` (the page's "as of" date) except the lines of law, which have no date. */
export function NavList({ suffix }: { suffix: string }) {
  const t = useTranslations("nav");
  return (
    <nav aria-label={t("label")}>
      <ul>
        {PAGES.map(([href, key]) => (
          <li key={href}>
            <Link href={`${href}${href === "/lineage" ? "" : suffix}`}>{t(key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
