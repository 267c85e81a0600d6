import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { Suspense, type CSSProperties, type ReactNode } from "react";
import { languageAlternates } from "@/app/i18n/alternates";
import { clientMessages } from "@/app/i18n/client-messages";
import { AccountMenu } from "./components/account-menu";
import { HeaderTools } from "./components/header-tools";
import { LanguageSwitcher } from "./components/language-switcher";
import { MainNav } from "./components/main-nav";
import { NavList } from "./components/nav-list";
import { Link } from "@/app/i18n/navigation";
import { EditionBanner, type BannerEdition } from "./components/edition-banner";
import { getLiveDb } from "@/db/client";
import { listEditions } from "@/db/queries/editions";
import { log, errorFields } from "@/lib/log";
import "./globals.css";

// Every page reads the live database: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  const languages = await languageAlternates();
  return {
    metadataBase: process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL) : undefined,
    title: { default: t("name"), template: `%s — ${t("name")}` },
    description: t("description"),
    alternates: { languages },
  };
}

/** The published editions, for the banner of a page viewed as of one; none when the database cannot say (an error page still renders). */
function bannerEditions(): BannerEdition[] {
  try {
    return listEditions(getLiveDb()).map((e) => ({ name: e.name, reportingDate: e.reportingDate, datasetVersion: e.datasetVersion }));
  } catch (error) {
    log("error", "listing editions for the banner failed", errorFields(error));
    return [];
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("site");
  const editions = bannerEditions();
  return (
    <html lang={locale}>
      {/* The word before a field's error (globals.css .field-error::before) comes from the catalogue, as a CSS string. */}
      <body style={{ "--error-prefix": JSON.stringify(t("errorPrefix")) } as CSSProperties}>
        {/* The layout's namespaces only: a page sends its client components' own in <ClientMessages> (app/i18n/client-messages.ts). */}
        <NextIntlClientProvider messages={clientMessages(await getMessages())}>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          <header className="site-header">
            <div className="wrap">
              <Link href="/" className="brand">
                {t("name")}
              </Link>
              <Suspense fallback={<NavList />}>
                <MainNav />
              </Suspense>
              <Suspense fallback={null}>
                <HeaderTools />
              </Suspense>
              <AccountMenu />
              <Suspense fallback={null}>
                <LanguageSwitcher />
              </Suspense>
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
              <p>{t.rich("footer", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
