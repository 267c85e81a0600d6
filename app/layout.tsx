import type { Metadata } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { AccountMenu } from "./components/account-menu";
import { HeaderTools } from "./components/header-tools";
import { MainNav } from "./components/main-nav";
import { NavList } from "./components/nav-list";
import "./globals.css";

// Every page reads the live database: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "NIS Measures Inventory", template: "%s — NIS Measures Inventory" },
  description: "Inventory of national legal measures on network and information security taken under Community law (COM(2001)298 §3.6).",
};

export default function RootLayout({ children }: { children: ReactNode }) {
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
            <Suspense fallback={<NavList suffix="" />}>
              <MainNav />
            </Suspense>
            <Suspense fallback={null}>
              <HeaderTools />
            </Suspense>
            <AccountMenu />
          </div>
        </header>
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
