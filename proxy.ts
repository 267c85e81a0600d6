/**
 * The interface's language from the URL (lib/i18n.ts): `/fr/x?q` is served by the route for `/x?q` with the language
 * in a request header that app/i18n/request.ts reads; `/en/x` redirects to `/x`, English having no prefix. Route files
 * stay outside any [locale] segment so that pages added on other branches need no move. Next runs this in front of every
 * route, both under `next dev` and behind scripts/server.ts; the API, Next's assets and files are left alone (matcher).
 */
import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_HEADER, PATHNAME_HEADER, splitLocale } from "@/lib/i18n";

export function proxy(request: NextRequest): NextResponse {
  const { locale, pathname, prefixed } = splitLocale(request.nextUrl.pathname);
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  if (prefixed && locale === "en") return NextResponse.redirect(url, 308);
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, locale);
  headers.set(PATHNAME_HEADER, pathname);
  return prefixed ? NextResponse.rewrite(url, { request: { headers } }) : NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [
    // Not the API (its URLs have no language), Next's own files, nor files with an extension (icon.svg, robots.txt)…
    "/((?!api/|_next/|[^/]*\\.[a-z0-9]+$).*)",
    // …but the reports' PDFs and the Atom feed, which are written in a language (/fr/member-states/FR/report.pdf,
    // /de/feeds/changes.atom). Their unprefixed English URLs go through the proxy too, so that the language header
    // is always the proxy's: the response cache keys on the URL alone (lib/response-cache.ts), and a header sent by
    // a client must never put a French document under an English URL.
    "/((?:[a-z]{2}/)?(?:member-states|instruments)/[^/]+/report\\.pdf)",
    "/((?:[a-z]{2}/)?feeds/[^/]+\\.atom)",
  ],
};
