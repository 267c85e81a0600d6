"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action";

export function RestoreButton({ action, entity, eventId, currentVersion }: { action: (s: ActionState, f: FormData) => Promise<ActionState>; entity: string; eventId: number; currentVersion: number | null }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="currentVersion" value={currentVersion ?? ""} />
      <button type="submit" className="secondary" disabled={pending}>
        Restore this version
      </button>
      <span role="status" aria-live="polite">
        {state.status === "error" ? <span className="field-error">{state.formError}</span> : null}
      </span>
    </form>
  );
}
