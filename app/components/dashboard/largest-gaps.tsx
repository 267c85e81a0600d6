import { Link } from "@/app/i18n/navigation";
import { withAsOf, type AsOf } from "@/lib/as-of";
import { formatPercent } from "@/lib/indicators/catalogue";
import type { DashboardFigures } from "@/lib/indicators/dashboard";
import type { SnapshotInstrument, SnapshotMemberState } from "@/lib/indicators/inventory";
import { TRANSPOSITION_DATE_BASIS_LABELS } from "@/lib/indicators/transposition-deficit";
import type { ProvisionLabel } from "@/db/queries/dashboard";

const daysToText = (days: number) => (days >= 365 ? `${(days / 365.2425).toFixed(1)} years` : `${days} days`);

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
  const instrumentById = new Map(instruments.map((i) => [i.id, i]));
  const stateName = new Map(memberStates.map((s) => [s.code, s.name]));
  const { assessed: assessedPairs, bound: boundPairs } = figures.provisionPairs;
  return (
    <>
      <h2 id="gaps-heading">Largest gaps</h2>
      <h3 id="delays-heading">Longest transposition delays</h3>
      <p className="muted">
        Each directive links to its national transposition: every Member State&apos;s deadline, notification and delay, sortable by delay.
      </p>
      {figures.largestDelays.length ? (
        <div className="table-scroll">
          <table aria-labelledby="delays-heading" className="nowrap-cells">
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Directive</th>
                <th scope="col">Deadline for the state</th>
                <th scope="col">Transposed</th>
                <th scope="col" className="num">
                  Delay
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
                      <Link
                        href={withAsOf(`/instruments/${ins.celex}/transposition`, asOf)}
                        aria-label={`${ins.shortName}: national transposition by Member State`}
                      >
                        {ins.shortName}
                      </Link>
                    </td>
                    <td>
                      <time dateTime={d.deadline}>{d.deadline}</time>
                    </td>
                    <td>
                      {d.status === "overdue" ? (
                        d.isRepealedOnAsOf ? (
                          <>not transposed before the repeal ({ins.repealedFrom})</>
                        ) : (
                          <>not yet transposed</>
                        )
                      ) : (
                        <>
                          <time dateTime={d.notifiedOn ?? undefined}>{d.notifiedOn}</time>
                          {d.isDateInferred && d.dateBasis ? <span className="cell-note">{TRANSPOSITION_DATE_BASIS_LABELS[d.dateBasis]}</span> : null}
                        </>
                      )}
                    </td>
                    <td className="num">{daysToText(d.delayDays ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No state × directive pair is late or overdue on {asOf.date}.</p>
      )}
      <h3 id="divergence-heading">Provisions where the states diverge most</h3>
      {figures.largestProvisionGaps.length ? (
        <ol aria-labelledby="divergence-heading">
          {figures.largestProvisionGaps.map((g) => {
            const p = provisions.get(g.provisionId)!;
            const ins = instrumentById.get(g.instrumentId)!;
            return (
              <li key={g.provisionId}>
                <Link href={withAsOf(`/provisions/${g.provisionId}`, asOf)}>
                  {ins.shortName} {p.kind === "annex" ? "Annex" : "Art."} {p.number}
                </Link>
                : {g.gap === null ? "—" : formatPercent(g.gap)} of the {g.assessedCount} assessed states not &quot;full&quot;
              </li>
            );
          })}
        </ol>
      ) : (
        <p>
          No assessed provision shows a gap on {asOf.date}: every assessed correspondence is &quot;full&quot;. Only {assessedPairs} of {boundPairs} state ×
          provision pairs due by then are assessed; the rest are unknown (not assessed), which is not counted as a gap.{" "}
          <Link href={withAsOf("/gaps", asOf)}>Open the gap matrix</Link>.
        </p>
      )}
    </>
  );
}
