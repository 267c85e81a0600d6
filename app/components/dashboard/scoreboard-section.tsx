import type { AsOf } from "@/lib/as-of";
import type { Scoreboard } from "@/lib/indicators/transposition-deficit";
import { ScoreboardTable } from "./scoreboard-table";

/** The Scoreboard-style traffic lights with what they follow, or why there are none. */
export function ScoreboardSection({ scoreboard, asOf }: { scoreboard: Scoreboard; asOf: AsOf }) {
  return (
    <>
      <h2 id="scoreboard-heading">Scoreboard-style traffic lights, as of {asOf.date}</h2>
      <p className="muted">
        After the EU Single Market Scoreboard&apos;s indicators, applied to this inventory&apos;s own instruments (Scoreboard-style, not official). Ratings are
        given in words and by symbol (▲ green, ■ yellow, ▼ red) as well as colour. <a href="#formulas">Formulas</a>.
      </p>
      {scoreboard.rows.length ? <ScoreboardTable scoreboard={scoreboard} asOf={asOf} /> : <p>No state was a member on {asOf.date}.</p>}
    </>
  );
}
