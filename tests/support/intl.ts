/** Rendering an interface component outside Next in a test: next-intl's provider with a language's catalogue. */
import { createElement, type ReactNode } from "react";
import { NextIntlClientProvider, createTranslator } from "next-intl";
import type { ReportLanguage } from "@/lib/reports/document";
import type { Translate } from "@/lib/translate";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import de from "@/messages/de.json";
import type { Locale } from "@/lib/format";
import { reportLanguageFor } from "@/server/translator";

const catalogues = { en, fr, de };

export function withIntl(node: ReactNode, locale: Locale = "en") {
  const props = { locale, messages: catalogues[locale], timeZone: "UTC" } as Parameters<typeof NextIntlClientProvider>[0];
  return createElement(NextIntlClientProvider, props, node);
}

/** A translator for fully qualified keys, as the app passes to lib/ code that builds text (reports, the changes feed). */
export function translator(locale: Locale = "en"): Translate {
  const t = createTranslator({ locale, messages: catalogues[locale], timeZone: "UTC" });
  return (key, values) => t(key as never, values as never);
}

/** A report's language, as the server builds it (its translator and the domain's words). */
export function reportLanguage(locale: Locale = "en"): ReportLanguage {
  return reportLanguageFor(locale);
}
