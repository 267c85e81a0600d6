import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findMeasureDetail } from "@/db/queries/measures";
import { asOfRules, resolveAsOf, withAsOf } from "@/lib/as-of";
import { parseParam } from "@/lib/validation/params";
import type { RawSearchParams } from "@/lib/table-state";
import { label } from "@/lib/vocabulary";
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
  const { measure: m, stateName, source, instruments, transposes } = await load(params);
  const asOf = resolveAsOf((await searchParams).as_of);
  const counts = asOfRules.measure(m, asOf);
  return (
    <>
      <p className="muted">
        <Link href={withAsOf("/measures", asOf)}>National measures</Link> / <Link href={withAsOf(`/member-states/${m.stateCode}`, asOf)}>{stateName}</Link>
      </p>
      <h1 lang={m.language}>{m.titleOriginal}</h1>
      <StaffEditLink slug="measures" entity="national_measure" id={m.id} label={`the measure ${m.key}`} />
      {m.titleEnglish ? (
        <p className="lead">
          {m.titleEnglish}
          {m.titleEnglishIsWorkingTranslation ? " (working translation)" : null}
        </p>
      ) : null}
      <WorkingTitle measure={m} />
      <AsOfBanner asOf={asOf} path={`/measures/${encodeURIComponent(m.key)}`} />
      <p role="status" className={counts ? undefined : "as-of-warning"}>
        {counts
          ? `This measure counts in the inventory as of ${asOf.date}.`
          : `As of ${asOf.date} this measure does not count: it had not been adopted yet, or had been repealed.`}
      </p>
      <dl className="facts">
        <dt>Member State</dt>
        <dd>
          <Link href={withAsOf(`/member-states/${m.stateCode}`, asOf)}>{stateName}</Link>
        </dd>
        <dt>Type</dt>
        <dd>{label(m.type)}</dd>
        <dt>National identifier</dt>
        <dd>{m.nationalIdentifier ?? <span className="muted">—</span>}</dd>
        <dt>Publication</dt>
        <dd>{m.publicationReference ?? <span className="muted">—</span>}</dd>
        {m.eurLexNimNumber ? (
          <>
            <dt>EUR-Lex national measure number</dt>
            <dd>{m.eurLexNimNumber}</dd>
          </>
        ) : null}
        <dt>Adopted</dt>
        <dd>
          <DateText value={m.adoptedOn} precision={m.adoptedOnPrecision} />
        </dd>
        <dt>Published</dt>
        <dd>
          <DateText value={m.publishedOn} precision={m.publishedOnPrecision} />
        </dd>
        <dt>In force</dt>
        <dd>
          <DateText value={m.inForceOn} precision={m.inForceOnPrecision} />
        </dd>
        <dt>Notified to the Commission</dt>
        <dd>
          <DateText value={m.notifiedOn} precision={m.notifiedOnPrecision} />
        </dd>
        {m.status === "repealed" || m.repealedOn ? (
          <>
            <dt>Repealed</dt>
            <dd>
              {m.repealedOn ? (
                <DateText value={m.repealedOn} precision={m.repealedOnPrecision} />
              ) : (
                <span className="muted">repealed; the date is not recorded</span>
              )}
            </dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>
          <span className={`badge status-${m.status}`}>{label(m.status)}</span>
        </dd>
        <dt>Official text</dt>
        <dd>{m.url ? <ExternalLink href={m.url}>{m.url}</ExternalLink> : <span className="muted">no link recorded</span>}</dd>
        {m.eli ? (
          <>
            <dt>ELI</dt>
            <dd>
              <ExternalLink href={m.eli}>{m.eli}</ExternalLink>
            </dd>
          </>
        ) : null}
        <dt>Verification</dt>
        <dd>
          <VerificationBadge state={m.verification} />
        </dd>
        <dt>Source</dt>
        <dd>
          <SourceNote source={source} prefix="" />
        </dd>
      </dl>
      {m.note ? <p>{m.note}</p> : null}

      <h2 id="instruments-heading">Instruments it transposes</h2>
      <ul>
        {instruments.map((i) => (
          <li key={i.celex}>
            <Link href={withAsOf(`/instruments/${i.celex}`, asOf)}>{i.shortName}</Link> <span className="muted">— {i.title}</span>
            {i.isPrincipal ? <span className="badge">Principal measure</span> : <span className="badge muted">Ancillary</span>}
            {i.notificationStatus ? (
              <span className="muted">
                {" "}
                · notification: {label(i.notificationStatus)}{" "}
                {i.notifiedOn ? <DateText value={i.notifiedOn} precision={i.notifiedOnPrecision} /> : "(date not recorded)"}
              </span>
            ) : null}
          </li>
        ))}
      </ul>

      <h2 id="provisions-heading">Provisions it transposes</h2>
      {transposes.length === 0 ? (
        <p>No article-level correspondence cites this measure yet: how it maps to the directive&apos;s articles is unknown (not assessed).</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="provisions-heading">
            <thead>
              <tr>
                <th scope="col">Provision</th>
                <th scope="col">Status</th>
                <th scope="col">Relation</th>
                <th scope="col">National provision</th>
                <th scope="col">Verification</th>
              </tr>
            </thead>
            <tbody>
              {transposes.map((t) => (
                <tr key={t.provisionId}>
                  <th scope="row">
                    <Link href={withAsOf(`/provisions/${t.provisionId}`, asOf)}>
                      {t.shortName} {t.kind === "annex" ? "Annex" : "Art."} {t.number}
                    </Link>{" "}
                    <span className="muted">{t.heading}</span>
                  </th>
                  <td>
                    <StatusBadge status={t.status} />
                  </td>
                  <td>{t.relation ? label(t.relation) : <span className="muted">not assessed</span>}</td>
                  <td>{t.nationalProvision ?? <span className="muted">—</span>}</td>
                  <td>
                    <VerificationBadge state={t.verification} />
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
