/**
 * Answers that hold only for this moment, which the response cache (./responses.ts) must not keep although they are
 * complete 200s for an anonymous reader: the dashboard while a date's figures are still being computed
 * (./indicator-fill.ts) would otherwise be replayed until the next write. A page marks its request by the id the
 * server gave it (X-Request-Id). Kept on globalThis because the server and Next's bundle each load their own copy.
 */
const shared = globalThis as unknown as { inventoryMomentaryResponses?: Set<string> };

function marked(): Set<string> {
  return (shared.inventoryMomentaryResponses ??= new Set());
}

export function markMomentary(requestId: string | null | undefined): void {
  if (requestId) marked().add(requestId);
}

/** Whether the request was marked; forgets it (called once, when its answer starts). */
export function takeMomentary(requestId: string): boolean {
  return marked().delete(requestId);
}
