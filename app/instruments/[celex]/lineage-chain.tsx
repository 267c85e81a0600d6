import { Link } from "@/app/i18n/navigation";
import { getActor } from "@/server/auth/actor";
import { can } from "@/lib/policy";
import { chainThrough } from "@/lib/lineage";
import { withAsOf, type AsOf } from "@/lib/as-of";
import { label } from "@/lib/vocabulary";
import type { LineageEdgeRow, LineageInstrumentRow } from "@/db/queries/lineage";
import { DateText } from "@/app/components/date-text";
import { SourceNote } from "@/app/components/source-note";

/**
 * The line of law through one instrument, oldest first: every instrument it
 * descends from and every one that descends from it, each with the relations
 * that join it to the next. Staff may add, edit or remove a relation here.
 */
export async function LineageChain({
  instrumentId,
  instruments,
  edges,
  asOf,
}: {
  instrumentId: number;
  instruments: LineageInstrumentRow[];
  edges: LineageEdgeRow[];
  asOf: AsOf;
}) {
  const chain = chainThrough(instrumentId, instruments, edges);
  const inChain = new Set(chain.map((i) => i.id));
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const mayEdit = can(await getActor(), "reference.edit");
  const current = byId.get(instrumentId)!;
  return (
    <section aria-labelledby="lineage">
      <h2 id="lineage">Line of law</h2>
      {chain.length <= 1 ? (
        <p>No predecessor or successor of {current.shortName} is recorded.</p>
      ) : (
        <>
          <p>
            From {chain[0]!.shortName} ({chain[0]!.adoptionDate.slice(0, 4)}) to {chain.at(-1)!.shortName} ({chain.at(-1)!.adoptionDate.slice(0, 4)}), oldest
            first. See <Link href="/lineage">all lines of law on one timeline</Link>.
          </p>
          <ol className="lineage-chain">
            {chain.map((i) => {
              const outgoing = edges.filter((e) => e.instrumentId === i.id && inChain.has(e.successorId));
              return (
                <li key={i.id} aria-current={i.id === instrumentId ? "true" : undefined}>
                  {i.id === instrumentId ? <strong>{i.shortName}</strong> : <Link href={withAsOf(`/instruments/${i.celex}`, asOf)}>{i.shortName}</Link>}{" "}
                  <span className="muted">
                    {label(i.type)}, adopted <DateText value={i.adoptionDate} />
                    {i.repealedFrom ? (
                      <>
                        , repealed from <DateText value={i.repealedFrom} />
                      </>
                    ) : i.repealedBy ? (
                      ", repealed (date not recorded)"
                    ) : (
                      ""
                    )}
                  </span>
                  {outgoing.length > 0 ? (
                    <ul>
                      {outgoing.map((e) => {
                        const next = byId.get(e.successorId)!;
                        return (
                          <li key={e.id}>
                            {label(e.relation)} <Link href={withAsOf(`/instruments/${next.celex}`, asOf)}>{next.shortName}</Link>
                            {e.fromDate ? (
                              <>
                                {" "}
                                from <DateText value={e.fromDate} />
                              </>
                            ) : (
                              <span className="muted"> (date not recorded)</span>
                            )}
                            {e.note ? <span className="muted"> — {e.note}</span> : null}
                            <br />
                            <SourceNote source={e.source} />
                            {mayEdit ? (
                              <span className="staff-links">
                                {" "}
                                <Link href={`/staff/lineage/${e.id}`} aria-label={`Edit the relation ${i.shortName} ${label(e.relation)} ${next.shortName}`}>
                                  Edit
                                </Link>{" "}
                                <Link
                                  href={`/history/instrument_lineage/${e.id}`}
                                  aria-label={`History of the relation ${i.shortName} ${label(e.relation)} ${next.shortName}`}
                                >
                                  History
                                </Link>
                              </span>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      )}
      {mayEdit ? (
        <p className="staff-links">
          <Link href={`/staff/lineage/new?instrument=${current.celex}`}>Record a relation from {current.shortName}</Link>
        </p>
      ) : null}
    </section>
  );
}
