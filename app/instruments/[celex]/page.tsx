import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { languageAlternates } from "@/app/i18n/alternates";
import { feedHref } from "@/lib/changes";
import { getLocalePath } from "@/app/i18n/paths";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { getDb } from "@/db/client";
import { findInstrumentDetail } from "@/db/queries/instruments";
import { instrumentStatusGrid } from "@/db/queries/instrument-grid";
import { asOfRules, resolveAsOf, todayIso, withAsOf, type AsOf } from "@/lib/as-of";
import { readNotification } from "@/lib/indicators/transposition-deficit";
import { countingNeedsSaying, NotificationCounts } from "@/app/components/notification-counts";
import type { RawSearchParams } from "@/lib/table-state";
import { AsOfBanner } from "@/app/components/as-of-banner";
import { celexParam, parseParam } from "@/lib/validation/params";
import { eurLexUrl, isOwnEurLexPage, safeHttpUrl } from "@/lib/links";
import { label, transpositionStatuses } from "@/lib/vocabulary";
import { DateText } from "@/app/components/date-text";
import { ExternalLink } from "@/app/components/external-link";
import { PrimarySourceNote, SourceNote, VerificationBadge } from "@/app/components/source-note";
import { StatusGrid } from "./status-grid";
import { LineageChain } from "./lineage-chain";
import { listLineageEdges, listLineageInstruments } from "@/db/queries/lineage";

interface Props {
  params: Promise<{ celex: string }>;
  searchParams: Promise<RawSearchParams>;
}

/** Once per request: generateMetadata and the page both need the record. */
const loadDetail = cache((celex: string) => findInstrumentDetail(getDb(), celex));

async function load(params: Props["params"]) {
  const celex = parseParam(celexParam, (await params).celex);
  const detail = celex ? loadDetail(celex) : null;
  if (!detail) notFound();
  return detail;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tm = await getTranslations();
  const { instrument } = await load(params);
  return {
    title: instrument.shortName,
    alternates: {
      languages: await languageAlternates(),
      types: {
        "application/atom+xml": [
          {
            url: (await getLocalePath())(feedHref({ instrument: instrument.celex })),
            title: tm("changes.feedTitleInstrument", { instrument: instrument.shortName }),
          },
        ],
      },
    },
  };
}

export default async function InstrumentPage({ params, searchParams }: Props) {
  const tm = await getTranslations();
  const { instrument, source, provisions, notifications: allNotifications } = await load(params);
  const asOf = resolveAsOf((await searchParams).as_of);
  // Each notification read by the Scoreboard's rule, so this table, the Member State page and the figures agree.
  const takenOn = todayIso();
  const readings = allNotifications.map((n) => ({ ...n, reading: readNotification(n, asOf.date, takenOn) }));
  const notifications = readings.filter((n) => asOfRules.notification(n, asOf) || n.reading.state === "transposed");
  const undated = readings.filter((n) => n.reading.state === "date_unknown").length;
  const { states, statuses } = instrumentStatusGrid(
    getDb(),
    provisions.map((p) => p.id),
    asOf,
  );
  const articles = provisions.filter((p) => p.kind !== "annex");
  const annexes = provisions.filter((p) => p.kind === "annex");

  return (
    <>
      <p className="muted">
        <Link href="/instruments">Instruments</Link> / {instrument.shortName}
      </p>
      <h1>{instrument.shortName}</h1>
      <p className="lead">{instrument.title}</p>
      <AsOfBanner asOf={asOf} path={`/instruments/${instrument.celex}`} />
      {!asOfRules.instrument(instrument, asOf) ? <p className="as-of-warning">As of {asOf.date} this instrument had not been adopted yet.</p> : null}
      <p>
        <Link href={withAsOf(`/instruments/${instrument.celex}/transposition`, asOf)}>
          National transposition: deadlines, notifications and delays by Member State
        </Link>{" "}
        · <Link href={withAsOf(`/provisions?instrument=${instrument.celex}`, asOf)}>Its provisions as a table</Link> ·{" "}
        <Link href={withAsOf(`/measures?instrument=${instrument.celex}`, asOf)}>National measures transposing it</Link> ·{" "}
        <Link href={withAsOf(`/transpositions?instrument=${instrument.celex}`, asOf)}>Correspondences</Link> ·{" "}
        <Link href={withAsOf(`/compare?instrument=${instrument.celex}`, asOf)}>Compare states on it</Link> ·{" "}
        <Link href={withAsOf(`/instruments/${instrument.celex}/report`, asOf)}>{tm("report.instrumentLink")}</Link>
      </p>
      <dl className="facts">
        <dt>CELEX</dt>
        <dd>
          <ExternalLink href={eurLexUrl(instrument.celex)}>{instrument.celex} on EUR-Lex</ExternalLink>
        </dd>
        {instrument.eli && safeHttpUrl(instrument.eli) ? (
          <>
            <dt>ELI</dt>
            <dd>
              <ExternalLink href={instrument.eli}>{instrument.eli}</ExternalLink>
            </dd>
          </>
        ) : null}
        <dt>Adopted</dt>
        <dd>
          <DateText value={instrument.adoptionDate} />
        </dd>
        <dt>Official Journal</dt>
        <dd>{instrument.ojReference}</dd>
        {instrument.type === "regulation" ? (
          <>
            <dt>Applies from</dt>
            <dd>
              <DateText value={instrument.appliesFrom} />{" "}
              <span className="muted">
                — a regulation applies directly: it needs no transposition and never counts in the Scoreboard-style deficit; the Member States&apos;
                implementing and supplementing acts are recorded as national measures.
              </span>
            </dd>
          </>
        ) : (
          <>
            <dt>Transposition deadline</dt>
            <dd>
              <DateText value={instrument.transpositionDeadline} />
              {provisions.some((p) => p.deadline) ? <span className="muted"> (some provisions have their own deadline, shown with them)</span> : null}
            </dd>
          </>
        )}
        <dt>Repeal</dt>
        <dd>
          {instrument.repealedBy ? (
            <>
              Repealed by <ExternalLink href={eurLexUrl(instrument.repealedBy)}>{instrument.repealedBy}</ExternalLink>
              {instrument.repealedFrom ? (
                <>
                  {" "}
                  with effect from <DateText value={instrument.repealedFrom} />
                </>
              ) : null}
            </>
          ) : (
            "In force"
          )}
        </dd>
        <dt>Source</dt>
        <dd>{isOwnEurLexPage(source.url, instrument.celex) ? <PrimarySourceNote source={source} /> : <SourceNote source={source} prefix="" />}</dd>
        <dt>Verification</dt>
        <dd>
          <VerificationBadge state={instrument.verification} />
          {isOwnEurLexPage(source.url, instrument.celex) ? <span className="muted"> — {source.title}</span> : null}
        </dd>
      </dl>

      <LineageChain instrumentId={instrument.id} instruments={listLineageInstruments(getDb())} edges={listLineageEdges(getDb())} asOf={asOf} />

      <h2 id="articles">Articles ({articles.length})</h2>
      {articles.length === 0 ? <p>No articles recorded yet.</p> : null}
      {articles.map((p) => (
        <ProvisionEntry key={p.id} provision={p} asOf={asOf} />
      ))}

      {annexes.length > 0 ? (
        <>
          <h2 id="annexes">Annexes ({annexes.length})</h2>
          {annexes.map((p) => (
            <ProvisionEntry key={p.id} provision={p} asOf={asOf} />
          ))}
        </>
      ) : null}

      <h2 id="grid-heading">Status of every Member State for every provision</h2>
      <p>
        Each cell is the recorded correspondence; <strong>?</strong> means unknown (not assessed), never “not transposed”. Legend: ● full, ◐ partial, ○ not
        transposed, ✕ non-conforming, – not applicable, ? unknown.
      </p>
      <div className="table-scroll">
        <StatusGrid
          labelledBy="grid-heading"
          columns={provisions.map((p) => ({
            id: p.id,
            href: withAsOf(`/provisions/${p.id}`, asOf),
            text: p.kind === "annex" ? (p.number === "Annex" ? "Annex" : `Annex ${p.number}`) : `Art. ${p.number}`,
          }))}
          rows={states.map((s) => ({ ...s, href: withAsOf(`/member-states/${s.code}`, asOf) }))}
          cells={states.map((s) => provisions.map((p) => statusIndex(statuses.get(`${s.code}:${p.id}`))).join("")).join("")}
        />
      </div>

      <h2 id="notifications-heading">Notifications by Member State</h2>
      {undated > 0 ? (
        <p className="muted">
          {undated} complete notification{undated === 1 ? " is" : "s are"} recorded without a date, and no date can be inferred from a principal measure: not
          counted as of {asOf.date} (they count only from today).
        </p>
      ) : null}
      {notifications.length === 0 ? (
        <p>No notifications are recorded for this instrument.</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="notifications-heading">
            <thead>
              <tr>
                <th scope="col">Member State</th>
                <th scope="col">Notified</th>
                <th scope="col" className="note-column">
                  Date
                </th>
                <th scope="col">Principal measure</th>
                <th scope="col">Verification</th>
              </tr>
            </thead>
            <tbody>
              {notifications.map((n) => (
                <tr key={n.stateCode}>
                  <th scope="row">
                    <Link href={withAsOf(`/member-states/${n.stateCode}`, asOf)}>{n.stateName}</Link> ({n.stateCode})
                  </th>
                  <td>{label(n.status)}</td>
                  <td className="note-column">
                    <DateText value={n.notifiedOn} />
                    {countingNeedsSaying(n.reading, true) ? (
                      <span className="cell-note">
                        <NotificationCounts reading={n.reading} asOfDate={asOf.date} />
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {n.principalMeasureKey ? (
                      <Link href={withAsOf(`/measures/${encodeURIComponent(n.principalMeasureKey)}`, asOf)}>{n.principalMeasureTitle}</Link>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    <VerificationBadge state={n.verification} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function statusIndex(status: string | undefined): number {
  const i = transpositionStatuses.indexOf((status ?? "unknown") as (typeof transpositionStatuses)[number]);
  return i < 0 ? 0 : i;
}

function ProvisionEntry({ provision: p, asOf }: { provision: Awaited<ReturnType<typeof load>>["provisions"][number]; asOf: AsOf }) {
  const title = p.kind === "annex" ? `Annex ${p.number === "Annex" ? "" : p.number}`.trim() : `Article ${p.number}`;
  return (
    <section className="provision" aria-labelledby={`provision-${p.id}`} id={`${p.kind}-${p.number}`}>
      <h3 id={`provision-${p.id}`}>
        <Link href={withAsOf(`/provisions/${p.id}`, asOf)}>{title}</Link> — {p.heading}
      </h3>
      <p>{p.summary}</p>
      <ul className="tags" aria-label="Properties">
        {p.securityRelevant ? <li className="badge">Security-relevant</li> : null}
        {!p.requiresTransposition ? <li className="badge">No transposition required</li> : null}
        {p.deadline ? (
          <li className="badge">
            Own deadline <DateText value={p.deadline} />
          </li>
        ) : null}
        <li>
          <VerificationBadge state={p.verification} />
        </li>
      </ul>
      {p.obligations.length > 0 ? (
        <>
          <h4 className="visually-hidden">Obligations of {title}</h4>
          <ul className="obligations">
            {p.obligations.map((o) => (
              <li key={o.id}>
                <Link href={withAsOf(`/obligations/${encodeURIComponent(o.key)}`, asOf)}>{o.duty}</Link>{" "}
                <span className="muted">— addressed to {label(o.addressee).toLowerCase()}</span>
                <ul className="tags" aria-label="Security properties and threats">
                  {o.securityProperties.map((s) => (
                    <li key={s} className="badge">
                      {label(s)}
                    </li>
                  ))}
                  {o.threats.map((t) => (
                    <li key={t} className="badge muted">
                      Threat: {label(t)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
