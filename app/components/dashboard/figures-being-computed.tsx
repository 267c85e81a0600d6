import { useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";

/**
 * Shown instead of the dashboard's figures while a date's indicators are computed in the background
 * (server/cache/indicator-fill.ts, startIndicatorFill): at the scale of the acquis the first view of a
 * date takes about a minute. No automatic reload (WCAG 2.2.1): the reader reloads when ready.
 */
export function FiguresBeingComputed({ date, computed, total, reloadHref }: { date: string; computed: number; total: number; reloadHref: string }) {
  const t = useTranslations("dashboard");
  return (
    <div className="notice" role="status" data-figures-pending="true">
      <p>{t.rich("computing", { strong: (chunks) => <strong>{chunks}</strong>, date, computed, total })}</p>
      <p>
        <Link href={reloadHref} className="button-link">
          {t("reload")}
        </Link>
      </p>
    </div>
  );
}
