import { Link } from "@/app/i18n/navigation";
import { StaffReferenceLink } from "@/app/components/staff-edit-link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findProvisionDetail } from "@/db/queries/provisions";
import { resolveAsOf, withAsOf, type AsOf } from "@/lib/as-of";
import { parseParam } from "@/lib/validation/params";
import type { RawSearchParams } from "@/lib/table-state";
import { label } from "@/lib/vocabulary";
import { AsOfBanner } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";
import { SourceNote, VerificationBadge } from "@/app/components/source-note";
import { StatusBadge } from "@/app/components/status-badge";

const provisionId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}

async function load(params: Props["params"], asOf: AsOf) {
  const raw = (await params).id;
  const id = /^[0-9]{1,15}$/.test(raw) ? parseParam(provisionId, raw) : null;
  const detail = id ? findProvisionDetail(getDb(), id, asOf) : null;
  if (!detail) notFound();
  return detail;
}

const title = (p: { kind: string; number: string }) => (p.kind === "annex" ? (p.number === "Annex" ? "Annex" : `Annex ${p.number}`) : `Article ${p.number}`);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const d = await load(params, resolveAsOf((await searchParams).as_of));
  return { title: `${d.instrument.shortName} ${title(d.provision)}` };
}

export default async function ProvisionPage({ params, searchParams }: Props) {
  const asOf = resolveAsOf((await searchParams).as_of);
  const { provision: p, instrument, source, obligations, siblings, states } = await load(params, asOf);
  const recorded = states.filter((s) => s.correspondence.isRecorded).length;
  return (
    <>
      <p className="muted">
        <Link href={withAsOf("/provisions", asOf)}>Provisions</Link> /{" "}
        <Link href={withAsOf(`/instruments/${instrument.celex}`, asOf)}>{instrument.shortName}</Link> / {title(p)}
      </p>
      <h1>
        {instrument.shortName} {title(p)} — {p.heading}
      </h1>
      <p className="lead">{p.summary}</p>
      <StaffReferenceLink provisionId={p.id} />
      <AsOfBanner asOf={asOf} path={`/provisions/${p.id}`} />
      {instrument.adoptionDate > asOf.date ? (
        <p className="as-of-warning">
          As of {asOf.date} this instrument had not been adopted yet (adopted {instrument.adoptionDate}).
        </p>
      ) : null}
      <dl className="facts">
        <dt>Instrument</dt>
        <dd>
          <Link href={withAsOf(`/instruments/${instrument.celex}`, asOf)}>{instrument.shortName}</Link> <span className="muted">— {instrument.title}</span>
        </dd>
        <dt>Requires transposition</dt>
        <dd>{p.requiresTransposition ? "Yes" : "No"}</dd>
        <dt>Deadline</dt>
        <dd>
          <DateText value={p.deadline ?? instrument.transpositionDeadline} />
          {p.deadline ? " (this provision's own deadline)" : " (the instrument's)"}
        </dd>
        <dt>Verification</dt>
        <dd>
          <VerificationBadge state={p.verification} />
        </dd>
        <dt>Source</dt>
        <dd>
          <SourceNote source={source} prefix="" />
        </dd>
      </dl>
      <nav aria-label="Neighbouring provisions" className="pagination">
        <ul>
          <li>
            {siblings.previous ? (
              <Link href={withAsOf(`/provisions/${siblings.previous.id}`, asOf)}>Previous: {title(siblings.previous)}</Link>
            ) : (
              <span aria-disabled="true">No previous provision</span>
            )}
          </li>
          <li>
            {siblings.next ? (
              <Link href={withAsOf(`/provisions/${siblings.next.id}`, asOf)}>Next: {title(siblings.next)}</Link>
            ) : (
              <span aria-disabled="true">No next provision</span>
            )}
          </li>
        </ul>
      </nav>

      <h2>Obligations it imposes ({obligations.length})</h2>
      {obligations.length === 0 ? (
        <p>No security obligation is mapped to this provision.</p>
      ) : (
        <ul className="obligations">
          {obligations.map((o) => (
            <li key={o.id}>
              <Link href={withAsOf(`/obligations/${encodeURIComponent(o.key)}`, asOf)}>{o.duty}</Link>{" "}
              <span className="muted">— addressed to {label(o.addressee).toLowerCase()}</span>
              <ul className="tags" aria-label="Security properties">
                {o.securityProperties.map((s) => (
                  <li key={s} className="badge">
                    {label(s)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}

      <h2 id="states-heading">How each Member State transposed it</h2>
      <p>
        {recorded} of {states.length} states have a recorded correspondence; the others are <strong>unknown (not assessed)</strong>.{" "}
        <Link href={withAsOf(`/transpositions?instrument=${instrument.celex}`, asOf)}>All correspondences for {instrument.shortName}</Link>
      </p>
      <div className="table-scroll">
        <table aria-labelledby="states-heading">
          <thead>
            <tr>
              <th scope="col">Member State</th>
              <th scope="col">Status</th>
              <th scope="col">Relation</th>
              <th scope="col">National provision</th>
              <th scope="col">National measures</th>
              <th scope="col">Verification</th>
            </tr>
          </thead>
          <tbody>
            {states.map((s) => {
              const c = s.correspondence;
              return (
                <tr key={s.code}>
                  <th scope="row">
                    <Link href={withAsOf(`/member-states/${s.code}`, asOf)}>{s.name}</Link> ({s.code})
                    {!s.isMember ? <div className="muted">not a member on {asOf.date}</div> : null}
                  </th>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>{c.relation ? label(c.relation) : <span className="muted">—</span>}</td>
                  <td>{c.nationalProvision ?? <span className="muted">—</span>}</td>
                  <td>
                    <ul className="plain">
                      {c.measures.map((m) => (
                        <li key={m.key}>
                          <Link href={withAsOf(`/measures/${encodeURIComponent(m.key)}`, asOf)} lang={m.language}>
                            {m.titleOriginal}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{c.verification ? <VerificationBadge state={c.verification} /> : <span className="muted">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
