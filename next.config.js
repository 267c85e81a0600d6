// @ts-check
// next-intl's plugin points its server functions at the per-request configuration (the interface's language and catalogue).
// This file is CommonJS (module.exports below), where require is the import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");

/** Security headers for every response (SECURITY.md "Input and output"). */
const securityHeaders = [
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      // Next's inline bootstrap scripts need 'unsafe-inline' without a nonce proxy.
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      // blob: for the charts' SVG and PNG downloads (app/components/charts/chart-export.tsx), drawn from an object URL.
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets several builds (e.g. parallel test runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // pdfkit and its fontkit read files of their packages at run time: kept out of the bundle.
  serverExternalPackages: ["better-sqlite3", "pdfkit"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = createNextIntlPlugin("./app/i18n/request.ts")(nextConfig);
