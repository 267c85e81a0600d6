import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { findObligationDetail } from "@/db/queries/obligations";
import { resolveAsOf, withAsOf, type AsOf } from "@/lib/as-of";
import { obligationKey, type RawSearchParams } from "@/lib/table-state";
import { parseParam } from "@/lib/validation/params";
import { label } from "@/lib/vocabulary";
import { AsOfBanner } from "@/app/components/as-of-banner";
import { SourceNote, VerificationBadge } from "@/app/components/source-note";
import { StatusBadge } from "@/app/components/status-badge";

interface Props {
  params: Promise<{ key: string }>;
  searchParams: Promise<RawSearchParams>;
}

async function load(params: Props["params"], asOf: AsOf) {
  const key = parseParam(obligationKey, (await params).key);
  const detail = key ? findObligationDetail(getDb(), key, asOf) : null;
  if (!detail) notFound();
  return detail;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const d = await load(params, resolveAsOf((await searchParams).as_of));
  return { title: d.obligation.duty.slice(0, 60) };
}

export default async function ObligationPage({ params, searchParams }: Props) {
  const asOf = resolveAsOf((await searchParams).as_of);
  const { obligation: o, source, securityProperties, threats, provisions, states, correspondences } = await load(params, asOf);
  const covering = states.filter((s) => provisions.some((p) => correspondences.get(`${s.code}:${p.id}`)?.status === "full"));
  return (
    <>
      <p className="muted">
        <Link href={withAsOf("/obligations", asOf)}>Security obligations</Link> / <code>{o.key}</code>
      </p>
      <h1>{o.duty}</h1>
      <AsOfBanner asOf={asOf} path={`/obligations/${encodeURIComponent(o.key)}`} />
      <dl className="facts">
        <dt>Addressed to</dt>
        <dd>{label(o.addressee)}</dd>
        <dt>Security properties</dt>
        <dd>{securityProperties.map(label).join(", ") || "—"}</dd>
        <dt>Threats it answers</dt>
        <dd>{threats.map(label).join(", ") || "—"}</dd>
        <dt>Verification</dt>
        <dd>
          <VerificationBadge state={o.verification} /> <span className="muted">(the obligation mapping is the inventory&apos;s own desk analysis)</span>
        </dd>
        <dt>Source</dt>
        <dd>
          <SourceNote source={source} prefix="" />
        </dd>
      </dl>

      <h2>Provisions that impose it ({provisions.length})</h2>
      <ul>
        {provisions.map((p) => (
          <li key={p.id}>
            <Link href={withAsOf(`/provisions/${p.id}`, asOf)}>
              {p.shortName} {p.kind === "annex" ? "Annex" : "Art."} {p.number}
            </Link>{" "}
            (<Link href={withAsOf(`/instruments/${p.celex}`, asOf)}>{p.celex}</Link>)
          </li>
        ))}
      </ul>

      <h2 id="coverage-heading">Which Member States cover it</h2>
      <p>
        {covering.length} of {states.length} states have a full correspondence for at least one provision imposing it. Cells without a recorded correspondence
        are unknown (not assessed).
      </p>
      {provisions.length > 0 ? (
        <div className="table-scroll">
          <table aria-labelledby="coverage-heading" className="grid-table">
            <thead>
              <tr>
                <th scope="col">Member State</th>
                {provisions.map((p) => (
                  <th scope="col" key={p.id}>
                    {p.shortName} {p.kind === "annex" ? "Annex" : "Art."} {p.number}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {states.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    <Link href={withAsOf(`/member-states/${s.code}`, asOf)}>{s.name}</Link>
                    {!s.isMember ? <span className="muted"> (not a member on {asOf.date})</span> : null}
                  </th>
                  {provisions.map((p) => {
                    const c = correspondences.get(`${s.code}:${p.id}`);
                    return (
                      <td key={p.id}>
                        <StatusBadge status={c?.status ?? "unknown"} />
                        {c?.nationalProvision ? <div className="small">{c.nationalProvision}</div> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
