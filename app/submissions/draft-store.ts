"use client";

/**
 * The draft of a submission lives in the browser tab (sessionStorage) while
 * the regulator picks and fills changes across page loads; nothing reaches
 * the server until it is sent, and the server checks everything again then.
 */
import { useSyncExternalStore } from "react";

export interface DraftChange {
  uid: string;
  entity: string;
  operation: "create" | "update" | "delete";
  recordId: number | null;
  baseVersion: number | null;
  label: string;
  payload?: Record<string, unknown>;
}

export interface Draft {
  idempotencyKey: string | null;
  changes: DraftChange[];
}

const EMPTY: Draft = { idempotencyKey: null, changes: [] };
const EVENT = "nis-draft-change";
const storageKey = (key: string) => `nis-draft:${key}`;
const cache = new Map<string, { raw: string | null; draft: Draft }>();

function read(key: string, initial: Draft): Draft {
  const raw = window.sessionStorage.getItem(storageKey(key));
  const hit = cache.get(key);
  if (hit && hit.raw === raw) return hit.draft;
  let draft = initial;
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Draft;
      if (Array.isArray(parsed.changes))
        draft = { idempotencyKey: typeof parsed.idempotencyKey === "string" ? parsed.idempotencyKey : null, changes: parsed.changes };
    } catch {
      draft = initial;
    }
  }
  cache.set(key, { raw, draft });
  return draft;
}

function write(key: string, draft: Draft) {
  window.sessionStorage.setItem(storageKey(key), JSON.stringify(draft));
  window.dispatchEvent(new Event(EVENT));
}

export function clearDraft(key: string) {
  window.sessionStorage.removeItem(storageKey(key));
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function useDraft(key: string, initial: Draft = EMPTY) {
  const draft = useSyncExternalStore(
    subscribe,
    () => read(key, initial),
    () => initial,
  );
  return {
    draft,
    add(change: Omit<DraftChange, "uid">) {
      const current = read(key, initial);
      write(key, { idempotencyKey: current.idempotencyKey ?? crypto.randomUUID(), changes: [...current.changes, { ...change, uid: crypto.randomUUID() }] });
    },
    remove(uid: string) {
      const current = read(key, initial);
      write(key, { ...current, changes: current.changes.filter((c) => c.uid !== uid) });
    },
    /** The key that makes a double submit create one submission; fixed once the draft has one. */
    ensureKey(): string {
      const current = read(key, initial);
      if (current.idempotencyKey) return current.idempotencyKey;
      const idempotencyKey = crypto.randomUUID();
      write(key, { ...current, idempotencyKey });
      return idempotencyKey;
    },
  };
}
