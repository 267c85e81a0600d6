"use client";
/**
 * The import form: posts the file to /import/run and reads the NDJSON answer
 * line by line, so the progress bar moves while the server validates.
 */
import { readNdjson } from "@/lib/ndjson";
import { useRef, useState } from "react";
import type { ImportEvent } from "@/server/import/run";

type Report = Extract<ImportEvent, { type: "report" }>["report"];
interface Choice {
  value: string;
  label: string;
}

export function ImportForm({ states, instruments, mode }: { states: Choice[]; instruments: Choice[]; mode: "direct" | "submission" }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  async function run(action: "validate" | "apply") {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setMessage({ kind: "error", text: "Choose a CSV file first." });
      return;
    }
    data.set("mode", action);
    setBusy(true);
    setMessage(null);
    if (action === "validate") setReport(null);
    setProgress({ phase: action === "validate" ? "Checking rows" : "Applying", done: 0, total: 0 });
    try {
      const res = await fetch("/import/run", { method: "POST", body: data });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { detail?: string; errors?: Record<string, string[]> } | null;
        // A refused field says what is wrong with it (e.g. "Choose a CSV file."), not only that something is.
        const fields = Object.values(body?.errors ?? {}).flat();
        setMessage({ kind: "error", text: fields.length ? fields.join(" ") : (body?.detail ?? `The server refused the file (${res.status}).`) });
        return;
      }
      await readNdjson<ImportEvent>(res.body, (event) => {
        if (event.type === "progress")
          setProgress({ phase: event.phase === "validate" ? "Checking rows" : "Applying changes", done: event.done, total: event.total });
        else if (event.type === "report") setReport(event.report);
        else if (event.type === "error") setMessage({ kind: "error", text: event.message });
        else if (event.type === "applied")
          setMessage({
            kind: "ok",
            text:
              event.mode === "direct"
                ? `Applied ${event.changes} change${event.changes === 1 ? "" : "s"}.`
                : `Submission #${event.submissionId} created with ${event.changes} change${event.changes === 1 ? "" : "s"}; it is pending review.`,
          });
      });
    } catch {
      setMessage({ kind: "error", text: "The connection was lost; nothing was applied unless a confirmation was shown." });
    } finally {
      setBusy(false);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const canApply = report && !report.fileError && report.errors.length === 0 && report.summary.create + report.summary.update > 0;

  return (
    <form ref={formRef} onSubmit={(e) => e.preventDefault()} className="stacked-form" aria-describedby="import-status">
      <p>
        <label htmlFor="import-state">Member State</label>
        <select id="import-state" name="state" required defaultValue={states[0]?.value} onChange={() => setReport(null)}>
          {states.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="import-instrument">Instrument</label>
        <select id="import-instrument" name="instrument" required defaultValue={instruments[0]?.value} onChange={() => setReport(null)}>
          {instruments.map((i) => (
            <option key={i.value} value={i.value}>
              {i.label}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="import-file">CSV file</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required onChange={() => setReport(null)} />
      </p>
      <p>
        <button type="button" onClick={() => run("validate")} disabled={busy}>
          Check the file
        </button>{" "}
        <button type="button" onClick={() => run("apply")} disabled={busy || !canApply}>
          {mode === "direct" ? "Apply all changes" : "Submit for review"}
        </button>
      </p>
      {progress ? (
        <div>
          <div role="progressbar" aria-label={progress.phase} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="progress">
            <div className="progress-bar" style={{ width: `${percent}%`, height: "0.5rem", background: "currentColor" }} />
          </div>
        </div>
      ) : null}
      <p id="import-status" role="status" aria-live="polite">
        {busy && progress ? `${progress.phase}: ${progress.done} of ${progress.total || "?"}` : null}
        {!busy && message ? <span className={message.kind === "error" ? "form-error" : "form-ok"}>{message.text}</span> : null}
      </p>
      {report ? <ImportReportView report={report} /> : null}
    </form>
  );
}

function ImportReportView({ report }: { report: Report }) {
  if (report.fileError)
    return (
      <section aria-labelledby="report-heading">
        <h2 id="report-heading">The file cannot be imported</h2>
        <p className="form-error">{report.fileError}</p>
      </section>
    );
  const s = report.summary;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Validation report</h2>
      <p>
        {s.rows} rows: {s.create} to create, {s.update} to update, {s.unchanged} unchanged, {s.invalid} with errors.
      </p>
      {report.errors.length ? (
        <table>
          <caption>Rows with errors (nothing can be applied until they are fixed)</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.line}</td>
                <td>{e.column === "_row" ? "(row)" : e.column}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.rows.some((r) => r.action !== "unchanged") ? (
        <table>
          <caption>Preview of the changes</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Provision</th>
              <th scope="col">Change</th>
              <th scope="col">Before → after</th>
            </tr>
          </thead>
          <tbody>
            {report.rows
              .filter((r) => r.action !== "unchanged")
              .map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <th scope="row">{r.provision}</th>
                  <td>{r.action === "create" ? "Create" : "Update"}</td>
                  <td>
                    <ul className="plain">
                      {r.changes.map((c) => (
                        <li key={c.field}>
                          {c.field}: {c.before ?? "—"} → {c.after ?? "—"}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
