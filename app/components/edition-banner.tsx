"use client";

import { Link, usePathname } from "@/app/i18n/navigation";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";

export interface BannerEdition {
  name: string;
  reportingDate: string;
  datasetVersion: string;
}

/**
 * Says which edition a page is viewed as of ("?edition=2026-H2"), with the way back to the live inventory; or that
 * no edition has the name asked for. Read from the address on the client, because the layout it sits in is not
 * rendered again when the reader moves between pages.
 */
export function EditionBanner({ editions }: { editions: BannerEdition[] }) {
  const tm = useTranslations();
  const locale = useLocale();
  const params = useSearchParams();
  const pathname = usePathname();
  const name = params.get("edition");
  if (!name) return null;
  const live = new URLSearchParams(params);
  live.delete("edition");
  const liveHref = `${pathname || "/"}${live.size ? `?${live}` : ""}`;
  const edition = editions.find((e) => e.name === name);
  return (
    <div className="edition-banner" role="region" aria-label={tm("editions.title")}>
      <div className="wrap">
        <p>
          {edition
            ? tm("editions.bannerViewing", { name: edition.name, date: formatDate(edition.reportingDate, locale), version: edition.datasetVersion })
            : tm("editions.bannerMissing", { name: name.slice(0, 40) })}{" "}
          <Link href={liveHref}>{tm("editions.bannerLive")}</Link>
        </p>
      </div>
    </div>
  );
}
