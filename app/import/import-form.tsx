"use client";
/**
 * The import form: posts the file to /import/run and reads the NDJSON answer
 * line by line, so the progress bar moves while the server validates.
 */
import { readNdjson } from "@/lib/ndjson";
import { useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRefusalText, type Refusal } from "@/app/components/forms/refusal";
import type { ImportEvent } from "@/server/import/run";

type Report = Extract<ImportEvent, { type: "report" }>["report"];
interface Choice {
  value: string;
  label: string;
}

export function ImportForm({ states, instruments, mode }: { states: Choice[]; instruments: Choice[]; mode: "direct" | "submission" }) {
  const t = useTranslations("importCsv");
  const locale = useLocale();
  const refusalText = useRefusalText();
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ phase: "validate" | "apply"; done: number; total: number } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  async function run(action: "validate" | "apply") {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setMessage({ kind: "error", text: t("chooseFile") });
      return;
    }
    data.set("mode", action);
    // The answer's problems are worded in the page's language (the route's URL has none).
    data.set("locale", locale);
    setBusy(true);
    setMessage(null);
    if (action === "validate") setReport(null);
    setProgress({ phase: action, done: 0, total: 0 });
    try {
      const res = await fetch("/import/run", { method: "POST", body: data });
      if (!res.ok || !res.body) {
        const refusal = (await res.json().catch(() => null)) as Refusal | null;
        setMessage({ kind: "error", text: refusalText(res.status, refusal, t("refused", { status: res.status })) });
        return;
      }
      await readNdjson<ImportEvent>(res.body, (event) => {
        if (event.type === "progress") setProgress({ phase: event.phase === "validate" ? "validate" : "apply", done: event.done, total: event.total });
        else if (event.type === "report") setReport(event.report);
        else if (event.type === "error") setMessage({ kind: "error", text: event.message });
        else if (event.type === "applied")
          setMessage({
            kind: "ok",
            text: event.mode === "direct" ? t("applied", { count: event.changes }) : t("submitted", { id: event.submissionId ?? 0, count: event.changes }),
          });
      });
    } catch {
      setMessage({ kind: "error", text: t("connectionLost") });
    } finally {
      setBusy(false);
    }
  }

  const phase = progress ? (progress.phase === "validate" ? t("phaseValidate") : t("phaseApply")) : "";
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const canApply = report && !report.fileError && report.errors.length === 0 && report.summary.create + report.summary.update > 0;

  return (
    <form ref={formRef} onSubmit={(e) => e.preventDefault()} className="stacked-form" aria-describedby="import-status">
      <p>
        <label htmlFor="import-state">{t("memberState")}</label>
        <select id="import-state" name="state" required defaultValue={states[0]?.value} onChange={() => setReport(null)}>
          {states.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="import-instrument">{t("instrument")}</label>
        <select id="import-instrument" name="instrument" required defaultValue={instruments[0]?.value} onChange={() => setReport(null)}>
          {instruments.map((i) => (
            <option key={i.value} value={i.value}>
              {i.label}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="import-file">{t("file")}</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required onChange={() => setReport(null)} />
      </p>
      <p>
        <button type="button" onClick={() => run("validate")} disabled={busy}>
          {t("check")}
        </button>{" "}
        <button type="button" onClick={() => run("apply")} disabled={busy || !canApply}>
          {mode === "direct" ? t("applyAll") : t("submit")}
        </button>
      </p>
      {progress ? (
        <div>
          <div role="progressbar" aria-label={phase} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="progress">
            <div className="progress-bar" style={{ width: `${percent}%`, height: "0.5rem", background: "currentColor" }} />
          </div>
        </div>
      ) : null}
      <p id="import-status" role="status" aria-live="polite">
        {busy && progress ? t("progress", { phase, done: progress.done, total: progress.total || "?" }) : null}
        {!busy && message ? <span className={message.kind === "error" ? "form-error" : "form-ok"}>{message.text}</span> : null}
      </p>
      {report ? <ImportReportView report={report} /> : null}
    </form>
  );
}

function ImportReportView({ report }: { report: Report }) {
  const t = useTranslations("importCsv");
  if (report.fileError)
    return (
      <section aria-labelledby="report-heading">
        <h2 id="report-heading">{t("cannotImport")}</h2>
        <p className="form-error">{report.fileError}</p>
      </section>
    );
  const s = report.summary;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t("report")}</h2>
      <p>{t("summary", { rows: s.rows, create: s.create, update: s.update, unchanged: s.unchanged, invalid: s.invalid })}</p>
      {report.errors.length ? (
        <table>
          <caption>{t("errorsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("line")}</th>
              <th scope="col">{t("column")}</th>
              <th scope="col">{t("problem")}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.line}</td>
                <td>{e.column === "_row" ? t("row") : e.column}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.rows.some((r) => r.action !== "unchanged") ? (
        <table>
          <caption>{t("previewCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("line")}</th>
              <th scope="col">{t("provision")}</th>
              <th scope="col">{t("change")}</th>
              <th scope="col">{t("beforeAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows
              .filter((r) => r.action !== "unchanged")
              .map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <th scope="row">{r.provision}</th>
                  <td>{r.action === "create" ? t("create") : t("update")}</td>
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
