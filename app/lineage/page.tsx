import type { Metadata } from "next";
import { useLocale, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { useLabel } from "@/app/i18n/vocabulary";
import { formatDate } from "@/lib/format";
import { Link } from "@/app/i18n/navigation";
import { getDb } from "@/db/client";
import { listLineageEdges, listLineageInstruments, type LineageInstrumentRow } from "@/db/queries/lineage";
import { collectionInstrumentIds, COM_2001_298_DATE, LINES_OF_LAW } from "@/lib/collections";
import { todayIso } from "@/lib/as-of";
import { DateText } from "../components/date-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lineage"))("metaTitle") };
}

const FIRST_YEAR = 1990;

/** Years since 1 January 1990 as a share of the axis, for placing a bar. */
function position(date: string, lastYear: number): number {
  const years = Number(date.slice(0, 4)) - FIRST_YEAR + (Number(date.slice(5, 7)) - 1) / 12;
  return Math.max(0, Math.min(100, (years / (lastYear + 1 - FIRST_YEAR)) * 100));
}

/** Where a bar ends: the repeal, or today (also for a repeal whose date is not recorded; the bar is then hatched as ended). */
function until(i: LineageInstrumentRow, today: string): string {
  return i.repealedFrom ?? today;
}

export default function LineagePage() {
  const t = useTranslations("lineage");
  const lineNames = useTranslations("linesOfLaw");
  const label = useLabel();
  const locale = useLocale();
  const db = getDb();
  const instruments = listLineageInstruments(db);
  const edges = listLineageEdges(db);
  const today = todayIso();
  const lastYear = Number(today.slice(0, 4));
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const ticks = Array.from({ length: Math.floor((lastYear - FIRST_YEAR) / 5) + 1 }, (_, k) => FIRST_YEAR + 5 * k);
  const lines = LINES_OF_LAW.map((line) => ({
    ...line,
    members: collectionInstrumentIds(line.id, instruments, edges, today).map((id) => byId.get(id)!),
  }));

  const outside = instruments.filter((i) => !lines.some((l) => l.members.includes(i)));

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>
        <Link href={`/?as_of=${COM_2001_298_DATE}&collection=com-2001-298`}>{t("asOfCom", { date: formatDate(COM_2001_298_DATE, locale) })}</Link> ·{" "}
        <Link href="/">{t("today")}</Link>
      </p>
      <p className="timeline-legend" aria-hidden="true">
        <span className="timeline-bar current type-directive" /> {t("legendDirective")} <span className="timeline-bar current type-regulation" />{" "}
        {t("legendRegulation")} <span className="timeline-bar ended" /> {t("legendRepealed")}
      </p>
      {lines.map((line) => (
        <section key={line.id} aria-labelledby={`line-${line.id}`} className="lineage-line">
          <h2 id={`line-${line.id}`}>{lineNames(line.id)}</h2>
          {line.members.length === 0 ? (
            <p>{t("noneInInventory")}</p>
          ) : (
            <>
              <div className="timeline" aria-hidden="true">
                <div className="timeline-axis">
                  {ticks.map((y) => (
                    <span key={y} style={{ left: `${position(`${y}-01-01`, lastYear)}%` }}>
                      {y}
                    </span>
                  ))}
                </div>
                {line.members.map((i) => {
                  const start = position(i.adoptionDate, lastYear);
                  const end = position(until(i, today), lastYear);
                  return (
                    <div key={i.id} className="timeline-row">
                      <span
                        className={`timeline-bar ${i.repealedFrom || i.repealedBy ? "ended" : "current"} type-${i.type}`}
                        style={{ marginLeft: `${start}%`, width: `${Math.max(end - start, 0.8)}%` }}
                      />
                      <span className="timeline-label" style={{ paddingLeft: `${Math.min(start, 62)}%` }}>
                        {i.shortName}
                      </span>
                    </div>
                  );
                })}
              </div>
              <ol className="lineage-list">
                {line.members.map((i) => {
                  const next = edges.filter((e) => e.instrumentId === i.id && line.members.some((m) => m.id === e.successorId));
                  return (
                    <li key={i.id}>
                      <Link href={`/instruments/${i.celex}`}>{i.shortName}</Link> <span className="muted">({label(i.type)})</span>{" "}
                      {t.rich("adopted", { date: () => <DateText value={i.adoptionDate} /> })}
                      {i.type === "regulation"
                        ? t.rich("appliesFrom", { date: () => <DateText value={i.appliesFrom} /> })
                        : i.transpositionDeadline
                          ? t.rich("deadline", { date: () => <DateText value={i.transpositionDeadline} /> })
                          : null}
                      {i.repealedFrom
                        ? t.rich("repealedFrom", { date: () => <DateText value={i.repealedFrom} /> })
                        : i.repealedBy
                          ? t("repealedUndated")
                          : t("inForce")}
                      {next.length > 0 ? (
                        <ul>
                          {next.map((e) => (
                            <li key={e.id}>
                              {label(e.relation)} <Link href={`/instruments/${byId.get(e.successorId)!.celex}`}>{byId.get(e.successorId)!.shortName}</Link>
                              {e.fromDate ? <> {t.rich("from", { date: () => <DateText value={e.fromDate} /> })}</> : null}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      <div className="muted">
                        {t("nationalPicture")} <Link href={`/instruments/${i.celex}#grid-heading`}>{t("statesProvisions")}</Link> ·{" "}
                        <Link href={`/measures?instrument=${i.celex}`}>{t("nationalMeasures")}</Link>
                      </div>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </section>
      ))}
      {outside.length > 0 ? (
        <p className="muted">
          {t("outside")}{" "}
          {outside.map((i, n) => (
            <span key={i.id}>
              {n > 0 ? ", " : ""}
              <Link href={`/instruments/${i.celex}`}>{i.shortName}</Link>
            </span>
          ))}
          .
        </p>
      ) : null}
    </>
  );
}
