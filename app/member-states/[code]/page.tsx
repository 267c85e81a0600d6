import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { findMemberStateDetail } from "@/db/queries/member-states";
import { listProvisionHeads } from "@/db/queries/instruments";
import { correspondences } from "@/db/queries/transpositions";
import { asOfRules, resolveAsOf, withAsOf } from "@/lib/as-of";
import type { RawSearchParams } from "@/lib/table-state";
import { AsOfBanner } from "@/app/components/as-of-banner";
import { StatusBadge } from "@/app/components/status-badge";
import { parseParam, stateCodeParam } from "@/lib/validation/params";
import { label } from "@/lib/vocabulary";
import { DateText } from "@/app/components/date-text";
import { ExternalLink } from "@/app/components/external-link";
import { StaffCorrespondenceLink, StaffEditLink } from "@/app/components/staff-edit-link";
import { SourceNote, VerificationBadge } from "@/app/components/source-note";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<RawSearchParams>;
}

async function load(params: Props["params"]) {
  const code = parseParam(stateCodeParam, (await params).code);
  const detail = code ? findMemberStateDetail(getDb(), code) : null;
  if (!detail) notFound();
  return detail;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { state } = await load(params);
  return { title: state.name };
}

export default async function MemberStatePage({ params, searchParams }: Props) {
  const detail = await load(params);
  const { state, source, infringements } = detail;
  const asOf = resolveAsOf((await searchParams).as_of);
  const db = getDb();
  const instruments = detail.instruments
    .filter((i) => asOfRules.instrument(i, asOf))
    .map((i) => {
      const undatedNotification = i.notification !== null && i.notification.notifiedOn === null && !asOfRules.notification(i.notification, asOf);
      return {
        ...i,
        notification: i.notification && asOfRules.notification(i.notification, asOf) ? i.notification : null,
        undatedNotification,
        measures: i.measures.filter((m) => asOfRules.measure(m, asOf)),
        laterMeasures: i.measures.filter((m) => !asOfRules.measure(m, asOf)).length,
      };
    });
  const heads = listProvisionHeads(
    db,
    instruments.map((i) => i.instrumentId),
  );
  const corr = correspondences(
    db,
    [state.code],
    heads.map((h) => h.id),
    asOf,
  );
  const isMember = asOfRules.member(state, asOf);
  return (
    <>
      <p className="muted">
        <Link href="/member-states">Member States</Link> / {state.name}
      </p>
      <h1>
        {state.name} ({state.code})
      </h1>
      <AsOfBanner asOf={asOf} path={`/member-states/${state.code}`} />
      {!isMember ? <p className="as-of-warning">{state.name} was not a Member State on {asOf.date}; its records are shown as they stood then.</p> : null}
      <p>
        <Link href={withAsOf(`/measures?state=${state.code}`, asOf)}>All national measures of {state.name}</Link> ·{" "}
        <Link href={withAsOf(`/transpositions?state=${state.code}`, asOf)}>Its correspondences</Link> ·{" "}
        <Link href={withAsOf(`/compare?state=${state.code}`, asOf)}>Compare it with other states</Link>
      </p>
      <dl className="facts">
        <dt>Member since</dt>
        <dd>
          <DateText value={state.accessionDate} />
        </dd>
        {state.exitDate ? (
          <>
            <dt>Left the EU</dt>
            <dd>
              <DateText value={state.exitDate} />
            </dd>
          </>
        ) : null}
        <dt>Source</dt>
        <dd>
          <SourceNote source={source} prefix="" />
        </dd>
      </dl>

      <h2>National measures by instrument</h2>
      {instruments.length === 0 ? (
        <p>No national measures are recorded for {state.name} yet. Transposition status for its provisions is unknown (not assessed).</p>
      ) : (
        instruments.map((section) => (
          <section key={section.celex} aria-labelledby={`instrument-${section.celex}`}>
            <h3 id={`instrument-${section.celex}`}>
              <Link href={withAsOf(`/instruments/${section.celex}`, asOf)}>{section.shortName}</Link> <span className="muted">— {section.title}</span>
            </h3>
            <p>
              Notification:{" "}
              {section.notification ? (
                <>
                  <span className={`badge status-${section.notification.status}`}>{label(section.notification.status)}</span>
                  {section.notification.notifiedOn ? (
                    <>
                      {" "}
                      on <DateText value={section.notification.notifiedOn} />
                    </>
                  ) : (
                    <span className="muted"> (date not recorded)</span>
                  )}{" "}
                  <VerificationBadge state={section.notification.verification} />
                  <StaffEditLink slug="notifications" entity="notification" id={section.notification.id} label={`the notification for ${section.shortName}`} />
                </>
              ) : section.undatedNotification ? (
                <span className="muted">a notification is recorded without a date, so it is not counted as of {asOf.date}</span>
              ) : (
                <span className="muted">not recorded</span>
              )}
            </p>
            {section.laterMeasures > 0 ? (
              <p className="muted">
                {section.laterMeasures} more measure{section.laterMeasures === 1 ? " does" : "s do"} not count as of {asOf.date} (adopted later, undated or repealed by then).
              </p>
            ) : null}
            {section.measures.length === 0 ? (
              <p className="muted">No national measure recorded for this instrument.</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">National measures of {state.name} for {section.shortName}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Measure</th>
                      <th scope="col">Type</th>
                      <th scope="col">Adopted</th>
                      <th scope="col">Published</th>
                      <th scope="col">In force</th>
                      <th scope="col">Status</th>
                      <th scope="col">Verification</th>
                    </tr>
                  </thead>
                  <tbody>
                    {section.measures.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">
                          <span lang={m.language} className="measure-title">
                            <Link href={withAsOf(`/measures/${encodeURIComponent(m.key)}`, asOf)}>{m.titleOriginal}</Link>
                          </span>
                          {m.url ? (
                            <>
                              {" "}
                              <ExternalLink href={m.url}>official text</ExternalLink>
                            </>
                          ) : null}
                          {m.isPrincipal ? <span className="badge"> Principal measure</span> : null}
                          <StaffEditLink slug="measures" entity="national_measure" id={m.id} label={m.titleOriginal} />
                          {m.titleEnglish && m.titleEnglish !== m.titleOriginal ? (
                            <div className="muted">
                              {m.titleEnglish}
                              {m.titleEnglishIsWorkingTranslation ? " (working translation)" : null}
                            </div>
                          ) : null}
                          <div className="muted">
                            {[m.nationalIdentifier, m.publicationReference].filter(Boolean).join(" · ")}
                          </div>
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
            )}
            <CorrespondenceTable
              stateCode={state.code}
              stateName={state.name}
              shortName={section.shortName}
              provisions={heads.filter((h) => h.instrumentId === section.instrumentId)}
              lookup={(id) => corr.get(`${state.code}:${id}`)}
              asOf={asOf}
            />
          </section>
        ))
      )}

      <h2>Infringement proceedings</h2>
      {infringements.length === 0 ? (
        <p>No infringement proceedings are recorded for {state.name}.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Infringement proceedings against {state.name}</caption>
            <thead>
              <tr>
                <th scope="col">Instrument</th>
                <th scope="col">Type</th>
                <th scope="col">Court case</th>
                <th scope="col">Stages</th>
                <th scope="col">Outcome</th>
                <th scope="col">Verification</th>
              </tr>
            </thead>
            <tbody>
              {infringements.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    <Link href={withAsOf(`/instruments/${f.celex}`, asOf)}>{f.shortName}</Link>
                  </th>
                  <td>{label(f.type)}</td>
                  <td>{f.courtCase ?? <span className="muted">none</span>}</td>
                  <td>
                    <ul className="tags" aria-label="Stages">
                      {f.stages.map((s, i) => (
                        <li key={i}>
                          {label(s.stage)}: <DateText value={s.date} />
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{f.outcome ?? <span className="muted">—</span>}</td>
                  <td>
                    <VerificationBadge state={f.verification} />
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

function CorrespondenceTable({
  stateCode,
  stateName,
  shortName,
  provisions,
  lookup,
  asOf,
}: {
  stateCode: string;
  stateName: string;
  shortName: string;
  provisions: { id: number; kind: string; number: string; heading: string; requiresTransposition: boolean }[];
  lookup: (id: number) => ReturnType<ReturnType<typeof correspondences>["get"]>;
  asOf: ReturnType<typeof resolveAsOf>;
}) {
  const cells = provisions.map((p) => ({ p, c: lookup(p.id) }));
  const counts = new Map<string, number>();
  for (const { c } of cells) counts.set(c?.status ?? "unknown", (counts.get(c?.status ?? "unknown") ?? 0) + 1);
  return (
    <details className="correspondence">
      <summary>
        Correspondence table, article by article ({[...counts].map(([status, n]) => `${n} ${label(status).toLowerCase()}`).join(", ")})
      </summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            Correspondence of {stateName} for {shortName}
          </caption>
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
            {cells.map(({ p, c }) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link href={withAsOf(`/provisions/${p.id}`, asOf)}>
                    {p.kind === "annex" ? (p.number === "Annex" ? "Annex" : `Annex ${p.number}`) : `Art. ${p.number}`}
                  </Link>{" "}
                  <span className="muted">{p.heading}</span>
                  {!p.requiresTransposition ? <span className="badge muted">No transposition required</span> : null}
                </th>
                <td>
                  <StatusBadge status={c?.status ?? "unknown"} />
                </td>
                <td>{c?.relation ? label(c.relation) : <span className="muted">—</span>}</td>
                <td>{c?.nationalProvision ?? <span className="muted">—</span>}</td>
                <td>
                  {c?.verification ? <VerificationBadge state={c.verification} /> : <span className="muted">—</span>}
                  <StaffCorrespondenceLink stateCode={stateCode} provisionId={p.id} transpositionId={c?.isRecorded ? c.id : null} label={`${stateName}'s correspondence for ${shortName} ${p.kind === "annex" ? "Annex" : "Art."} ${p.number}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
