"use client";
/**
 * The EUR-Lex import: posts to /staff/eurlex/run and reads the NDJSON answer line by line, so the progress
 * bar moves while CELLAR is read page by page; shows the preview and applies what the editor approves.
 */
import { readNdjson } from "@/lib/ndjson";
import { Link } from "@/app/i18n/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRefusalText, type Refusal } from "@/app/components/forms/refusal";
import { useLabel } from "@/app/i18n/vocabulary";
import { conflictChoice, type ComparedField, type FieldChange, type ImportPlan } from "@/lib/eurlex/plan";
import { instrumentProblemText, skipReasonText } from "@/lib/eurlex/words";
import { safeHttpUrl } from "@/lib/links";
import type { Translate } from "@/lib/translate";
import type { EurlexEvent } from "@/server/eurlex/run";

type Applied = Extract<EurlexEvent, { type: "applied" }>["result"];

/** The compared fields, named as lib/eurlex/plan.ts FIELD_LABELS names them in English (tests/unit/eurlex-labels.test.ts). */
function useFieldLabel(): (field: ComparedField | "instruments") => string {
  const t = useTranslations("eurlex");
  const keys = {
    titleOriginal: "fieldTitleOriginal",
    nationalIdentifier: "fieldNationalIdentifier",
    adoptedOn: "fieldAdoptedOn",
    publishedOn: "fieldPublishedOn",
    inForceOn: "fieldInForceOn",
    notifiedOn: "fieldNotifiedOn",
    publicationReference: "fieldPublicationReference",
    url: "fieldUrl",
    eli: "fieldEli",
    eurLexNimNumber: "fieldEurLexNimNumber",
    instruments: "fieldInstruments",
  } as const satisfies Record<ComparedField | "instruments", string>;
  return (field) => t(keys[field]);
}

export function EurlexImportForm() {
  const t = useTranslations("eurlex");
  const refusalText = useRefusalText();
  const locale = useLocale();
  const phaseName = (phase: string) =>
    phase === "instrument" ? t("phaseInstrument") : phase === "measures" ? t("phaseMeasures") : phase === "apply" ? t("phaseApply") : t("working");
  const [celex, setCelex] = useState("");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number | null } | null>(null);
  const [preview, setPreview] = useState<{ plan: ImportPlan; fingerprint: string } | null>(null);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [applied, setApplied] = useState<Applied | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function run(mode: "preview" | "apply") {
    // The answer's lines are worded in the page's language (the route's URL has none).
    const body =
      mode === "preview" ? { mode, celex, locale } : { mode, celex: preview!.plan.celex, fingerprint: preview!.fingerprint, accept: [...accepted], locale };
    setBusy(true);
    setMessage(null);
    setFieldError(null);
    if (mode === "preview") {
      setPreview(null);
      setApplied(null);
      setAccepted(new Set());
    }
    setProgress({ phase: mode === "preview" ? "instrument" : "apply", done: 0, total: null });
    try {
      const res = await fetch("/staff/eurlex/run", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok || !res.body) {
        const refusal = (await res.json().catch(() => null)) as Refusal | null;
        if (refusal?.errors?.celex) setFieldError(t("celexInvalid"));
        setMessage({ kind: "error", text: refusalText(res.status, refusal, t("refused", { status: res.status })) });
        return;
      }
      await readNdjson<EurlexEvent>(res.body, (event) => {
        if (event.type === "progress") setProgress({ phase: event.phase, done: event.done, total: event.total });
        else if (event.type === "preview") setPreview({ plan: event.plan, fingerprint: event.fingerprint });
        else if (event.type === "error") setMessage({ kind: "error", text: event.message });
        else if (event.type === "applied") {
          setApplied(event.result);
          const r = event.result;
          setMessage({
            kind: "ok",
            text: t("applied", {
              instrument: r.instrumentCreated ? "yes" : "no",
              created: r.created,
              updated: r.updated,
              replaced: r.conflictsTaken,
              dated: r.notificationsDated,
              lineage: r.lineageCreated,
            }),
          });
        }
      });
    } catch {
      setMessage({ kind: "error", text: t("connectionLost") });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : null;
  const plan = preview?.plan;
  const hasWork =
    plan &&
    !applied &&
    (plan.instrument.status === "new" ||
      plan.measures.length > 0 ||
      plan.notifications.some((n) => n.notifiedOn) ||
      plan.lineage.some((l) => l.status === "new"));

  return (
    <>
      <form
        className="stacked-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run("preview");
        }}
      >
        <div className="field">
          <label htmlFor="eurlex-celex">{t("celex")}</label>
          <input
            id="eurlex-celex"
            name="celex"
            value={celex}
            onChange={(e) => setCelex(e.target.value)}
            required
            maxLength={20}
            autoComplete="off"
            spellCheck={false}
            placeholder="32022L2555"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "eurlex-celex-hint eurlex-celex-error" : "eurlex-celex-hint"}
          />
          <span id="eurlex-celex-hint" className="muted">
            {" "}
            {t("celexHint")}
          </span>
          {fieldError ? (
            <span id="eurlex-celex-error" className="field-error">
              {" "}
              {fieldError}
            </span>
          ) : null}
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {t("preview")}
          </button>
        </p>
      </form>
      {progress ? (
        <div>
          <div
            role="progressbar"
            aria-label={phaseName(progress.phase)}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            className="progress"
          >
            <div
              className="progress-bar"
              style={{ width: `${percent ?? 100}%`, height: "0.5rem", background: "currentColor", opacity: percent === null ? 0.3 : 1 }}
            />
          </div>
        </div>
      ) : null}
      <p id="eurlex-status" role="status" aria-live="polite" className="form-message">
        {busy && progress
          ? progress.total !== null
            ? t("progressOf", { phase: phaseName(progress.phase), done: progress.done, total: progress.total })
            : progress.done
              ? t("progressDone", { phase: phaseName(progress.phase), done: progress.done })
              : `${phaseName(progress.phase)}…`
          : null}
        {!busy && message ? <span className={message.kind === "error" ? "error" : "ok"}>{message.text}</span> : null}
      </p>
      {applied && plan ? (
        <p>
          <Link href={`/instruments/${plan.celex}`}>{t("open", { name: plan.instrument.shortName })}</Link> · <Link href="/staff/audit">{t("auditTrail")}</Link>
        </p>
      ) : null}
      {plan ? <PreviewView plan={plan} accepted={accepted} setAccepted={setAccepted} readOnly={!!applied || busy} applied={!!applied} /> : null}
      {hasWork ? (
        <p>
          <button type="button" onClick={() => void run("apply")} disabled={busy || !!plan.instrument.problem}>
            {t("apply")}
          </button>{" "}
          <span className="muted">{accepted.size ? t("willReplace", { count: accepted.size }) : t("verifiedStay")}</span>
        </p>
      ) : plan && !applied ? (
        <p>{t("nothingToApply")}</p>
      ) : null}
    </>
  );
}

function Change({ c }: { c: FieldChange }) {
  const fieldLabel = useFieldLabel();
  return (
    <>
      {fieldLabel(c.field)}: <Value field={c.field} value={c.before} /> → <Value field={c.field} value={c.after} />
    </>
  );
}

function Value({ field, value }: { field: string; value: string | null }) {
  if (value === null) return <span className="muted">—</span>;
  const href = field === "url" || field === "eli" ? safeHttpUrl(value) : null;
  return href ? (
    <a href={href} rel="noreferrer noopener" target="_blank">
      {value}
    </a>
  ) : (
    <q>{value}</q>
  );
}

function PreviewView({
  plan,
  accepted,
  setAccepted,
  readOnly,
  applied,
}: {
  plan: ImportPlan;
  accepted: Set<string>;
  setAccepted: (s: Set<string>) => void;
  readOnly: boolean;
  applied: boolean;
}) {
  const t = useTranslations("eurlex");
  // The plan's codes are worded by lib/eurlex/words.ts, shared with the CLI, which names its keys in full.
  const words = useTranslations() as unknown as Translate;
  const locale = useLocale();
  const label = useLabel();
  const fieldLabel = useFieldLabel();
  const i = plan.instrument;
  const newMeasures = plan.measures.filter((m) => m.kind === "new");
  const matched = plan.measures.filter((m) => m.kind === "matched");
  const toggle = (choice: string, on: boolean) => {
    const next = new Set(accepted);
    if (on) next.add(choice);
    else next.delete(choice);
    setAccepted(next);
  };
  return (
    <section aria-labelledby="eurlex-preview-heading">
      <h2 id="eurlex-preview-heading">{applied ? t("appliedTo", { name: i.shortName }) : t("previewOf", { name: i.shortName })}</h2>
      <p>
        {t("summary", {
          notified: plan.summary.notified,
          new: plan.summary.new,
          matched: plan.summary.matched,
          conflicts: plan.summary.conflicts,
          unchanged: plan.summary.unchanged,
          skipped: plan.summary.skipped,
          at: plan.retrievedAt.slice(0, 16).replace("T", " "),
          source: plan.sourceTitle,
        })}
      </p>
      <h3>{t("instrumentHeading")}</h3>
      <p>
        {i.status === "new" ? (
          i.problem ? (
            <span className="form-message">
              <span className="error">{instrumentProblemText(i.problem, words)}</span>
            </span>
          ) : (
            t("instrumentNew")
          )
        ) : (
          t("instrumentKept")
        )}
      </p>
      <dl className="facts">
        <dt>CELEX</dt>
        <dd>{i.celex}</dd>
        <dt>{t("type")}</dt>
        <dd>{label(i.type)}</dd>
        <dt>{t("titleLabel")}</dt>
        <dd>{i.title ?? "—"}</dd>
        <dt>{t("documentDate")}</dt>
        <dd>{i.adoptionDate ?? "—"}</dd>
        <dt>{t("officialJournal")}</dt>
        <dd>{i.ojReference ?? "—"}</dd>
        <dt>ELI</dt>
        <dd>{safeHttpUrl(i.eli) ? <a href={safeHttpUrl(i.eli)!}>{i.eli}</a> : "—"}</dd>
        {i.type === "directive" ? (
          <>
            <dt>{t("deadline")}</dt>
            <dd>
              {i.transpositionDeadline ?? "—"}
              {i.otherDeadlines.length ? <span className="muted"> ({t("also", { dates: i.otherDeadlines.join(", ") })})</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {plan.lineage.length ? (
        <ul>
          {plan.lineage.map((l) => (
            <li key={`${l.instrument}-${l.relation}-${l.successor}`}>
              {l.instrument} {label(l.relation).toLowerCase()} {l.successor}:{" "}
              {l.status === "new" ? t("lineageNew") : l.status === "recorded" ? t("lineageRecorded") : t("lineageMissing")}
            </li>
          ))}
        </ul>
      ) : null}

      <h3>{t("newMeasures", { count: newMeasures.length })}</h3>
      {newMeasures.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("newCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("titleLabel")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("adopted")}</th>
                <th scope="col">{t("notified")}</th>
                <th scope="col">{t("instruments")}</th>
                <th scope="col">{t("eurLexNumber")}</th>
              </tr>
            </thead>
            <tbody>
              {newMeasures.map((m) =>
                m.kind === "new" ? (
                  <tr key={m.celex}>
                    <td>{m.stateCode}</td>
                    <th scope="row" lang={m.input.language}>
                      {m.title}
                    </th>
                    <td>{label(m.input.type)}</td>
                    <td>{m.input.adoptedOn ?? "—"}</td>
                    <td>{m.input.notifiedOn ?? "—"}</td>
                    <td>{m.instruments.join(", ")}</td>
                    <td>{m.celex}</td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("none")}</p>
      )}

      <h3>{t("matchedMeasures", { count: matched.length })}</h3>
      {matched.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("matchedCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("measure")}</th>
                <th scope="col">{t("matchedBy")}</th>
                <th scope="col">{t("changes")}</th>
                <th scope="col">{t("conflicts")}</th>
              </tr>
            </thead>
            <tbody>
              {matched.map((m) =>
                m.kind === "matched" ? (
                  <tr key={m.celex}>
                    <th scope="row">
                      <Link href={`/measures/${encodeURIComponent(m.measureKey)}`}>{m.title}</Link>{" "}
                      <span className="muted">
                        ({m.stateCode}, {m.celex})
                      </span>
                    </th>
                    <td>
                      {m.matchedBy === "celex"
                        ? t("eurLexNumber")
                        : m.matchedBy === "national_identifier"
                          ? fieldLabel("nationalIdentifier")
                          : t("titleAndDate")}
                    </td>
                    <td>
                      {m.changes.length ? (
                        <ul className="plain">
                          {m.changes.map((c) => (
                            <li key={c.field}>
                              <Change c={c} />
                            </li>
                          ))}
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      {m.conflicts.length ? (
                        <ul className="plain">
                          {m.conflicts.map((c) => {
                            const choice = conflictChoice(m.measureId, c.field);
                            const id = `conflict-${m.measureId}-${c.field}`;
                            return (
                              <li key={c.field} className="conflict">
                                <Change c={c} />
                                <br />
                                <input
                                  type="checkbox"
                                  id={id}
                                  checked={accepted.has(choice)}
                                  disabled={readOnly}
                                  onChange={(e) => toggle(choice, e.target.checked)}
                                />{" "}
                                <label htmlFor={id}>
                                  {/* Inside a sentence a field's name is lower-case, except in German, where nouns keep their capital. */}
                                  {t("take", {
                                    field: locale === "de" ? fieldLabel(c.field) : fieldLabel(c.field).toLocaleLowerCase(locale),
                                    key: m.measureKey,
                                  })}
                                </label>
                              </li>
                            );
                          })}
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("none")}</p>
      )}

      {plan.notifications.length ? (
        <>
          <h3>{t("notifications")}</h3>
          <ul>
            {plan.notifications.map((n) => (
              <li key={n.notificationId}>
                {n.stateCode}: {n.notifiedOn ? t("dateAdded", { date: n.notifiedOn }) : t("dateKept")}
                {n.suggestedPrincipal ? t.rich("suggestion", { key: n.suggestedPrincipal, code: (chunks) => <code>{chunks}</code> }) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {plan.skipped.length ? (
        <>
          <h3>{t("skipped", { count: plan.skipped.length })}</h3>
          <ul>
            {plan.skipped.map((s) => (
              <li key={s.celex}>
                {s.celex}: {skipReasonText(s.reason, words)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
