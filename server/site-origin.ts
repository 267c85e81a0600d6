/**
 * The site's public origin for absolute links (feeds, citations): NEXTAUTH_URL when set — production requires it
 * (lib/config.ts), so ids minted from it do not follow the Host header — else the request's own origin.
 */
export function siteOrigin(request: Request | { url: string }, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // lib/config.ts refuses a bad URL at start-up; outside it the request's origin is the next best.
    }
  }
  return new URL(request.url).origin;
}

/** The same origin for a page, from its request headers (pages have no Request object). */
export function siteOriginOfHeaders(headers: Headers, env: NodeJS.ProcessEnv = process.env): string {
  const host = headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return siteOrigin({ url: `${proto}://${host}/` }, env);
}
