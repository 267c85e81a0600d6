import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findMeasureDetail } from "@/db/queries/measures";
import { asOfRules, resolveAsOf, withAsOf } from "@/lib/as-of";
import { parseParam } from "@/lib/validation/params";
import type { RawSearchParams } from "@/lib/table-state";
import { getLocale, getTranslations } from "next-intl/server";
import { getLabel } from "@/app/i18n/vocabulary";
import { formatDate, memberStateName, type Locale } from "@/lib/format";
import { AsOfBanner } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";
import { ExternalLink } from "@/app/components/external-link";
import { SourceNote, VerificationBadge } from "@/app/components/source-note";
import { StatusBadge } from "@/app/components/status-badge";
import { StaffEditLink } from "@/app/components/staff-edit-link";
import { WorkingTitle } from "../working-title";

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const measureKey = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,119}$/);

interface Props {
  params: Promise<{ key: string }>;
  searchParams: Promise<RawSearchParams>;
}

async function load(params: Props["params"]) {
  const key = parseParam(measureKey, safeDecode((await params).key));
  const detail = key ? findMeasureDetail(getDb(), key) : null;
  if (!detail) notFound();
  return detail;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).measure.titleOriginal };
}

export default async function MeasurePage({ params, searchParams }: Props) {
  const { measure: m, stateName: englishStateName, source, instruments, transposes } = await load(params);
  const t = await getTranslations("measure");
  const measures = await getTranslations("measures");
  const staffLinks = await getTranslations("staffLinks");
  const label = await getLabel();
  const locale = (await getLocale()) as Locale;
  const stateName = memberStateName(m.stateCode, englishStateName, locale);
  const asOf = resolveAsOf((await searchParams).as_of);
  const counts = asOfRules.measure(m, asOf);
  return (
    <>
      <p className="muted">
        <Link href={withAsOf("/measures", asOf)}>{measures("title")}</Link> / <Link href={withAsOf(`/member-states/${m.stateCode}`, asOf)}>{stateName}</Link>
      </p>
      <h1 lang={m.language}>{m.titleOriginal}</h1>
      <StaffEditLink slug="measures" entity="national_measure" id={m.id} label={staffLinks("measure", { key: m.key })} />
      {m.titleEnglish ? (
        <p className="lead">
          {m.titleEnglish}
          {m.titleEnglishIsWorkingTranslation ? t("workingTranslation") : null}
        </p>
      ) : null}
      <WorkingTitle measure={m} />
      <AsOfBanner asOf={asOf} path={`/measures/${encodeURIComponent(m.key)}`} />
      <p role="status" className={counts ? undefined : "as-of-warning"}>
        {counts ? t("counts", { date: formatDate(asOf.date, locale) }) : t("doesNotCount", { date: formatDate(asOf.date, locale) })}
      </p>
      <dl className="facts">
        <dt>{t("memberState")}</dt>
        <dd>
          <Link href={withAsOf(`/member-states/${m.stateCode}`, asOf)}>{stateName}</Link>
        </dd>
        <dt>{t("type")}</dt>
        <dd>{label(m.type)}</dd>
        <dt>{t("nationalIdentifier")}</dt>
        <dd>{m.nationalIdentifier ?? <span className="muted">—</span>}</dd>
        <dt>{t("publication")}</dt>
        <dd>{m.publicationReference ?? <span className="muted">—</span>}</dd>
        {m.eurLexNimNumber ? (
          <>
            <dt>{t("eurLexNumber")}</dt>
            <dd>{m.eurLexNimNumber}</dd>
          </>
        ) : null}
        <dt>{t("adopted")}</dt>
        <dd>
          <DateText value={m.adoptedOn} precision={m.adoptedOnPrecision} />
        </dd>
        <dt>{t("published")}</dt>
        <dd>
          <DateText value={m.publishedOn} precision={m.publishedOnPrecision} />
        </dd>
        <dt>{t("inForce")}</dt>
        <dd>
          <DateText value={m.inForceOn} precision={m.inForceOnPrecision} />
        </dd>
        <dt>{t("notified")}</dt>
        <dd>
          <DateText value={m.notifiedOn} precision={m.notifiedOnPrecision} />
        </dd>
        {m.status === "repealed" || m.repealedOn ? (
          <>
            <dt>{t("repealed")}</dt>
            <dd>
              {m.repealedOn ? <DateText value={m.repealedOn} precision={m.repealedOnPrecision} /> : <span className="muted">{t("repealedUndated")}</span>}
            </dd>
          </>
        ) : null}
        <dt>{t("status")}</dt>
        <dd>
          <span className={`badge status-${m.status}`}>{label(m.status)}</span>
        </dd>
        <dt>{t("officialText")}</dt>
        <dd>{m.url ? <ExternalLink href={m.url}>{m.url}</ExternalLink> : <span className="muted">{t("noLink")}</span>}</dd>
        {m.eli ? (
          <>
            <dt>{t("eli")}</dt>
            <dd>
              <ExternalLink href={m.eli}>{m.eli}</ExternalLink>
            </dd>
          </>
        ) : null}
        <dt>{t("verification")}</dt>
        <dd>
          <VerificationBadge state={m.verification} />
        </dd>
        <dt>{t("source")}</dt>
        <dd>
          <SourceNote source={source} prefix="" />
        </dd>
      </dl>
      {m.note ? <p>{m.note}</p> : null}

      <h2 id="instruments-heading">{t("instrumentsHeading")}</h2>
      <ul>
        {instruments.map((i) => (
          <li key={i.celex}>
            <Link href={withAsOf(`/instruments/${i.celex}`, asOf)}>{i.shortName}</Link> <span className="muted">— {i.title}</span>
            {i.isPrincipal ? <span className="badge">{t("principal")}</span> : <span className="badge muted">{t("ancillary")}</span>}
            {i.notificationStatus ? (
              <span className="muted">
                {" "}
                {t("notification", { status: label(i.notificationStatus) })}{" "}
                {i.notifiedOn ? <DateText value={i.notifiedOn} precision={i.notifiedOnPrecision} /> : t("dateNotRecorded")}
              </span>
            ) : null}
          </li>
        ))}
      </ul>

      <h2 id="provisions-heading">{t("provisionsHeading")}</h2>
      {transposes.length === 0 ? (
        <p>{t("noCorrespondence")}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="provisions-heading">
            <thead>
              <tr>
                <th scope="col">{t("colProvision")}</th>
                <th scope="col">{t("colStatus")}</th>
                <th scope="col">{t("colRelation")}</th>
                <th scope="col">{t("colNationalProvision")}</th>
                <th scope="col">{t("colVerification")}</th>
              </tr>
            </thead>
            <tbody>
              {transposes.map((p) => (
                <tr key={p.provisionId}>
                  <th scope="row">
                    <Link href={withAsOf(`/provisions/${p.provisionId}`, asOf)}>
                      {t(p.kind === "annex" ? "annex" : "article", { instrument: p.shortName, number: p.number })}
                    </Link>{" "}
                    <span className="muted">{p.heading}</span>
                  </th>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td>{p.relation ? label(p.relation) : <span className="muted">{t("notAssessed")}</span>}</td>
                  <td>{p.nationalProvision ?? <span className="muted">—</span>}</td>
                  <td>
                    <VerificationBadge state={p.verification} />
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
