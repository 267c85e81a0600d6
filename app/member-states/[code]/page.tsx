import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { findMemberStateDetail } from "@/db/queries/member-states";
import { parseParam, stateCodeParam } from "@/lib/validation/params";
import { label } from "@/lib/vocabulary";
import { DateText } from "@/app/components/date-text";
import { ExternalLink } from "@/app/components/external-link";
import { SourceNote, VerificationBadge } from "@/app/components/source-note";

interface Props {
  params: Promise<{ code: string }>;
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

export default async function MemberStatePage({ params }: Props) {
  const { state, source, instruments, infringements } = await load(params);
  return (
    <>
      <p className="muted">
        <Link href="/member-states">Member States</Link> / {state.name}
      </p>
      <h1>
        {state.name} ({state.code})
      </h1>
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
              <Link href={`/instruments/${section.celex}`}>{section.shortName}</Link> <span className="muted">— {section.title}</span>
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
                </>
              ) : (
                <span className="muted">not recorded</span>
              )}
            </p>
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
                            <ExternalLink href={m.url}>{m.titleOriginal}</ExternalLink>
                          </span>
                          {m.isPrincipal ? <span className="badge"> Principal measure</span> : null}
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
                    <Link href={`/instruments/${f.celex}`}>{f.shortName}</Link>
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
