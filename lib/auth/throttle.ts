/**
 * Failed sign-ins are throttled per account and per address (SECURITY.md):
 * a window of 15 minutes; 5 failures lock the account, 20 lock the address.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export function isSignInThrottled(failures: { account: number; address: number }): boolean {
  return failures.account >= MAX_FAILURES_PER_ACCOUNT || failures.address >= MAX_FAILURES_PER_ADDRESS;
}

export function throttleWindowStart(now: Date): string {
  return new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
}
