"use client";

import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
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
        Copy the token
      </button>{" "}
      <span aria-live="polite">{copied === "copied" ? "Copied." : copied === "failed" ? "Could not copy: select the token and copy it by hand." : ""}</span>
    </>
  );
}

export function CreateTokenForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <>
      <div role="status" aria-live="polite" className="form-message">
        {state.status === "ok" ? (
          <div className="conflict">
            <p className="ok">Token created. Copy it now: it is shown only this once and cannot be recovered.</p>
            <p>
              <label htmlFor="new-token">Your new token</label>
            </p>
            <input id="new-token" type="text" readOnly value={state.message} size={60} aria-describedby="new-token-hint" />{" "}
            <CopyButton text={state.message ?? ""} />
            <p id="new-token-hint" className="hint">
              Send it as <code>Authorization: Bearer &lt;token&gt;</code>. Keep it secret like a password.
            </p>
          </div>
        ) : null}
        {state.status === "error" && state.formError ? <p className="error">{state.formError}</p> : null}
      </div>
      <form action={formAction} className="entity-form" noValidate>
        <div className="field">
          <label htmlFor="token-name">
            Name<span aria-hidden="true"> *</span>
          </label>
          <span id="token-name-hint" className="hint">
            What will use it, e.g. “CNIL registry sync”.
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
          <label htmlFor="token-expiry">Expires</label>
          <select id="token-expiry" name="expiresInDays" defaultValue="90">
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="never">never (revoke it yourself)</option>
          </select>
        </div>
        <Submit label="Create token" pendingLabel="Creating…" />
      </form>
    </>
  );
}

export function RevokeTokenForm({ action, tokenId, name }: { action: FormAction; tokenId: number; name: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="tokenId" value={tokenId} />
      <Submit label="Revoke" pendingLabel="Revoking…" className="danger" />
      <span role="status" aria-live="polite" className="form-message">
        {state.status === "error" ? <span className="error"> {state.formError}</span> : null}
      </span>
      <span className="visually-hidden"> token {name}</span>
    </form>
  );
}
