"use client";

import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/server/action";

type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;
const IDLE = { status: "idle" } as ActionState;

function Submit({ label, pendingLabel, className }: { label: string; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** Copies the token to the clipboard and says so; where the clipboard is refused, the field stays there to select. */
function CopyButton({ text }: { text: string }) {
  const t = useTranslations("tokens");
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied("copied"),
            () => setCopied("failed"),
          )
        }
      >
        {t("copy")}
      </button>{" "}
      <span aria-live="polite">{copied === "copied" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}</span>
    </>
  );
}

export function CreateTokenForm({ action }: { action: FormAction }) {
  const t = useTranslations("tokens");
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <>
      <div role="status" aria-live="polite" className="form-message">
        {state.status === "ok" ? (
          <div className="conflict">
            <p className="ok">{t("created")}</p>
            <p>
              <label htmlFor="new-token">{t("newToken")}</label>
            </p>
            <input id="new-token" type="text" readOnly value={state.message} size={60} aria-describedby="new-token-hint" />{" "}
            <CopyButton text={state.message ?? ""} />
            <p id="new-token-hint" className="hint">
              {t.rich("newTokenHint", { header: "Authorization: Bearer <token>", code: (chunks) => <code>{chunks}</code> })}
            </p>
          </div>
        ) : null}
        {state.status === "error" && state.formError ? <p className="error">{state.formError}</p> : null}
      </div>
      <form action={formAction} className="entity-form" noValidate>
        <div className="field">
          <label htmlFor="token-name">
            {t("nameLabel")}
            <span aria-hidden="true"> *</span>
          </label>
          <span id="token-name-hint" className="hint">
            {t("nameHint")}
          </span>
          <input
            id="token-name"
            name="name"
            type="text"
            required
            maxLength={100}
            aria-describedby={errors.name ? "token-name-hint token-name-error" : "token-name-hint"}
            aria-invalid={errors.name ? true : undefined}
          />
          {errors.name ? (
            <span id="token-name-error" className="field-error">
              {errors.name.join(" ")}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="token-expiry">{t("expires")}</label>
          <select id="token-expiry" name="expiresInDays" defaultValue="90">
            <option value="30">{t("in30")}</option>
            <option value="90">{t("in90")}</option>
            <option value="365">{t("in365")}</option>
            <option value="never">{t("inNever")}</option>
          </select>
        </div>
        <Submit label={t("submit")} pendingLabel={t("creating")} />
      </form>
    </>
  );
}

export function RevokeTokenForm({ action, tokenId, name }: { action: FormAction; tokenId: number; name: string }) {
  const t = useTranslations("tokens");
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="tokenId" value={tokenId} />
      <Submit label={t("revoke")} pendingLabel={t("revoking")} className="danger" />
      <span role="status" aria-live="polite" className="form-message">
        {state.status === "error" ? <span className="error"> {state.formError}</span> : null}
      </span>
      <span className="visually-hidden">{t("revokeWhich", { name })}</span>
    </form>
  );
}
