"use client";

/**
 * Drafting a submission: the staff entity form (same fields, same schema)
 * adds a checked change to the draft; the draft lists its changes and is
 * sent with a message. Field errors from the server are shown per change.
 */
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { EntityForm, type FieldSpec } from "@/app/components/forms/entity-form";
import type { ActionState } from "@/server/action";
import { CITING_FIELD, draftedMeasureOptions } from "@/lib/submission-keys";
import { formDataToObject } from "@/lib/validation/common";
import { clearDraft, useDraft, type Draft, type DraftChange } from "./draft-store";
import { useEffect } from "react";

type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface ChangeEditor {
  entity: string;
  operation: DraftChange["operation"];
  recordId: number | null;
  baseVersion: number | null;
  label: string;
  fields: FieldSpec[];
  values: Record<string, unknown>;
  lists: string[];
  validate: FormAction;
  submitLabel: string;
}

interface Props {
  draftKey: string;
  initial?: Draft;
  editor: ChangeEditor | null;
  send: FormAction;
  /** For a revision: the submission's id and version. */
  record?: { id: number; version: number };
  initialMessage?: string;
}

export function Drafter({ draftKey, initial, editor, send, record, initialMessage = "" }: Props) {
  const t = useTranslations("submissions");
  const { draft, add, remove, ensureKey } = useDraft(draftKey, initial);

  const addChange: FormAction | null = editor
    ? async (state, form) => {
        const result = await editor.validate(state, form);
        if (result.status === "ok") {
          const { id: _id, version: _version, entity: _entity, ...payload } = formDataToObject(form, editor.lists);
          add({
            entity: editor.entity,
            operation: editor.operation,
            recordId: editor.recordId,
            baseVersion: editor.baseVersion,
            label: result.result ?? editor.label,
            payload: editor.operation === "delete" ? undefined : payload,
          });
        }
        return result;
      }
    : null;

  const fields = editor ? withDraftedMeasures(editor, draft) : [];

  return (
    <>
      {editor && addChange ? (
        <section aria-labelledby="change-heading">
          <h2 id="change-heading">{editor.label}</h2>
          <EntityForm
            action={addChange}
            fields={fields}
            values={editor.values}
            hidden={editor.recordId ? (editor.operation === "delete" ? { id: editor.recordId, entity: editor.entity } : { id: editor.recordId }) : {}}
            version={editor.baseVersion ?? undefined}
            submitLabel={editor.submitLabel}
          />
        </section>
      ) : null}

      <section aria-labelledby="draft-heading">
        <h2 id="draft-heading">{t("draftHeading", { count: draft.changes.length })}</h2>
        {draft.changes.length === 0 ? (
          <p className="muted">{t("noChanges")}</p>
        ) : (
          <ol>
            {draft.changes.map((c) => (
              <li key={c.uid}>
                {c.label}{" "}
                <button type="button" className="secondary" onClick={() => remove(c.uid)} aria-label={t("removeLabel", { change: c.label })}>
                  {t("remove")}
                </button>
              </li>
            ))}
          </ol>
        )}
        <SendForm draft={draft} send={send} ensureKey={record ? null : ensureKey} record={record} initialMessage={initialMessage} />
      </section>
    </>
  );
}

/** A measure drafted earlier in this draft can be cited by the entry or notification being drafted: it joins the field's options. */
function withDraftedMeasures(editor: ChangeEditor, draft: Draft): FieldSpec[] {
  const field = CITING_FIELD[editor.entity as keyof typeof CITING_FIELD];
  const stateCode = typeof editor.values.stateCode === "string" ? editor.values.stateCode : null;
  if (!field || !stateCode) return editor.fields;
  const drafted = draftedMeasureOptions(draft.changes, stateCode);
  if (drafted.length === 0) return editor.fields;
  return editor.fields.map((f) => {
    if (f.name !== field) return f;
    const known = new Set((f.options ?? []).map((o) => o.value));
    return { ...f, options: [...(f.options ?? []), ...drafted.filter((o) => !known.has(o.value))] };
  });
}

function SendButton({ disabled, label }: { disabled: boolean; label: string }) {
  const t = useTranslations("submissions");
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending || disabled} aria-disabled={pending || disabled}>
      {pending ? t("sending") : label}
    </button>
  );
}

function SendForm({
  draft,
  send,
  ensureKey,
  record,
  initialMessage,
}: {
  draft: Draft;
  send: FormAction;
  ensureKey: (() => string) | null;
  record?: { id: number; version: number };
  initialMessage: string;
}) {
  const t = useTranslations("submissions");
  const [state, action] = useActionState(
    async (previous: ActionState, form: FormData) => {
      if (ensureKey) form.set("idempotencyKey", ensureKey());
      form.set(
        "changes",
        JSON.stringify(draft.changes.map(({ entity, operation, recordId, baseVersion, payload }) => ({ entity, operation, recordId, baseVersion, payload }))),
      );
      return send(previous, form);
    },
    { status: "idle" } as ActionState,
  );
  const errors = state.status === "error" ? Object.entries(state.fieldErrors ?? {}).filter(([field]) => field !== "message") : [];
  const messageErrors = state.status === "error" ? state.fieldErrors?.message : undefined;
  const message = state.status === "error" && typeof state.values.message === "string" ? state.values.message : initialMessage;
  return (
    <form action={action} className="entity-form" noValidate key={state.status === "idle" ? 0 : state.submitted}>
      {record ? (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="version" value={record.version} />
        </>
      ) : null}
      <div role="status" aria-live="polite" className="form-message">
        {state.status === "error" && state.formError ? <p className="error">{state.formError}</p> : null}
        {errors.length ? (
          <ul className="field-error-list">
            {errors.map(([field, messages]) => (
              <li key={field} className="field-error">
                {describePath(field, draft)}: {messages.join(" ")}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="submission-message">
          {t("messageLabel")}
          <span aria-hidden="true"> *</span>
        </label>
        <span id="submission-message-hint" className="hint">
          {t("messageHint")}
        </span>
        <textarea
          id="submission-message"
          name="message"
          rows={4}
          required
          defaultValue={message}
          aria-describedby={messageErrors ? "submission-message-hint submission-message-error" : "submission-message-hint"}
          aria-invalid={messageErrors ? true : undefined}
        />
        {messageErrors ? (
          <span id="submission-message-error" className="field-error">
            {messageErrors.join(" ")}
          </span>
        ) : null}
      </div>
      <SendButton disabled={draft.changes.length === 0} label={record ? t("sendRevision") : t("send")} />
    </form>
  );
}

/** `changes.1.payload.key` → "Change 2 (…) — key". */
function describePath(path: string, draft: Draft): string {
  const match = /^changes\.(\d+)(?:\.(.*))?$/.exec(path);
  if (!match) return path === "_form" ? "Submission" : path;
  const index = Number(match[1]);
  const change = draft.changes[index];
  const field = match[2]?.replace(/^payload\.?/, "") || null;
  return `Change ${index + 1}${change ? ` (${change.label})` : ""}${field ? ` — ${field}` : ""}`;
}

/** After a draft was sent, the tab forgets it. */
export function ClearDraft({ draftKey }: { draftKey: string }) {
  useEffect(() => clearDraft(draftKey), [draftKey]);
  return null;
}
