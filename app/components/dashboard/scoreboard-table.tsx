import Link from "next/link";
import type { AsOf } from "@/lib/as-of";
import { withAsOf } from "@/lib/as-of";
import { DEFICIT_TARGETS, LONG_OVERDUE, type Scoreboard } from "@/lib/indicators/transposition-deficit";
import { OVERALL_BAND_LABELS } from "@/lib/indicators/ratings";
import { RatingBadge } from "./rating-badge";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

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
              <th scope="col">Transposition deficit</th>
              <th scope="col">Change since {scoreboard.previousDate}</th>
              <th scope="col">Two years or more overdue</th>
              <th scope="col">Total delay (months)</th>
              <th scope="col">Conformity deficit</th>
              <th scope="col">Overall</th>
            </tr>
          </thead>
          <tbody>
            {scoreboard.rows.map((r) => (
              <tr key={r.stateCode}>
                <th scope="row">
                  <Link href={withAsOf(`/member-states/${r.stateCode}`, asOf)}>{r.stateName}</Link> ({r.stateCode})
                </th>
                <td>
                  <span className="value">{pct(r.deficit.deficit)}</span>
                  <RatingBadge rating={r.ratings.deficit} />
                  <span className="cell-note">
                    {r.deficit.notTransposedCount} of {r.deficit.assessedCount} not transposed
                    {r.deficit.notAssessedCount ? ` · ${r.deficit.notAssessedCount} of ${r.deficit.dueCount} due left out as unknown` : ""}
                    {r.deficit.transposedDateInferredCount ? ` · ${r.deficit.transposedDateInferredCount} dated by inference` : ""}
                  </span>
                </td>
                <td>
                  <span className="value">{r.change.change === null ? "—" : r.change.change > 0 ? `+${r.change.change}` : String(r.change.change)}</span>
                  <RatingBadge rating={r.ratings.change} />
                </td>
                <td>
                  <span className="value">{r.ratings.longOverdue === null ? "—" : r.longOverdue.count}</span>
                  <RatingBadge rating={r.ratings.longOverdue} />
                </td>
                <td>
                  <span className="value">{r.totalDelay.totalMonths === null ? "—" : r.totalDelay.totalMonths.toFixed(1)}</span>
                  <RatingBadge rating={r.ratings.totalDelay} />
                </td>
                <td>
                  <span className="value">{pct(r.conformity.share)}</span>
                  <RatingBadge rating={r.ratings.conformityDeficit} />
                </td>
                <td>
                  <span className="value">{r.overall.score === null ? "—" : r.overall.score > 0 ? `+${r.overall.score}` : String(r.overall.score)}</span>
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
            <strong>Transposition deficit</strong> = instruments in force on the date whose deadline for the state has passed and whose complete transposition was not notified by then, ÷ those whose
            notification is known. Green at ≤ {DEFICIT_TARGETS.europeanCouncil2007.label} ({DEFICIT_TARGETS.europeanCouncil2007.source}), red above; the later target is {DEFICIT_TARGETS.singleMarketAct2011.label} (
            {DEFICIT_TARGETS.singleMarketAct2011.source}). A state&apos;s deadline is the later of the instrument&apos;s and its accession date.
          </li>
          <li>
            <strong>Dates</strong>: a complete notification counts from its recorded date; without one, from the principal measure&apos;s entry into force (else its adoption, else its publication) —
            &quot;date inferred from the principal measure&apos;s entry into force&quot;; with no date at all, only from the day the figures are read. Unrecorded notifications are left out, never counted as missing.
          </li>
          <li>
            <strong>Change</strong> = instruments not transposed now − on the previous reporting date (six months earlier): decrease green, none yellow, increase red.
          </li>
          <li>
            <strong>Two years or more overdue</strong>: {LONG_OVERDUE.label}; {LONG_OVERDUE.source}.
          </li>
          <li>
            <strong>Total delay</strong> = Σ months past the deadline over the instruments still not transposed; <strong>conformity deficit</strong> = notified instruments with a provision assessed
            non-conforming or an open non-conformity proceeding ÷ notified instruments. Both: green below the average of all states × 0.9, yellow within ±10%, red above (averages on this date: total delay{" "}
            {averages.totalDelayMonths === null ? "—" : `${averages.totalDelayMonths.toFixed(1)} months`}, conformity deficit {pct(averages.conformityDeficit)}).
          </li>
          <li>
            <strong>Overall</strong> = Σ of +1 (green), 0 (yellow), −1 (red): ≥ 2 above average, −1 to 1 average, ≤ −2 below average.
          </li>
        </ul>
      </details>
    </>
  );
}
