/**
 * Whether the production server (scripts/server.ts) is answering requests. Work that can wait — the dashboard's
 * background fill of a date's figures (server/cache/indicator-fill.ts) — yields to them. The state lives on
 * globalThis because the server and Next's bundle each load their own copy of this module.
 */
const shared = globalThis as unknown as { inventoryRequestsInFlight?: number; inventoryLastConnectionAt?: number };

/**
 * A new connection's request is known only once its headers are read, a few turns of the event loop after the
 * connection is accepted: for this long after an accept the server counts as busy, so that no batch starts in between.
 */
const ACCEPT_TO_REQUEST_MS = 50;

export function requestStarted(): void {
  shared.inventoryRequestsInFlight = (shared.inventoryRequestsInFlight ?? 0) + 1;
}

export function requestEnded(): void {
  shared.inventoryRequestsInFlight = Math.max(0, (shared.inventoryRequestsInFlight ?? 0) - 1);
}

export function connectionAccepted(now: number = Date.now()): void {
  shared.inventoryLastConnectionAt = now;
}

export function requestsInFlight(): number {
  return shared.inventoryRequestsInFlight ?? 0;
}

/** A request is being answered, or a connection was just accepted whose request is still to be read. */
export function serverIsBusy(now: number = Date.now()): boolean {
  return requestsInFlight() > 0 || now - (shared.inventoryLastConnectionAt ?? -Infinity) < ACCEPT_TO_REQUEST_MS;
}
