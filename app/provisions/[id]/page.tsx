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
import { getLocale, getTranslations } from "next-intl/server";
import { getLabel } from "@/app/i18n/vocabulary";
import { formatDate, memberStateName } from "@/lib/format";
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

type ProvisionsT = Awaited<ReturnType<typeof getTranslations<"provisions">>>;
const titleIn = (t: ProvisionsT) => (p: { kind: string; number: string }) =>
  p.kind === "annex" ? (p.number === "Annex" ? t("annexAlone") : t("annexTitle", { number: p.number })) : t("articleTitle", { number: p.number });

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const d = await load(params, resolveAsOf((await searchParams).as_of));
  const title = titleIn(await getTranslations("provisions"));
  return { title: `${d.instrument.shortName} ${title(d.provision)}` };
}

export default async function ProvisionPage({ params, searchParams }: Props) {
  const asOf = resolveAsOf((await searchParams).as_of);
  const { provision: p, instrument, source, obligations, siblings, states } = await load(params, asOf);
  const recorded = states.filter((s) => s.correspondence.isRecorded).length;
  const t = await getTranslations("provisions");
  const label = await getLabel();
  const locale = await getLocale();
  const title = titleIn(t);
  const date = formatDate(asOf.date, locale);
  // German writes its nouns capitalised; French and English lower-case the addressee inside the sentence.
  const addressee = (value: string) => (locale === "de" ? label(value) : label(value).toLowerCase());
  return (
    <>
      <p className="muted">
        <Link href={withAsOf("/provisions", asOf)}>{t("title")}</Link> /{" "}
        <Link href={withAsOf(`/instruments/${instrument.celex}`, asOf)}>{instrument.shortName}</Link> / {title(p)}
      </p>
      <h1>
        {instrument.shortName} {title(p)} — {p.heading}
      </h1>
      <p className="lead">{p.summary}</p>
      <StaffReferenceLink provisionId={p.id} />
      <AsOfBanner asOf={asOf} path={`/provisions/${p.id}`} />
      {instrument.adoptionDate > asOf.date ? (
        <p className="as-of-warning">{t("notAdopted", { date, adopted: formatDate(instrument.adoptionDate, locale) })}</p>
      ) : null}
      <dl className="facts">
        <dt>{t("instrument")}</dt>
        <dd>
          <Link href={withAsOf(`/instruments/${instrument.celex}`, asOf)}>{instrument.shortName}</Link> <span className="muted">— {instrument.title}</span>
        </dd>
        <dt>{t("requiresTransposition")}</dt>
        <dd>{p.requiresTransposition ? t("yes") : t("no")}</dd>
        <dt>{t("deadline")}</dt>
        <dd>
          <DateText value={p.deadline ?? instrument.transpositionDeadline} />
          {p.deadline ? ` ${t("ownDeadline")}` : ` ${t("instrumentDeadline")}`}
        </dd>
        <dt>{t("verification")}</dt>
        <dd>
          <VerificationBadge state={p.verification} />
        </dd>
        <dt>{t("source")}</dt>
        <dd>
          <SourceNote source={source} prefix="" />
        </dd>
      </dl>
      <nav aria-label={t("neighbours")} className="pagination">
        <ul>
          <li>
            {siblings.previous ? (
              <Link href={withAsOf(`/provisions/${siblings.previous.id}`, asOf)}>{t("previous", { provision: title(siblings.previous) })}</Link>
            ) : (
              <span aria-disabled="true">{t("noPrevious")}</span>
            )}
          </li>
          <li>
            {siblings.next ? (
              <Link href={withAsOf(`/provisions/${siblings.next.id}`, asOf)}>{t("next", { provision: title(siblings.next) })}</Link>
            ) : (
              <span aria-disabled="true">{t("noNext")}</span>
            )}
          </li>
        </ul>
      </nav>

      <h2>{t("obligationsHeading", { count: obligations.length })}</h2>
      {obligations.length === 0 ? (
        <p>{t("noObligations")}</p>
      ) : (
        <ul className="obligations">
          {obligations.map((o) => (
            <li key={o.id}>
              <Link href={withAsOf(`/obligations/${encodeURIComponent(o.key)}`, asOf)}>{o.duty}</Link>{" "}
              <span className="muted">{t("addressedTo", { addressee: addressee(o.addressee) })}</span>
              <ul className="tags" aria-label={t("securityProperties")}>
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

      <h2 id="states-heading">{t("statesHeading")}</h2>
      <p>
        {t.rich("recorded", { recorded, count: states.length, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
        <Link href={withAsOf(`/transpositions?instrument=${instrument.celex}`, asOf)}>{t("allCorrespondences", { instrument: instrument.shortName })}</Link>
      </p>
      <div className="table-scroll">
        <table aria-labelledby="states-heading">
          <thead>
            <tr>
              <th scope="col">{t("memberState")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("relation")}</th>
              <th scope="col">{t("nationalProvision")}</th>
              <th scope="col">{t("nationalMeasures")}</th>
              <th scope="col">{t("verification")}</th>
            </tr>
          </thead>
          <tbody>
            {states.map((s) => {
              const c = s.correspondence;
              return (
                <tr key={s.code}>
                  <th scope="row">
                    <Link href={withAsOf(`/member-states/${s.code}`, asOf)}>{memberStateName(s.code, s.name, locale)}</Link> ({s.code})
                    {!s.isMember ? <div className="muted">{t("notMember", { date })}</div> : null}
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
