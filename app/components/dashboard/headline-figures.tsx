import { COLLECTION_LABELS, type CollectionId } from "@/lib/collections";
import { formatPercent } from "@/lib/indicators/catalogue";
import type { HeadlineFigures } from "@/lib/indicators/headline";

/** The headline cards; the sums are lib/indicators/headline.ts's. */
export function HeadlineFiguresSection({ figures, collection }: { figures: HeadlineFigures; collection: CollectionId }) {
  const { coverage } = figures;
  return (
    <>
      <h2 id="headline-heading">Headline figures</h2>
      <ul className="cards" aria-labelledby="headline-heading">
        <li>
          <span className="figure">{figures.instrumentsInForce}</span> of {figures.instruments} instruments in force ({COLLECTION_LABELS[collection]})
        </li>
        <li>
          <span className="figure">{figures.memberStates}</span> Member States on this date
        </li>
        <li>
          <span className="figure">{figures.statesWithDeficit ? `${figures.statesMeetingTarget} of ${figures.statesWithDeficit}` : "—"}</span> states with a
          deficit at or below the 1% target
        </li>
        <li>
          <span className="figure">{figures.averageDeficit === null ? "—" : formatPercent(figures.averageDeficit)}</span> average transposition deficit
        </li>
        <li>
          <span className="figure">{figures.longOverdue}</span> instruments two years or more overdue (all states)
        </li>
        <li>
          <span className="figure">{figures.openInfringements}</span> open infringement proceedings
        </li>
        <li>
          <span className="figure">{coverage.share === null ? "—" : formatPercent(coverage.share)}</span> provision coverage ({coverage.full} full of{" "}
          {coverage.assessed} assessed; {coverage.applicable - coverage.assessed} due but not assessed)
        </li>
        <li>
          <span className="figure">{figures.inferredDates}</span> transpositions dated by inference from the principal measure
        </li>
      </ul>
    </>
  );
}
