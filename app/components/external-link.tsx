import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { safeHttpUrl } from "@/lib/links";

/** A link to a URL from the data: only http(s) becomes a link; anything else is shown as text. */
export function ExternalLink({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  const t = useTranslations("site");
  const safe = safeHttpUrl(href);
  if (!safe) return <>{children}</>;
  return (
    <a href={safe} rel="noopener noreferrer external" target="_blank">
      {children}
      <span className="visually-hidden"> {t("newTab")}</span>
    </a>
  );
}
