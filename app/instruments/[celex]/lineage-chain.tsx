import { Link } from "@/app/i18n/navigation";
import { getActor } from "@/server/auth/actor";
import { can } from "@/lib/policy";
import { chainThrough } from "@/lib/lineage";
import { withAsOf, type AsOf } from "@/lib/as-of";
import { getTranslations } from "next-intl/server";
import { getLabel } from "@/app/i18n/vocabulary";
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
  const t = await getTranslations("instrument");
  const label = await getLabel();
  const chain = chainThrough(instrumentId, instruments, edges);
  const inChain = new Set(chain.map((i) => i.id));
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const mayEdit = can(await getActor(), "reference.edit");
  const current = byId.get(instrumentId)!;
  return (
    <section aria-labelledby="lineage">
      <h2 id="lineage">{t("lineTitle")}</h2>
      {chain.length <= 1 ? (
        <p>{t("noLine", { instrument: current.shortName })}</p>
      ) : (
        <>
          <p>
            {t.rich("lineFromTo", {
              first: chain[0]!.shortName,
              firstYear: chain[0]!.adoptionDate.slice(0, 4),
              last: chain.at(-1)!.shortName,
              lastYear: chain.at(-1)!.adoptionDate.slice(0, 4),
              link: (chunks) => <Link href="/lineage">{chunks}</Link>,
            })}
          </p>
          <ol className="lineage-chain">
            {chain.map((i) => {
              const outgoing = edges.filter((e) => e.instrumentId === i.id && inChain.has(e.successorId));
              return (
                <li key={i.id} aria-current={i.id === instrumentId ? "true" : undefined}>
                  {i.id === instrumentId ? <strong>{i.shortName}</strong> : <Link href={withAsOf(`/instruments/${i.celex}`, asOf)}>{i.shortName}</Link>}{" "}
                  <span className="muted">
                    {t.rich("typeAdopted", { type: label(i.type), date: () => <DateText value={i.adoptionDate} /> })}
                    {i.repealedFrom ? t.rich("repealedFrom", { date: () => <DateText value={i.repealedFrom} /> }) : i.repealedBy ? t("repealedUndated") : ""}
                  </span>
                  {outgoing.length > 0 ? (
                    <ul>
                      {outgoing.map((e) => {
                        const next = byId.get(e.successorId)!;
                        return (
                          <li key={e.id}>
                            {label(e.relation)} <Link href={withAsOf(`/instruments/${next.celex}`, asOf)}>{next.shortName}</Link>
                            {e.fromDate ? (
                              <> {t.rich("relationFrom", { date: () => <DateText value={e.fromDate} /> })}</>
                            ) : (
                              <span className="muted"> {t("dateNotRecorded")}</span>
                            )}
                            {e.note ? <span className="muted"> — {e.note}</span> : null}
                            <br />
                            <SourceNote source={e.source} />
                            {mayEdit ? (
                              <span className="staff-links">
                                {" "}
                                <Link
                                  href={`/staff/lineage/${e.id}`}
                                  aria-label={t("editRelation", { relation: `${i.shortName} ${label(e.relation)} ${next.shortName}` })}
                                >
                                  {t("edit")}
                                </Link>{" "}
                                <Link
                                  href={`/history/instrument_lineage/${e.id}`}
                                  aria-label={t("relationHistory", { relation: `${i.shortName} ${label(e.relation)} ${next.shortName}` })}
                                >
                                  {t("history")}
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
          <Link href={`/staff/lineage/new?instrument=${current.celex}`}>{t("recordRelation", { instrument: current.shortName })}</Link>
        </p>
      ) : null}
    </section>
  );
}
