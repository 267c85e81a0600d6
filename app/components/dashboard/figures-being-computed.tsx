import { Link } from "@/app/i18n/navigation";

/**
 * Shown instead of the dashboard's figures while a date's indicators are computed in the background
 * (server/cache/indicator-fill.ts, startIndicatorFill): at the scale of the acquis the first view of a
 * date takes about a minute. No automatic reload (WCAG 2.2.1): the reader reloads when ready.
 */
export function FiguresBeingComputed({ date, computed, total, reloadHref }: { date: string; computed: number; total: number; reloadHref: string }) {
  return (
    <div className="notice" role="status" data-figures-pending="true">
      <p>
        <strong>The indicators as of {date} are being computed</strong>: {computed.toLocaleString("en")} of {total.toLocaleString("en")} instruments done. The
        first view of a date computes every instrument&apos;s figures once, which takes a while for a large inventory; they are then kept until the inventory
        changes. The other pages stay available meanwhile.
      </p>
      <p>
        <Link href={reloadHref} className="button-link">
          Reload to see the figures
        </Link>
      </p>
    </div>
  );
}
