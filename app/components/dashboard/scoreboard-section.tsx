import { useTranslations } from "next-intl";
import type { AsOf } from "@/lib/as-of";
import type { Scoreboard } from "@/lib/indicators/transposition-deficit";
import { DateText } from "../date-text";
import { ScoreboardTable } from "./scoreboard-table";

/** The Scoreboard-style traffic lights with what they follow, or why there are none. */
export function ScoreboardSection({ scoreboard, asOf }: { scoreboard: Scoreboard; asOf: AsOf }) {
  const t = useTranslations("scoreboard");
  const date = () => <DateText value={asOf.date} />;
  return (
    <>
      <h2 id="scoreboard-heading">{t.rich("title", { date })}</h2>
      <p className="muted">{t.rich("intro", { formulas: (chunks) => <a href="#formulas">{chunks}</a> })}</p>
      {scoreboard.rows.length ? <ScoreboardTable scoreboard={scoreboard} asOf={asOf} /> : <p>{t.rich("noMembers", { date })}</p>}
    </>
  );
}
