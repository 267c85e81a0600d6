import { useTranslations } from "next-intl";

/** What the inventory holds, and when it last changed. */
export function HoldingsSection({
  totals,
  totalMeasures,
  stateCount,
  updated,
}: {
  totals: { instruments: number; provisions: number };
  totalMeasures: number;
  stateCount: number;
  updated: string | null;
}) {
  const t = useTranslations("holdings");
  const figure = (chunks: React.ReactNode) => <span className="figure">{chunks}</span>;
  return (
    <>
      <h2 id="holdings-heading">{t("title")}</h2>
      <ul className="cards" aria-label={t("title")}>
        <li>{t.rich("instruments", { figure, count: totals.instruments })}</li>
        <li>{t.rich("provisions", { figure, count: totals.provisions })}</li>
        <li>{t.rich("measures", { figure, count: totalMeasures })}</li>
        <li>{t.rich("states", { figure, count: stateCount })}</li>
      </ul>
      <p>
        {t("lastUpdated")}{" "}
        {updated ? (
          <time dateTime={updated}>
            {updated.slice(0, 10)} {updated.slice(11, 16)} UTC
          </time>
        ) : (
          t("never")
        )}
      </p>
    </>
  );
}
