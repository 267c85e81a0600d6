/**
 * A translator for fully qualified keys in a given language, outside a page render: the Atom feed, the report PDF and
 * the report documents lib/reports builds. next-intl's createTranslator over the same catalogues the pages read.
 */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/format";
import type { Translate } from "@/lib/translate";
import type { ReportLanguage } from "@/lib/reports/document";
import { label } from "@/lib/vocabulary";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import de from "@/messages/de.json";

const catalogues = { en, fr, de };

function nextTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], timeZone: "UTC" });
}

export function translatorFor(locale: Locale): Translate {
  const t = nextTranslator(locale);
  return (key, values) => t(key as never, values as never);
}

/**
 * A report's language (lib/reports/document.ts): its sentences, and the domain's words from the groups looked up by
 * value — "indicators.<id>.label" as the dashboard names them, "ratings.<band>", "vocabulary.<value>" (a value the
 * catalogue lacks keeps lib/vocabulary.ts's English label rather than failing the report).
 */
export function reportLanguageFor(locale: Locale): ReportLanguage {
  const t = nextTranslator(locale);
  const lookup = (key: string) => t(key as never);
  return {
    locale,
    t: (key, values) => t(key as never, values as never),
    words: {
      indicator: (id) => lookup(`indicators.${id}.label`),
      band: (band) => lookup(`ratings.${band}`),
      label: (value) => (t.has(`vocabulary.${value}` as never) ? lookup(`vocabulary.${value}`) : label(value)),
    },
  };
}
