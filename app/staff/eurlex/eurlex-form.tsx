"use client";
/**
 * The EUR-Lex import: posts to /staff/eurlex/run and reads the NDJSON answer line by line, so the progress
 * bar moves while CELLAR is read page by page; shows the preview and applies what the editor approves.
 */
import { readNdjson } from "@/lib/ndjson";
import { Link } from "@/app/i18n/navigation";
import { useState } from "react";
import { FIELD_LABELS, conflictChoice, type FieldChange, type ImportPlan } from "@/lib/eurlex/plan";
import { safeHttpUrl } from "@/lib/links";
import { label } from "@/lib/vocabulary";
import type { EurlexEvent } from "@/server/eurlex/run";

type Applied = Extract<EurlexEvent, { type: "applied" }>["result"];

const PHASES: Record<string, string> = { instrument: "Reading the act from CELLAR", measures: "Reading the notified measures", apply: "Applying" };

export function EurlexImportForm() {
  const [celex, setCelex] = useState("");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number | null } | null>(null);
  const [preview, setPreview] = useState<{ plan: ImportPlan; fingerprint: string } | null>(null);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [applied, setApplied] = useState<Applied | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function run(mode: "preview" | "apply") {
    const body = mode === "preview" ? { mode, celex } : { mode, celex: preview!.plan.celex, fingerprint: preview!.fingerprint, accept: [...accepted] };
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
        const problem = (await res.json().catch(() => null)) as { detail?: string; errors?: Record<string, string[]> } | null;
        if (problem?.errors?.celex) setFieldError(problem.errors.celex[0] ?? null);
        setMessage({ kind: "error", text: problem?.detail ?? `The server refused the request (${res.status}).` });
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
            text: `Applied: ${r.instrumentCreated ? "the instrument was created, " : ""}${r.created} measure${r.created === 1 ? "" : "s"} created, ${r.updated} updated${r.conflictsTaken ? ` (${r.conflictsTaken} verified value${r.conflictsTaken === 1 ? "" : "s"} replaced as you chose)` : ""}, ${r.notificationsDated} notification date${r.notificationsDated === 1 ? "" : "s"} added${r.lineageCreated ? `, ${r.lineageCreated} lineage relation${r.lineageCreated === 1 ? "" : "s"} recorded` : ""}.`,
          });
        }
      });
    } catch {
      setMessage({ kind: "error", text: "The connection was lost; nothing was applied unless a confirmation was shown." });
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
          <label htmlFor="eurlex-celex">CELEX number</label>
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
            e.g. 32022L2555 for Directive (EU) 2022/2555
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
            Preview
          </button>
        </p>
      </form>
      {progress ? (
        <div>
          <div
            role="progressbar"
            aria-label={PHASES[progress.phase] ?? "Working"}
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
          ? `${PHASES[progress.phase] ?? "Working"}${progress.total !== null ? `: ${progress.done} of ${progress.total}` : progress.done ? `: ${progress.done}` : "…"}`
          : null}
        {!busy && message ? <span className={message.kind === "error" ? "error" : "ok"}>{message.text}</span> : null}
      </p>
      {applied && plan ? (
        <p>
          <Link href={`/instruments/${plan.celex}`}>Open {plan.instrument.shortName}</Link> · <Link href="/staff/audit">Audit trail</Link>
        </p>
      ) : null}
      {plan ? <PreviewView plan={plan} accepted={accepted} setAccepted={setAccepted} readOnly={!!applied || busy} applied={!!applied} /> : null}
      {hasWork ? (
        <p>
          <button type="button" onClick={() => void run("apply")} disabled={busy || !!plan.instrument.problem}>
            Apply the import
          </button>{" "}
          <span className="muted">
            {accepted.size
              ? `${accepted.size} verified value${accepted.size === 1 ? "" : "s"} will be replaced as you chose.`
              : "Verified values stay as they are."}
          </span>
        </p>
      ) : plan && !applied ? (
        <p>Nothing to apply: the inventory already has what EUR-Lex lists.</p>
      ) : null}
    </>
  );
}

function Change({ c }: { c: FieldChange }) {
  return (
    <>
      {FIELD_LABELS[c.field]}: <Value field={c.field} value={c.before} /> → <Value field={c.field} value={c.after} />
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
      <h2 id="eurlex-preview-heading">{applied ? `Applied to ${i.shortName}` : `Preview of ${i.shortName}`}</h2>
      <p>
        CELLAR lists {plan.summary.notified} notified measure{plan.summary.notified === 1 ? "" : "s"}: {plan.summary.new} new, {plan.summary.matched} matched
        with changes ({plan.summary.conflicts} conflict
        {plan.summary.conflicts === 1 ? "" : "s"} with verified values), {plan.summary.unchanged} unchanged, {plan.summary.skipped} skipped. Retrieved{" "}
        {plan.retrievedAt.slice(0, 16).replace("T", " ")} UTC; each new fact cites “{plan.sourceTitle}”.
      </p>
      <h3>The instrument</h3>
      <p>
        {i.status === "new" ? (
          i.problem ? (
            <span className="form-message">
              <span className="error">{i.problem}</span>
            </span>
          ) : (
            "Not in the inventory: it will be created."
          )
        ) : (
          "Already in the inventory; its record is kept as it is."
        )}
      </p>
      <dl className="facts">
        <dt>CELEX</dt>
        <dd>{i.celex}</dd>
        <dt>Type</dt>
        <dd>{label(i.type)}</dd>
        <dt>Title</dt>
        <dd>{i.title ?? "—"}</dd>
        <dt>Date of document</dt>
        <dd>{i.adoptionDate ?? "—"}</dd>
        <dt>Official Journal</dt>
        <dd>{i.ojReference ?? "—"}</dd>
        <dt>ELI</dt>
        <dd>{safeHttpUrl(i.eli) ? <a href={safeHttpUrl(i.eli)!}>{i.eli}</a> : "—"}</dd>
        {i.type === "directive" ? (
          <>
            <dt>Transposition deadline</dt>
            <dd>
              {i.transpositionDeadline ?? "—"}
              {i.otherDeadlines.length ? <span className="muted"> (also {i.otherDeadlines.join(", ")})</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {plan.lineage.length ? (
        <ul>
          {plan.lineage.map((l) => (
            <li key={`${l.instrument}-${l.relation}-${l.successor}`}>
              {l.instrument} {label(l.relation).toLowerCase()} {l.successor}:{" "}
              {l.status === "new" ? "will be recorded" : l.status === "recorded" ? "already recorded" : "not recorded (an act not in the inventory)"}
            </li>
          ))}
        </ul>
      ) : null}

      <h3>New measures ({newMeasures.length})</h3>
      {newMeasures.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Measures that will be created</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Title</th>
                <th scope="col">Type</th>
                <th scope="col">Adopted</th>
                <th scope="col">Notified</th>
                <th scope="col">Instruments</th>
                <th scope="col">EUR-Lex number</th>
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
        <p>None.</p>
      )}

      <h3>Matched measures ({matched.length})</h3>
      {matched.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Measures the inventory has, with what EUR-Lex changes</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Matched by</th>
                <th scope="col">Changes</th>
                <th scope="col">Conflicts with verified values</th>
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
                    <td>{m.matchedBy === "celex" ? "EUR-Lex number" : m.matchedBy === "national_identifier" ? "National identifier" : "Title and date"}</td>
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
                                  Take EUR-Lex&apos;s {FIELD_LABELS[c.field].toLowerCase()} for {m.measureKey}
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
        <p>None.</p>
      )}

      {plan.notifications.length ? (
        <>
          <h3>Notifications</h3>
          <ul>
            {plan.notifications.map((n) => (
              <li key={n.notificationId}>
                {n.stateCode}: {n.notifiedOn ? `notification date ${n.notifiedOn} (its first notified measure) will be added` : "date kept"}
                {n.suggestedPrincipal ? (
                  <>
                    ; principal measure not chosen — suggestion: <code>{n.suggestedPrincipal}</code> (the earliest notified; choose it on the notification)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {plan.skipped.length ? (
        <>
          <h3>Skipped ({plan.skipped.length})</h3>
          <ul>
            {plan.skipped.map((s) => (
              <li key={s.celex}>
                {s.celex}: {s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
