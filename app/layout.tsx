import type { Metadata } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { AccountMenu } from "./components/account-menu";
import { HeaderTools } from "./components/header-tools";
import { MainNav } from "./components/main-nav";
import { NavList } from "./components/nav-list";
import { EditionBanner, type BannerEdition } from "./components/edition-banner";
import { getLiveDb } from "@/db/client";
import { listEditions } from "@/db/queries/editions";
import { log, errorFields } from "@/lib/log";
import "./globals.css";

// Every page reads the live database: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "NIS Measures Inventory", template: "%s — NIS Measures Inventory" },
  description: "Inventory of national legal measures on network and information security taken under Community law (COM(2001)298 §3.6).",
};

/** The published editions, for the banner of a page viewed as of one; none when the database cannot say (an error page still renders). */
function bannerEditions(): BannerEdition[] {
  try {
    return listEditions(getLiveDb()).map((e) => ({ name: e.name, reportingDate: e.reportingDate, datasetVersion: e.datasetVersion }));
  } catch (error) {
    log("error", "listing editions for the banner failed", errorFields(error));
    return [];
  }
}

export default function RootLayout({ children }: { children: ReactNode }) {
  const editions = bannerEditions();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap">
            <Link href="/" className="brand">
              NIS Measures Inventory
            </Link>
            <Suspense fallback={<NavList />}>
              <MainNav />
            </Suspense>
            <Suspense fallback={null}>
              <HeaderTools />
            </Suspense>
            <AccountMenu />
          </div>
        </header>
        <Suspense fallback={null}>
          <EditionBanner editions={editions} />
        </Suspense>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              Data from EUR-Lex, the Official Journal of the European Union, national official gazettes and Commission reports. Every fact carries its source
              and verification state; <strong>unverified</strong> facts have not been confirmed against a primary source. Not an official publication of the
              European Commission.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
