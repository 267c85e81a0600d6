import Link from "next/link";
import type { AsOf } from "@/lib/as-of";
import { withAsOf } from "@/lib/as-of";
import { columnHeadOf, formatIndicator, INDICATORS, type Indicator } from "@/lib/indicators/catalogue";
import type { Scoreboard } from "@/lib/indicators/transposition-deficit";
import { OVERALL_BAND_LABELS } from "@/lib/indicators/ratings";
import { RatingBadge } from "./rating-badge";
import { formatDay } from "@/lib/format";
import { message } from "@/lib/messages";

const { deficit, change, long_overdue: longOverdue, total_delay: totalDelay, conformity, overall } = INDICATORS;

/** The rule an indicator is rated by, in words. */
const ruleOf = (indicator: Indicator) => (indicator.rating.kind === "none" ? "" : indicator.rating.text);
/** The value written as the Scoreboard cells write it: the number alone when the column head names the unit. */
const cell = (indicator: Indicator, value: number | null) => (value === null ? "—" : indicator.formatNumber(value));

/** The Scoreboard-style traffic-light table: states × indicators, each rating in words, symbol and colour. */
export function ScoreboardTable({ scoreboard, asOf }: { scoreboard: Scoreboard; asOf: AsOf }) {
  const { averages } = scoreboard;
  return (
    <>
      <div className="table-scroll">
        <table aria-labelledby="scoreboard-heading" className="scoreboard">
          <thead>
            <tr>
              <th scope="col">Member State</th>
              <th scope="col">{columnHeadOf(deficit)}</th>
              <th scope="col">
                {columnHeadOf(change)}{" "}
                {scoreboard.previousEdition ? (
                  <Link href={`/editions/${scoreboard.previousEdition}`}>
                    {message("editions.changeSinceEdition", { name: scoreboard.previousEdition, date: formatDay(scoreboard.previousDate) })}
                  </Link>
                ) : (
                  message("editions.changeSinceDate", { date: formatDay(scoreboard.previousDate) })
                )}
              </th>
              <th scope="col">{columnHeadOf(longOverdue)}</th>
              <th scope="col">{columnHeadOf(totalDelay)}</th>
              <th scope="col">{columnHeadOf(conformity)}</th>
              <th scope="col">{columnHeadOf(overall)}</th>
            </tr>
          </thead>
          <tbody>
            {scoreboard.rows.map((r) => (
              <tr key={r.stateCode}>
                <th scope="row">
                  <Link href={withAsOf(`/member-states/${r.stateCode}`, asOf)}>{r.stateName}</Link> ({r.stateCode})
                </th>
                <td>
                  <span className="value">{cell(deficit, r.deficit.deficit)}</span>
                  <RatingBadge rating={r.ratings.deficit} />
                  <span className="cell-note">
                    {r.deficit.notTransposedCount} of {r.deficit.assessedCount} not transposed
                    {r.deficit.notAssessedCount ? ` · ${r.deficit.notAssessedCount} of ${r.deficit.dueCount} due left out as unknown` : ""}
                    {r.deficit.transposedDateInferredCount ? ` · ${r.deficit.transposedDateInferredCount} dated by inference` : ""}
                  </span>
                </td>
                <td>
                  <span className="value">{cell(change, r.change.change)}</span>
                  <RatingBadge rating={r.ratings.change} />
                </td>
                <td>
                  <span className="value">{cell(longOverdue, r.ratings.longOverdue === null ? null : r.longOverdue.count)}</span>
                  <RatingBadge rating={r.ratings.longOverdue} />
                </td>
                <td>
                  <span className="value">{cell(totalDelay, r.totalDelay.totalMonths)}</span>
                  <RatingBadge rating={r.ratings.totalDelay} />
                </td>
                <td>
                  <span className="value">{cell(conformity, r.conformity.share)}</span>
                  <RatingBadge rating={r.ratings.conformityDeficit} />
                </td>
                <td>
                  <span className="value">{cell(overall, r.overall.score)}</span>
                  <span className="cell-note">{r.overall.band ? OVERALL_BAND_LABELS[r.overall.band] : "Not rated"}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="formulas" id="formulas">
        <summary>How these figures are computed</summary>
        <ul>
          <li>
            <strong>{deficit.shortLabel}</strong> = {deficit.formula}. {ruleOf(deficit)}. A state&apos;s deadline is the later of the instrument&apos;s and its
            accession date.
          </li>
          <li>
            <strong>Dates</strong>: a complete notification counts from its recorded date; without one, from the principal measure&apos;s entry into force (else
            its adoption, else its publication) — &quot;date inferred from the principal measure&apos;s entry into force&quot;; with no date at all, only from
            the day the figures are read. Unrecorded notifications are left out, never counted as missing.
          </li>
          <li>
            <strong>{change.shortLabel}</strong> = {change.formula}: {ruleOf(change)}.
            {scoreboard.previousEdition
              ? ` ${message("editions.changeFormulaEdition", { name: scoreboard.previousEdition, date: formatDay(scoreboard.previousDate) })}`
              : null}
          </li>
          <li>
            <strong>{longOverdue.shortLabel}</strong>: {ruleOf(longOverdue)}.
          </li>
          <li>
            {/* Both rated against the average of all states: one rule, said once. */}
            <strong>{totalDelay.shortLabel}</strong> = {totalDelay.formula}; <strong>{conformity.shortLabel.toLowerCase()}</strong> = {conformity.formula}.
            Both: {ruleOf(totalDelay)} (averages on this date: {totalDelay.shortLabel.toLowerCase()} {formatIndicator(totalDelay, averages.totalDelayMonths)},{" "}
            {conformity.shortLabel.toLowerCase()} {formatIndicator(conformity, averages.conformityDeficit)}).
          </li>
          <li>
            <strong>{overall.shortLabel}</strong> = {overall.formula}: {ruleOf(overall)}.
          </li>
        </ul>
      </details>
    </>
  );
}
