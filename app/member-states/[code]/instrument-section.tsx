import { Link } from "@/app/i18n/navigation";
import { formatDate } from "@/lib/format";
import type { ProvisionHead } from "@/db/queries/instruments";
import type { StateInstrumentSummary, StateMeasure } from "@/db/queries/member-state-summary";
import type { Correspondence } from "@/db/queries/transpositions";
import { withAsOf, type AsOf } from "@/lib/as-of";
import { useLocale, useTranslations } from "next-intl";
import { useLabel } from "@/app/i18n/vocabulary";
import { StatusBadge } from "@/app/components/status-badge";
import { DateText } from "@/app/components/date-text";
import { countingNeedsSaying, NotificationCounts } from "@/app/components/notification-counts";
import { ExternalLink } from "@/app/components/external-link";
import { StaffCorrespondenceLink, StaffEditLink } from "@/app/components/staff-edit-link";
import { SourceNote, VerificationBadge } from "@/app/components/source-note";
import { WorkingTitle } from "@/app/measures/working-title";

/** Where one state's detail for one instrument lives: its measures and its correspondence table. */
export function stateInstrumentPath(stateCode: string, celex: string): string {
  return `/member-states/${stateCode}/instruments/${celex}`;
}

export function provisionLabel(p: { kind: string; number: string }): string {
  return p.kind === "annex" ? (p.number === "Annex" ? "Annex" : `Annex ${p.number}`) : `Art. ${p.number}`;
}

/** A state's notification, measures and article-by-article correspondence for one instrument. */
export function InstrumentSection({
  state,
  summary,
  measures,
  provisions,
  correspondences,
  asOf,
  headingLevel = 3,
  openCorrespondence = false,
}: {
  state: { code: string; name: string };
  summary: StateInstrumentSummary;
  measures: StateMeasure[];
  provisions: ProvisionHead[];
  correspondences: Map<string, Correspondence>;
  asOf: AsOf;
  headingLevel?: 2 | 3;
  openCorrespondence?: boolean;
}) {
  const t = useTranslations("stateInstrument");
  const staffLabels = useTranslations("staffLinks");
  const label = useLabel();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const notification = summary.notification;
  return (
    <section aria-labelledby={`instrument-${summary.celex}`}>
      <Heading id={`instrument-${summary.celex}`}>
        <Link href={withAsOf(`/instruments/${summary.celex}`, asOf)}>{summary.shortName}</Link> <span className="muted">— {summary.title}</span>
      </Heading>
      {summary.type === "regulation" ? (
        <p className="muted">{summary.appliesFrom ? t.rich("regulationFrom", { date: () => <DateText value={summary.appliesFrom} /> }) : t("regulation")}</p>
      ) : null}
      <p>
        {t(summary.type === "regulation" ? "notificationOfProvisions" : "notification")}{" "}
        {notification ? (
          <>
            <span className={`badge status-${notification.status}`}>{notification.status === "none" ? t("noneNotified") : label(notification.status)}</span>
            {notification.notifiedOn ? (
              <> {t.rich("on", { date: () => <DateText value={notification.notifiedOn} precision={notification.notifiedOnPrecision} /> })}</>
            ) : notification.status === "none" ? null : (
              <span className="muted"> {t("dateNotRecorded")}</span>
            )}
            {notification.statusAsOf ? <> {t.rich("statusAsOf", { date: () => <DateText value={notification.statusAsOf} /> })}</> : null}{" "}
            <VerificationBadge state={notification.verification} />
            <StaffEditLink
              slug="notifications"
              entity="notification"
              id={notification.id}
              label={staffLabels("notification", { instrument: summary.shortName })}
            />
          </>
        ) : summary.type === "regulation" ? (
          <span className="muted">{t("notRecorded")}</span>
        ) : null}
        {summary.type !== "regulation" && countingNeedsSaying(summary.reading, notification !== null) ? (
          <>
            {notification ? " — " : null}
            <NotificationCounts reading={summary.reading} asOfDate={asOf.date} />
          </>
        ) : null}
      </p>
      {notification?.note ? <p className="muted">{notification.note}</p> : null}
      {summary.laterMeasureCount > 0 ? (
        <p className="muted">{t("laterMeasures", { count: summary.laterMeasureCount, date: formatDate(asOf.date, locale) })}</p>
      ) : null}
      {measures.length === 0 ? (
        <p className="muted">{t("noMeasure")}</p>
      ) : (
        <MeasureTable stateName={state.name} shortName={summary.shortName} measures={measures} asOf={asOf} />
      )}
      <CorrespondenceTable
        stateCode={state.code}
        stateName={state.name}
        shortName={summary.shortName}
        provisions={provisions}
        lookup={(id) => correspondences.get(`${state.code}:${id}`)}
        asOf={asOf}
        open={openCorrespondence}
      />
    </section>
  );
}

function MeasureTable({ stateName, shortName, measures, asOf }: { stateName: string; shortName: string; measures: StateMeasure[]; asOf: AsOf }) {
  const t = useTranslations("stateInstrument");
  const label = useLabel();
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{t("measuresCaption", { state: stateName, instrument: shortName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("measure")}</th>
            <th scope="col">{t("type")}</th>
            <th scope="col">{t("adopted")}</th>
            <th scope="col">{t("published")}</th>
            <th scope="col">{t("inForce")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("verification")}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <span lang={m.language} className="measure-title">
                  <Link href={withAsOf(`/measures/${encodeURIComponent(m.key)}`, asOf)}>{m.titleOriginal}</Link>
                </span>
                {m.url ? (
                  <>
                    {" "}
                    <ExternalLink href={m.url}>{t("officialText")}</ExternalLink>
                  </>
                ) : null}
                {m.isPrincipal ? <span className="badge"> {t("principal")}</span> : null}
                <StaffEditLink slug="measures" entity="national_measure" id={m.id} label={m.titleOriginal} />
                <WorkingTitle measure={m} inline="div" />
                {m.titleEnglish && m.titleEnglish !== m.titleOriginal ? (
                  <div className="muted">
                    {m.titleEnglish}
                    {m.titleEnglishIsWorkingTranslation ? ` ${t("workingTranslation")}` : null}
                  </div>
                ) : null}
                <div className="muted">{[m.nationalIdentifier, m.publicationReference].filter(Boolean).join(" · ")}</div>
                <div>
                  <small>
                    <SourceNote source={m.source} />
                  </small>
                </div>
              </th>
              <td>{label(m.type)}</td>
              <td>
                <DateText value={m.adoptedOn} />
              </td>
              <td>
                <DateText value={m.publishedOn} />
              </td>
              <td>
                <DateText value={m.inForceOn} />
              </td>
              <td>
                <span className={`badge status-${m.status}`}>{label(m.status)}</span>
              </td>
              <td>
                <VerificationBadge state={m.verification} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CorrespondenceTable({
  stateCode,
  stateName,
  shortName,
  provisions,
  lookup,
  asOf,
  open,
}: {
  stateCode: string;
  stateName: string;
  shortName: string;
  provisions: ProvisionHead[];
  lookup: (id: number) => Correspondence | undefined;
  asOf: AsOf;
  open: boolean;
}) {
  const t = useTranslations("stateInstrument");
  const staffLabels = useTranslations("staffLinks");
  const label = useLabel();
  const cells = provisions.map((p) => ({ p, c: lookup(p.id) }));
  const counts = new Map<string, number>();
  for (const { c } of cells) counts.set(c?.status ?? "unknown", (counts.get(c?.status ?? "unknown") ?? 0) + 1);
  return (
    <details className="correspondence" open={open}>
      <summary>{t("correspondenceSummary", { counts: [...counts].map(([status, n]) => `${n} ${label(status).toLowerCase()}`).join(", ") })}</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t("correspondenceCaption", { state: stateName, instrument: shortName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("provision")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("relation")}</th>
              <th scope="col">{t("nationalProvision")}</th>
              <th scope="col">{t("verification")}</th>
            </tr>
          </thead>
          <tbody>
            {cells.map(({ p, c }) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link href={withAsOf(`/provisions/${p.id}`, asOf)}>
                    {t(p.kind === "annex" ? (p.number === "Annex" ? "annexAlone" : "annex") : "article", { number: p.number })}
                  </Link>{" "}
                  <span className="muted">{p.heading}</span>
                  {!p.requiresTransposition ? <span className="badge muted">{t("noTranspositionRequired")}</span> : null}
                </th>
                <td>
                  <StatusBadge status={c?.status ?? "unknown"} />
                </td>
                <td>{c?.relation ? label(c.relation) : <span className="muted">—</span>}</td>
                <td>{c?.nationalProvision ?? <span className="muted">—</span>}</td>
                <td>
                  {c?.verification ? <VerificationBadge state={c.verification} /> : <span className="muted">—</span>}
                  <StaffCorrespondenceLink
                    stateCode={stateCode}
                    provisionId={p.id}
                    transpositionId={c?.isRecorded ? c.id : null}
                    label={staffLabels("correspondence", {
                      state: stateName,
                      instrument: shortName,
                      provision: t(p.kind === "annex" ? (p.number === "Annex" ? "annexAlone" : "annex") : "article", { number: p.number }),
                    })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
