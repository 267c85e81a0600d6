/**
 * Whether a cookie-authenticated POST comes from the inventory's own pages. Route handlers outside server actions
 * have no built-in CSRF check: a cross-site form or fetch carries the session cookie but an Origin of its own site
 * (and cannot set X-Forwarded-Host without a CORS preflight the server never grants).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
