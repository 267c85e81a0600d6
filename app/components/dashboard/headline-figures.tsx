import { useLocale, useTranslations } from "next-intl";
import { useCollectionLabel } from "@/app/i18n/collections";
import { formatShare } from "@/lib/format";
import type { CollectionId } from "@/lib/collections";
import type { HeadlineFigures } from "@/lib/indicators/headline";

/** The headline cards; the sums are lib/indicators/headline.ts's. */
export function HeadlineFiguresSection({ figures, collection }: { figures: HeadlineFigures; collection: CollectionId }) {
  const t = useTranslations("headline");
  const locale = useLocale();
  const collectionLabel = useCollectionLabel();
  const percent = (v: number | null) => (v === null ? "—" : formatShare(v, 1, locale));
  const figure = (chunks: React.ReactNode) => <span className="figure">{chunks}</span>;
  const { coverage } = figures;
  return (
    <>
      <h2 id="headline-heading">{t("title")}</h2>
      <ul className="cards" aria-labelledby="headline-heading">
        <li>
          {t.rich("instrumentsInForce", { figure, inForce: figures.instrumentsInForce, total: figures.instruments, collection: collectionLabel(collection) })}
        </li>
        <li>{t.rich("memberStates", { figure, count: figures.memberStates })}</li>
        <li>
          {figures.statesWithDeficit
            ? t.rich("meetingTarget", { figure, meeting: figures.statesMeetingTarget, total: figures.statesWithDeficit })
            : t.rich("meetingTargetNone", { figure })}
        </li>
        <li>{t.rich("averageDeficit", { figure, value: percent(figures.averageDeficit) })}</li>
        <li>{t.rich("longOverdue", { figure, count: figures.longOverdue })}</li>
        <li>{t.rich("openInfringements", { figure, count: figures.openInfringements })}</li>
        <li>
          {t.rich("coverage", {
            figure,
            value: percent(coverage.share),
            full: coverage.full,
            assessed: coverage.assessed,
            notAssessed: coverage.applicable - coverage.assessed,
          })}
        </li>
        <li>{t.rich("inferredDates", { figure, count: figures.inferredDates })}</li>
      </ul>
    </>
  );
}
