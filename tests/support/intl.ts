/** Rendering an interface component outside Next in a test: next-intl's provider with a language's catalogue. */
import { createElement, type ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import de from "@/messages/de.json";
import type { Locale } from "@/lib/format";

const catalogues = { en, fr, de };

export function withIntl(node: ReactNode, locale: Locale = "en") {
  const props = { locale, messages: catalogues[locale], timeZone: "UTC" } as Parameters<typeof NextIntlClientProvider>[0];
  return createElement(NextIntlClientProvider, props, node);
}
