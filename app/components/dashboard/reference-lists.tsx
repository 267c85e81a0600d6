import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import { DateText } from "../date-text";
import { formatDate, memberStateName } from "@/lib/format";
import type { loadDashboardOverview } from "@/db/queries/dashboard";

type Overview = ReturnType<typeof loadDashboardOverview>;

/**
 * The instruments and the Member States, folded below the figures: their own
 * pages hold them in full, and unfolded they were two phone screens.
 */
export function ReferenceListsSection({
  perInstrument,
  perState,
  instrumentCount,
}: {
  perInstrument: Overview["perInstrument"];
  perState: Overview["perState"];
  instrumentCount: number;
}) {
  const t = useTranslations("referenceLists");
  const locale = useLocale();
  return (
    <>
      <h2 id="instruments-heading">{t("instruments")}</h2>
      <details className="reference-list">
        <summary>{t("showInstruments", { count: perInstrument.length })}</summary>
        <div className="table-scroll">
          <table aria-labelledby="instruments-heading" className="nowrap-cells">
            <thead>
              <tr>
                <th scope="col">{t("instrument")}</th>
                <th scope="col">CELEX</th>
                <th scope="col" className="num">
                  {t("provisions")}
                </th>
                <th scope="col" className="num">
                  {t("obligations")}
                </th>
                <th scope="col" className="num">
                  {t("measures")}
                </th>
                <th scope="col" className="num">
                  {t("notifiedComplete")}
                </th>
                <th scope="col" className="num">
                  {t("assessed")}
                </th>
              </tr>
            </thead>
            <tbody>
              {perInstrument.map((i) => (
                <tr key={i.celex}>
                  <th scope="row">
                    <Link href={`/instruments/${i.celex}`}>{i.shortName}</Link>
                  </th>
                  <td>{i.celex}</td>
                  <td className="num">{i.provisions}</td>
                  <td className="num">{i.obligations}</td>
                  <td className="num">{i.measures}</td>
                  <td className="num">{i.completeNotifications}</td>
                  <td className="num">{i.assessedTranspositions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {instrumentCount > perInstrument.length ? (
          <p>{t.rich("firstOf", { shown: perInstrument.length, count: instrumentCount, all: (chunks) => <Link href="/instruments">{chunks}</Link> })}</p>
        ) : null}
      </details>

      <h2 id="states-heading">{t("memberStates")}</h2>
      <details className="reference-list">
        <summary>{t("showStates", { count: perState.length })}</summary>
        <div className="table-scroll">
          <table aria-labelledby="states-heading" className="nowrap-cells">
            <thead>
              <tr>
                <th scope="col">{t("memberState")}</th>
                <th scope="col">{t("code")}</th>
                <th scope="col">{t("memberSince")}</th>
                <th scope="col" className="num">
                  {t("measures")}
                </th>
                <th scope="col" className="num">
                  {t("notifications")}
                </th>
              </tr>
            </thead>
            <tbody>
              {perState.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    <Link href={`/member-states/${s.code}`}>{memberStateName(s.code, s.name, locale)}</Link>
                    {s.exitDate ? <span className="muted"> {t("left", { date: formatDate(s.exitDate, locale) })}</span> : null}
                  </th>
                  <td>{s.code}</td>
                  <td>
                    <DateText value={s.accessionDate} />
                  </td>
                  <td className="num">{s.measures}</td>
                  <td className="num">{s.notifications}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
