"use client";

/**
 * One form component for every editable record: fields from a spec, errors
 * tied to their fields, the record's version carried along, and — when a
 * save is refused as stale — what the other person changed, with the way
 * to re-apply this edit on top of theirs.
 */
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/server/action";

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldSpec {
  name: string;
  label: string;
  kind: "text" | "textarea" | "date" | "url" | "select" | "checkbox" | "checkboxes" | "password" | "email";
  options?: FieldOption[];
  required?: boolean;
  hint?: string;
  /** Shown but not editable (e.g. a record's Member State). */
  readOnly?: boolean;
}

interface Props {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  values: Record<string, unknown>;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  /** The version the edit starts from; absent when creating. */
  version?: number;
}

function asText(value: unknown): string {
  if (value == null) return "";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

function SubmitButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  const t = useTranslations("form");
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? t("saving") : label}
    </button>
  );
}

export function EntityForm({ action, fields, values, hidden = {}, submitLabel, version }: Props) {
  const t = useTranslations("form");
  const [state, formAction] = useActionState(action, { status: "idle" } as ActionState);
  const current = state.status === "error" ? { ...values, ...state.values } : values;
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const conflict = state.status === "error" ? state.conflict : undefined;
  const effectiveVersion = conflict && typeof conflict.version === "number" ? conflict.version : version;
  const formKey = state.status === "idle" ? 0 : state.submitted;

  return (
    <form action={formAction} key={formKey} noValidate className="entity-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {effectiveVersion != null ? <input type="hidden" name="version" value={effectiveVersion} /> : null}

      <div role="status" aria-live="polite" className="form-message">
        {state.status === "ok" ? <p className="ok">{state.message}</p> : null}
        {state.status === "error" && state.formError ? <p className="error">{state.formError}</p> : null}
      </div>

      {conflict ? <ConflictNotice fields={fields} theirs={conflict} yours={current} /> : null}

      {fields.map((field) => (
        <Field key={field.name} field={field} value={current[field.name]} errors={errors[field.name]} />
      ))}
      <SubmitButton label={conflict ? t("overTheirChanges", { action: submitLabel }) : submitLabel} />
    </form>
  );
}

function Field({ field, value, errors }: { field: FieldSpec; value: unknown; errors?: string[] }) {
  const t = useTranslations("form");
  const id = `field-${field.name}`;
  const describedBy = [field.hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.name,
    "aria-describedby": describedBy,
    "aria-invalid": errors?.length ? true : undefined,
    required: field.required,
    readOnly: field.readOnly,
  };
  const hint = field.hint ? (
    <span id={`${id}-hint`} className="hint">
      {field.hint}
    </span>
  ) : null;
  const error = errors?.length ? (
    <span id={`${id}-error`} className="field-error">
      {errors.join(" ")}
    </span>
  ) : null;

  if (field.kind === "checkbox") {
    return (
      <div className="field checkbox">
        <input type="checkbox" {...common} defaultChecked={value === true || value === "on" || value === "true"} />
        <label htmlFor={id}>{field.label}</label>
        {hint}
        {error}
      </div>
    );
  }
  if (field.kind === "checkboxes") {
    const selected = new Set(Array.isArray(value) ? value.map(String) : value ? [String(value)] : []);
    return (
      <fieldset className="field" aria-describedby={describedBy}>
        <legend>{field.label}</legend>
        {hint}
        {(field.options ?? []).map((o) => (
          <div key={o.value} className="checkbox">
            <input type="checkbox" id={`${id}-${o.value}`} name={field.name} value={o.value} defaultChecked={selected.has(o.value)} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
        {error}
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {field.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint}
      {field.kind === "select" ? (
        <select {...common} defaultValue={asText(value)} disabled={field.readOnly}>
          {!field.required ? <option value="">—</option> : null}
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : field.kind === "textarea" ? (
        <textarea {...common} defaultValue={asText(value)} rows={4} />
      ) : (
        <input
          {...common}
          type={field.kind === "url" || field.kind === "password" || field.kind === "email" ? field.kind : "text"}
          autoComplete={field.kind === "password" ? (field.name === "currentPassword" ? "current-password" : "new-password") : undefined}
          inputMode={field.kind === "date" ? "numeric" : undefined}
          placeholder={field.kind === "date" ? t("datePlaceholder") : undefined}
          // Passwords are never echoed back into the page after a failed save.
          defaultValue={field.kind === "password" ? undefined : asText(value)}
        />
      )}
      {field.readOnly && field.kind === "select" ? <input type="hidden" name={field.name} value={asText(value)} /> : null}
      {error}
    </div>
  );
}

function ConflictNotice({ fields, theirs, yours }: { fields: FieldSpec[]; theirs: Record<string, unknown>; yours: Record<string, unknown> }) {
  const t = useTranslations("form");
  const differing = fields.filter((f) => asText(theirs[f.name]) !== asText(yours[f.name]) && f.kind !== "checkbox");
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{t("conflictHeading")}</h2>
      <p>
        {t("conflictVersion", { version: String(theirs.version) })} {differing.length ? t("conflictDiffer") : t("conflictUntouched")} {t("conflictKeep")}
      </p>
      {differing.length ? (
        <table>
          <caption className="visually-hidden">{t("conflictCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("field")}</th>
              <th scope="col">{t("theirVersion")}</th>
              <th scope="col">{t("yourEdit")}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f.name}>
                <th scope="row">{f.label}</th>
                <td>{asText(theirs[f.name]) || "—"}</td>
                <td>{asText(yours[f.name]) || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
