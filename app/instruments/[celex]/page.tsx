import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { languageAlternates } from "@/app/i18n/alternates";
import { feedHref } from "@/lib/changes";
import { getLocalePath } from "@/app/i18n/paths";
import { getLocale, getTranslations } from "next-intl/server";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, memberStateName } from "@/lib/format";
import { getLabel, useLabel } from "@/app/i18n/vocabulary";
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
import { transpositionStatuses } from "@/lib/vocabulary";
import { DateText } from "@/app/components/date-text";
import { ExternalLink } from "@/app/components/external-link";
import { PrimarySourceNote, SourceNote, VerificationBadge } from "@/app/components/source-note";
import { StatusGrid } from "./status-grid";
import { ClientMessages } from "@/app/i18n/client-messages-provider";
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
  const t = await getTranslations("instrument");
  const label = await getLabel();
  const locale = await getLocale();
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
        <Link href="/instruments">{t("breadcrumb")}</Link> / {instrument.shortName}
      </p>
      <h1>{instrument.shortName}</h1>
      <p className="lead">{instrument.title}</p>
      <AsOfBanner asOf={asOf} path={`/instruments/${instrument.celex}`} />
      {!asOfRules.instrument(instrument, asOf) ? <p className="as-of-warning">{t("notAdopted", { date: formatDate(asOf.date, locale) })}</p> : null}
      <p>
        <Link href={withAsOf(`/instruments/${instrument.celex}/transposition`, asOf)}>{t("linkTransposition")}</Link> ·{" "}
        <Link href={withAsOf(`/provisions?instrument=${instrument.celex}`, asOf)}>{t("linkProvisions")}</Link> ·{" "}
        <Link href={withAsOf(`/measures?instrument=${instrument.celex}`, asOf)}>{t("linkMeasures")}</Link> ·{" "}
        <Link href={withAsOf(`/transpositions?instrument=${instrument.celex}`, asOf)}>{t("linkCorrespondences")}</Link> ·{" "}
        <Link href={withAsOf(`/compare?instrument=${instrument.celex}`, asOf)}>{t("linkCompare")}</Link> ·{" "}
        <Link href={withAsOf(`/instruments/${instrument.celex}/report`, asOf)}>{tm("report.instrumentLink")}</Link>
      </p>
      <dl className="facts">
        <dt>CELEX</dt>
        <dd>
          <ExternalLink href={eurLexUrl(instrument.celex)}>{t("onEurLex", { celex: instrument.celex })}</ExternalLink>
        </dd>
        {instrument.eli && safeHttpUrl(instrument.eli) ? (
          <>
            <dt>ELI</dt>
            <dd>
              <ExternalLink href={instrument.eli}>{instrument.eli}</ExternalLink>
            </dd>
          </>
        ) : null}
        <dt>{t("adopted")}</dt>
        <dd>
          <DateText value={instrument.adoptionDate} />
        </dd>
        <dt>{t("officialJournal")}</dt>
        <dd>{instrument.ojReference}</dd>
        {instrument.type === "regulation" ? (
          <>
            <dt>{t("appliesFrom")}</dt>
            <dd>
              <DateText value={instrument.appliesFrom} /> <span className="muted">{t("regulationNote")}</span>
            </dd>
          </>
        ) : (
          <>
            <dt>{t("deadline")}</dt>
            <dd>
              <DateText value={instrument.transpositionDeadline} />
              {provisions.some((p) => p.deadline) ? <span className="muted"> {t("ownDeadlines")}</span> : null}
            </dd>
          </>
        )}
        <dt>{t("repeal")}</dt>
        <dd>
          {instrument.repealedBy ? (
            <>
              {t.rich("repealedBy", { link: () => <ExternalLink href={eurLexUrl(instrument.repealedBy!)}>{instrument.repealedBy}</ExternalLink> })}
              {instrument.repealedFrom ? <> {t.rich("withEffectFrom", { date: () => <DateText value={instrument.repealedFrom} /> })}</> : null}
            </>
          ) : (
            t("inForce")
          )}
        </dd>
        <dt>{t("source")}</dt>
        <dd>{isOwnEurLexPage(source.url, instrument.celex) ? <PrimarySourceNote source={source} /> : <SourceNote source={source} prefix="" />}</dd>
        <dt>{t("verification")}</dt>
        <dd>
          <VerificationBadge state={instrument.verification} />
          {isOwnEurLexPage(source.url, instrument.celex) ? <span className="muted"> — {source.title}</span> : null}
        </dd>
      </dl>

      <LineageChain instrumentId={instrument.id} instruments={listLineageInstruments(getDb())} edges={listLineageEdges(getDb())} asOf={asOf} />

      <h2 id="articles">{t("articles", { count: articles.length })}</h2>
      {articles.length === 0 ? <p>{t("noArticles")}</p> : null}
      {articles.map((p) => (
        <ProvisionEntry key={p.id} provision={p} asOf={asOf} />
      ))}

      {annexes.length > 0 ? (
        <>
          <h2 id="annexes">{t("annexes", { count: annexes.length })}</h2>
          {annexes.map((p) => (
            <ProvisionEntry key={p.id} provision={p} asOf={asOf} />
          ))}
        </>
      ) : null}

      <h2 id="grid-heading">{t("gridHeading")}</h2>
      <p>{t.rich("gridLegend", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <ClientMessages namespaces={["instrument", "vocabulary"]}>
        <div className="table-scroll">
          <StatusGrid
            labelledBy="grid-heading"
            columns={provisions.map((p) => ({
              id: p.id,
              href: withAsOf(`/provisions/${p.id}`, asOf),
              text:
                p.kind === "annex" ? (p.number === "Annex" ? t("annexAlone") : t("annexShort", { number: p.number })) : t("articleShort", { number: p.number }),
            }))}
            rows={states.map((s) => ({ ...s, name: memberStateName(s.code, s.name, locale), href: withAsOf(`/member-states/${s.code}`, asOf) }))}
            cells={states.map((s) => provisions.map((p) => statusIndex(statuses.get(`${s.code}:${p.id}`))).join("")).join("")}
          />
        </div>
      </ClientMessages>

      <h2 id="notifications-heading">{t("notificationsHeading")}</h2>
      {undated > 0 ? <p className="muted">{t("undated", { count: undated, date: formatDate(asOf.date, locale) })}</p> : null}
      {notifications.length === 0 ? (
        <p>{t("noNotifications")}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="notifications-heading">
            <thead>
              <tr>
                <th scope="col">{t("memberState")}</th>
                <th scope="col">{t("notified")}</th>
                <th scope="col" className="note-column">
                  {t("date")}
                </th>
                <th scope="col">{t("principalMeasure")}</th>
                <th scope="col">{t("verification")}</th>
              </tr>
            </thead>
            <tbody>
              {notifications.map((n) => (
                <tr key={n.stateCode}>
                  <th scope="row">
                    <Link href={withAsOf(`/member-states/${n.stateCode}`, asOf)}>{memberStateName(n.stateCode, n.stateName, locale)}</Link> ({n.stateCode})
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
  const t = useTranslations("instrument");
  const label = useLabel();
  const locale = useLocale();
  const title = p.kind === "annex" ? (p.number === "Annex" ? t("annexAlone") : t("annexTitle", { number: p.number })) : t("articleTitle", { number: p.number });
  // German writes its nouns capitalised; French and English lower-case the addressee inside the sentence.
  const addressee = (value: string) => (locale === "de" ? label(value) : label(value).toLowerCase());
  return (
    <section className="provision" aria-labelledby={`provision-${p.id}`} id={`${p.kind}-${p.number}`}>
      <h3 id={`provision-${p.id}`}>
        <Link href={withAsOf(`/provisions/${p.id}`, asOf)}>{title}</Link> — {p.heading}
      </h3>
      <p>{p.summary}</p>
      <ul className="tags" aria-label={t("properties")}>
        {p.securityRelevant ? <li className="badge">{t("securityRelevant")}</li> : null}
        {!p.requiresTransposition ? <li className="badge">{t("noTransposition")}</li> : null}
        {p.deadline ? <li className="badge">{t.rich("ownDeadline", { date: () => <DateText value={p.deadline} /> })}</li> : null}
        <li>
          <VerificationBadge state={p.verification} />
        </li>
      </ul>
      {p.obligations.length > 0 ? (
        <>
          <h4 className="visually-hidden">{t("obligationsOf", { provision: title })}</h4>
          <ul className="obligations">
            {p.obligations.map((o) => (
              <li key={o.id}>
                <Link href={withAsOf(`/obligations/${encodeURIComponent(o.key)}`, asOf)}>{o.duty}</Link>{" "}
                <span className="muted">{t("addressedTo", { addressee: addressee(o.addressee) })}</span>
                <ul className="tags" aria-label={t("propertiesAndThreats")}>
                  {o.securityProperties.map((s) => (
                    <li key={s} className="badge">
                      {label(s)}
                    </li>
                  ))}
                  {o.threats.map((threat) => (
                    <li key={threat} className="badge muted">
                      {t("threat", { threat: label(threat) })}
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
