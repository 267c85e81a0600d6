/**
 * The address a request came from, for sign-in throttling: the socket's peer
 * address, or — behind a proxy we were told about (TRUST_PROXY=1) — the last
 * X-Forwarded-For entry, the one our proxy appended; entries before it are
 * whatever the client claimed. scripts/server.ts puts the answer in
 * CLIENT_ADDRESS_HEADER, replacing anything a client sent under that name.
 */
export const CLIENT_ADDRESS_HEADER = "x-inventory-client-address";

export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
    const last = header
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  // IPv4 clients of a dual-stack socket arrive as ::ffff:127.0.0.1.
  return socketAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "") ?? "unknown";
}
