import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/i18n/navigation";
import { useIndicatorText } from "@/app/i18n/indicators";
import type { AsOf } from "@/lib/as-of";
import { withAsOf } from "@/lib/as-of";
import { formatDate, memberStateName } from "@/lib/format";
import { INDICATORS } from "@/lib/indicators/catalogue";
import type { Scoreboard } from "@/lib/indicators/transposition-deficit";
import { RatingBadge } from "./rating-badge";

const { deficit, change, long_overdue: longOverdue, total_delay: totalDelay, conformity, overall } = INDICATORS;

/** The Scoreboard-style traffic-light table: states × indicators, each rating in words, symbol and colour. */
export function ScoreboardTable({ scoreboard, asOf }: { scoreboard: Scoreboard; asOf: AsOf }) {
  const t = useTranslations("scoreboard");
  const ratings = useTranslations("ratings");
  const locale = useLocale();
  const text = useIndicatorText();
  const [d, c, l, td, cf, o] = [deficit, change, longOverdue, totalDelay, conformity, overall].map(text) as [
    ReturnType<typeof text>,
    ReturnType<typeof text>,
    ReturnType<typeof text>,
    ReturnType<typeof text>,
    ReturnType<typeof text>,
    ReturnType<typeof text>,
  ];
  const { averages } = scoreboard;
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <div className="table-scroll">
        <table aria-labelledby="scoreboard-heading" className="scoreboard">
          <thead>
            <tr>
              <th scope="col">{t("memberState")}</th>
              <th scope="col">{d.columnHead}</th>
              <th scope="col">
                {c.columnHead}{" "}
                {scoreboard.previousEdition ? (
                  <Link href={`/editions/${scoreboard.previousEdition}`}>
                    {t("changeSinceEdition", { name: scoreboard.previousEdition, date: formatDate(scoreboard.previousDate, locale) })}
                  </Link>
                ) : (
                  t("changeSinceDate", { date: formatDate(scoreboard.previousDate, locale) })
                )}
              </th>
              <th scope="col">{l.columnHead}</th>
              <th scope="col">{td.columnHead}</th>
              <th scope="col">{cf.columnHead}</th>
              <th scope="col">{o.columnHead}</th>
            </tr>
          </thead>
          <tbody>
            {scoreboard.rows.map((r) => (
              <tr key={r.stateCode}>
                <th scope="row">
                  <Link href={withAsOf(`/member-states/${r.stateCode}`, asOf)}>{memberStateName(r.stateCode, r.stateName, locale)}</Link> ({r.stateCode})
                </th>
                <td>
                  <span className="value">{d.formatNumber(r.deficit.deficit)}</span>
                  <RatingBadge rating={r.ratings.deficit} />
                  <span className="cell-note">
                    {t("notTransposedOf", { count: r.deficit.notTransposedCount, assessed: r.deficit.assessedCount })}
                    {r.deficit.notAssessedCount ? ` · ${t("leftOutUnknown", { count: r.deficit.notAssessedCount, due: r.deficit.dueCount })}` : ""}
                    {r.deficit.transposedDateInferredCount ? ` · ${t("datedByInference", { count: r.deficit.transposedDateInferredCount })}` : ""}
                  </span>
                </td>
                <td>
                  <span className="value">{c.formatNumber(r.change.change)}</span>
                  <RatingBadge rating={r.ratings.change} />
                </td>
                <td>
                  <span className="value">{l.formatNumber(r.ratings.longOverdue === null ? null : r.longOverdue.count)}</span>
                  <RatingBadge rating={r.ratings.longOverdue} />
                </td>
                <td>
                  <span className="value">{td.formatNumber(r.totalDelay.totalMonths)}</span>
                  <RatingBadge rating={r.ratings.totalDelay} />
                </td>
                <td>
                  <span className="value">{cf.formatNumber(r.conformity.share)}</span>
                  <RatingBadge rating={r.ratings.conformityDeficit} />
                </td>
                <td>
                  <span className="value">{o.formatNumber(r.overall.score)}</span>
                  <span className="cell-note">{ratings(r.overall.band ?? "none")}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="formulas" id="formulas">
        <summary>{t("formulasTitle")}</summary>
        <ul>
          <li>{t.rich("formulaDeficit", { strong, label: d.shortLabel, formula: d.formula, rule: d.rule })}</li>
          <li>{t.rich("formulaDates", { strong })}</li>
          <li>
            {t.rich("formulaChange", { strong, label: c.shortLabel, formula: c.formula, rule: c.rule })}
            {scoreboard.previousEdition
              ? ` ${t("changeFormulaEdition", { name: scoreboard.previousEdition, date: formatDate(scoreboard.previousDate, locale) })}`
              : null}
          </li>
          <li>{t.rich("formulaLongOverdue", { strong, label: l.shortLabel, rule: l.rule })}</li>
          <li>
            {/* Both rated against the average of all states: one rule, said once. */}
            {t.rich("formulaAverages", {
              strong,
              delayLabel: td.shortLabel,
              delayFormula: td.formula,
              // Mid-sentence a common noun is lower case, except in German.
              conformityLabel: locale === "de" ? cf.shortLabel : cf.shortLabel.toLowerCase(),
              delayLabelLower: locale === "de" ? td.shortLabel : td.shortLabel.toLowerCase(),
              conformityFormula: cf.formula,
              rule: td.rule,
              delayAverage: td.format(averages.totalDelayMonths),
              conformityAverage: cf.format(averages.conformityDeficit),
            })}
          </li>
          <li>{t.rich("formulaOverall", { strong, label: o.shortLabel, formula: o.formula, rule: o.rule })}</li>
        </ul>
      </details>
    </>
  );
}
