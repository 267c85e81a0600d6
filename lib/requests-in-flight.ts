/**
 * How many HTTP requests the production server (scripts/server.ts) is answering. Work that can wait — the
 * dashboard's background fill of a date's figures (db/queries/indicator-cache.ts) — yields to them. The count
 * lives on globalThis because the server and Next's bundle each load their own copy of this module.
 */
const shared = globalThis as unknown as { inventoryRequestsInFlight?: number };

export function requestStarted(): void {
  shared.inventoryRequestsInFlight = (shared.inventoryRequestsInFlight ?? 0) + 1;
}

export function requestEnded(): void {
  shared.inventoryRequestsInFlight = Math.max(0, (shared.inventoryRequestsInFlight ?? 0) - 1);
}

export function requestsInFlight(): number {
  return shared.inventoryRequestsInFlight ?? 0;
}
