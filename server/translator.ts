/**
 * A translator for fully qualified keys in a given language, outside a page render: the Atom feed, the report PDF and
 * the report documents lib/reports builds. next-intl's createTranslator over the same catalogues the pages read.
 */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/format";
import type { Translate } from "@/lib/translate";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import de from "@/messages/de.json";

const catalogues = { en, fr, de };

export function translatorFor(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: catalogues[locale], timeZone: "UTC" });
  return (key, values) => t(key as never, values as never);
}
