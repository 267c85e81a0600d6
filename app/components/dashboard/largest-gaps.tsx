import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import { DateText } from "../date-text";
import { formatDate, formatDecimal, formatShare, memberStateName, type Locale } from "@/lib/format";
import { withAsOf, type AsOf } from "@/lib/as-of";
import type { DashboardFigures } from "@/lib/indicators/dashboard";
import type { SnapshotInstrument, SnapshotMemberState } from "@/lib/indicators/inventory";
import type { ProvisionLabel } from "@/db/queries/dashboard";

type Translate = ReturnType<typeof useTranslations<"gaps">>;
const daysToText = (days: number, t: Translate, locale: Locale) =>
  days >= 365 ? t("years", { value: formatDecimal(days / 365.2425, 1, locale) }) : t("days", { count: days });

/** The longest transposition delays and the provisions where the states diverge most. */
export function LargestGapsSection({
  figures,
  instruments,
  memberStates,
  provisions,
  asOf,
}: {
  figures: Pick<DashboardFigures, "largestDelays" | "largestProvisionGaps" | "provisionPairs">;
  instruments: readonly SnapshotInstrument[];
  memberStates: readonly SnapshotMemberState[];
  provisions: ReadonlyMap<number, ProvisionLabel>;
  asOf: AsOf;
}) {
  const t = useTranslations("gaps");
  const basis = useTranslations("dateBasis");
  const locale = useLocale();
  const instrumentById = new Map(instruments.map((i) => [i.id, i]));
  const stateName = new Map(memberStates.map((s) => [s.code, memberStateName(s.code, s.name, locale)]));
  const { assessed: assessedPairs, bound: boundPairs } = figures.provisionPairs;
  return (
    <>
      <h2 id="gaps-heading">{t("title")}</h2>
      <h3 id="delays-heading">{t("delaysTitle")}</h3>
      <p className="muted">{t("delaysIntro")}</p>
      {figures.largestDelays.length ? (
        <div className="table-scroll">
          <table aria-labelledby="delays-heading" className="nowrap-cells">
            <thead>
              <tr>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("directive")}</th>
                <th scope="col">{t("deadline")}</th>
                <th scope="col">{t("transposed")}</th>
                <th scope="col" className="num">
                  {t("delay")}
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.largestDelays.map((d) => {
                const ins = instrumentById.get(d.instrumentId)!;
                return (
                  <tr key={`${d.stateCode}-${d.instrumentId}`}>
                    <th scope="row">
                      <Link href={withAsOf(`/member-states/${d.stateCode}`, asOf)}>{stateName.get(d.stateCode)}</Link> ({d.stateCode})
                    </th>
                    <td>
                      <Link href={withAsOf(`/instruments/${ins.celex}/transposition`, asOf)} aria-label={t("transpositionLink", { instrument: ins.shortName })}>
                        {ins.shortName}
                      </Link>
                    </td>
                    <td>
                      <DateText value={d.deadline} />
                    </td>
                    <td>
                      {d.status === "overdue" ? (
                        d.isRepealedOnAsOf ? (
                          <>{t("notTransposedBeforeRepeal", { date: ins.repealedFrom ? formatDate(ins.repealedFrom, locale) : "" })}</>
                        ) : (
                          <>{t("notYetTransposed")}</>
                        )
                      ) : (
                        <>
                          <DateText value={d.notifiedOn} />
                          {d.isDateInferred && d.dateBasis ? <span className="cell-note">{basis(d.dateBasis)}</span> : null}
                        </>
                      )}
                    </td>
                    <td className="num">{daysToText(d.delayDays ?? 0, t, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("noneLate", { date: formatDate(asOf.date, locale) })}</p>
      )}
      <h3 id="divergence-heading">{t("divergenceTitle")}</h3>
      {figures.largestProvisionGaps.length ? (
        <ol aria-labelledby="divergence-heading">
          {figures.largestProvisionGaps.map((g) => {
            const p = provisions.get(g.provisionId)!;
            const ins = instrumentById.get(g.instrumentId)!;
            return (
              <li key={g.provisionId}>
                <Link href={withAsOf(`/provisions/${g.provisionId}`, asOf)}>
                  {t(p.kind === "annex" ? "annex" : "article", { instrument: ins.shortName, number: p.number })}
                </Link>
                {t("divergence", { share: g.gap === null ? "—" : formatShare(g.gap, 1, locale), count: g.assessedCount })}
              </li>
            );
          })}
        </ol>
      ) : (
        <p>
          {t.rich("noGap", {
            date: formatDate(asOf.date, locale),
            assessed: assessedPairs,
            bound: boundPairs,
            matrix: (chunks) => <Link href={withAsOf("/gaps", asOf)}>{chunks}</Link>,
          })}
        </p>
      )}
    </>
  );
}
