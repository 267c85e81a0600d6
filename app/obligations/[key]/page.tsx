import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { findObligationDetail } from "@/db/queries/obligations";
import { resolveAsOf, withAsOf, type AsOf } from "@/lib/as-of";
import { obligationKey, type RawSearchParams } from "@/lib/table-state";
import { parseParam } from "@/lib/validation/params";
import { getLocale, getTranslations } from "next-intl/server";
import { getLabel } from "@/app/i18n/vocabulary";
import { formatDate, memberStateName } from "@/lib/format";
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
  const t = await getTranslations("obligations");
  const label = await getLabel();
  const locale = await getLocale();
  const date = formatDate(asOf.date, locale);
  const provisionName = (p: { shortName: string; kind: string; number: string }) =>
    p.kind === "annex"
      ? t("provisionAnnex", { instrument: p.shortName, number: p.number })
      : t("provisionArticle", { instrument: p.shortName, number: p.number });
  const covering = states.filter((s) => provisions.some((p) => correspondences.get(`${s.code}:${p.id}`)?.status === "full"));
  return (
    <>
      <p className="muted">
        <Link href={withAsOf("/obligations", asOf)}>{t("title")}</Link> / <code>{o.key}</code>
      </p>
      <h1>{o.duty}</h1>
      <AsOfBanner asOf={asOf} path={`/obligations/${encodeURIComponent(o.key)}`} />
      <dl className="facts">
        <dt>{t("addressedTo")}</dt>
        <dd>{label(o.addressee)}</dd>
        <dt>{t("securityProperties")}</dt>
        <dd>{securityProperties.map((v) => label(v)).join(", ") || "—"}</dd>
        <dt>{t("threats")}</dt>
        <dd>{threats.map((v) => label(v)).join(", ") || "—"}</dd>
        <dt>{t("verification")}</dt>
        <dd>
          <VerificationBadge state={o.verification} /> <span className="muted">{t("deskAnalysis")}</span>
        </dd>
        <dt>{t("source")}</dt>
        <dd>
          <SourceNote source={source} prefix="" />
        </dd>
      </dl>

      <h2>{t("provisionsHeading", { count: provisions.length })}</h2>
      <ul>
        {provisions.map((p) => (
          <li key={p.id}>
            <Link href={withAsOf(`/provisions/${p.id}`, asOf)}>{provisionName(p)}</Link> (
            <Link href={withAsOf(`/instruments/${p.celex}`, asOf)}>{p.celex}</Link>)
          </li>
        ))}
      </ul>

      <h2 id="coverage-heading">{t("coverageHeading")}</h2>
      <p>{t("coverage", { covering: covering.length, count: states.length })}</p>
      {provisions.length > 0 ? (
        <div className="table-scroll">
          <table aria-labelledby="coverage-heading" className="grid-table">
            <thead>
              <tr>
                <th scope="col">{t("memberState")}</th>
                {provisions.map((p) => (
                  <th scope="col" key={p.id}>
                    {provisionName(p)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {states.map((s) => (
                <tr key={s.code}>
                  <th scope="row">
                    <Link href={withAsOf(`/member-states/${s.code}`, asOf)}>{memberStateName(s.code, s.name, locale)}</Link>
                    {!s.isMember ? <span className="muted"> {t("notMember", { date })}</span> : null}
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
