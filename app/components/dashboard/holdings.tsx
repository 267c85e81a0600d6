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
  return (
    <>
      <h2 id="holdings-heading">What the inventory holds</h2>
      <ul className="cards" aria-label="What the inventory holds">
        <li>
          <span className="figure">{totals.instruments}</span> instruments
        </li>
        <li>
          <span className="figure">{totals.provisions}</span> provisions
        </li>
        <li>
          <span className="figure">{totalMeasures}</span> national measures
        </li>
        <li>
          <span className="figure">{stateCount}</span> Member States (past and present)
        </li>
      </ul>
      <p>
        Last updated:{" "}
        {updated ? (
          <time dateTime={updated}>
            {updated.slice(0, 10)} {updated.slice(11, 16)} UTC
          </time>
        ) : (
          "never"
        )}
      </p>
    </>
  );
}
