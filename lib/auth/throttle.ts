/**
 * Failed sign-ins slow down the address they come from; they never lock an
 * account for everyone (SECURITY.md). Within a window of 15 minutes:
 * - per account and address: the first 3 failures are free, then each next
 *   attempt waits 30 s after the last failure, doubling (60 s, 120 s, …) up
 *   to 15 minutes;
 * - per address, whatever the accounts: the first 10 free, then the same
 *   growing wait — a spray of made-up emails slows its own address only.
 * Failures from one address never delay a user signing in from another.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS = 3;
export const FREE_FAILURES_PER_ADDRESS = 10;
export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;

/** Failures in the window, and when the last of each happened (ISO timestamps). */
export interface RecentFailures {
  pair: number;
  lastPairFailureAt: string | null;
  address: number;
  lastAddressFailureAt: string | null;
}

/** Seconds to wait after the last failure once `failures` have happened, `free` of them without a wait. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** (failures - free), MAX_DELAY_SECONDS);
}

/** How many seconds before the next attempt is allowed; 0 when it is. */
export function retryAfterSeconds(f: RecentFailures, now: Date): number {
  const wait = (last: string | null, failures: number, free: number) =>
    last === null ? 0 : (Date.parse(last) + delayAfter(failures, free) * 1000 - now.getTime()) / 1000;
  const seconds = Math.max(
    wait(f.lastPairFailureAt, f.pair, FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS),
    wait(f.lastAddressFailureAt, f.address, FREE_FAILURES_PER_ADDRESS),
    0,
  );
  return Math.ceil(seconds);
}

export function throttleWindowStart(now: Date): string {
  return new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
}

/** "about 2 minutes", "30 seconds": the wait as the sign-in page says it. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
