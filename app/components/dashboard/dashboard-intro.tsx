import { useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import { withAsOf, type AsOf } from "@/lib/as-of";

/** The page's title and what the inventory is about: shown also while the figures are computed. */
export function DashboardIntro() {
  const t = useTranslations("dashboard");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t.rich("lead", { lineage: (chunks) => <Link href="/lineage">{chunks}</Link> })}</p>
    </>
  );
}

/** The instruments the inventory covers, named when they are few, with the ways on to the gap matrix and the charts. */
export function InventoryScope({
  instrumentCount,
  named,
  asOf,
}: {
  instrumentCount: number;
  named: readonly { celex: string; shortName: string }[];
  asOf: AsOf;
}) {
  const t = useTranslations("dashboard");
  const list =
    instrumentCount > named.length ? (
      <Link href="/instruments">{t("listThemAll")}</Link>
    ) : (
      named.map((i, n) => (
        <span key={i.celex}>
          {n > 0 ? ", " : ""}
          <Link href={`/instruments/${i.celex}`}>{i.shortName}</Link>
        </span>
      ))
    );
  return (
    <p>
      {t.rich(instrumentCount > named.length ? "scopeMany" : "scopeNamed", {
        count: instrumentCount,
        list: () => list,
        gaps: (chunks) => <Link href={withAsOf("/gaps", asOf)}>{chunks}</Link>,
        charts: (chunks) => <Link href={withAsOf("/charts", asOf)}>{chunks}</Link>,
      })}
    </p>
  );
}
