import { formatTimestamp, type Locale } from "@/lib/format";

/** An audit time as the history writes it: to the second in English (as it always has), in the language's own form elsewhere. */
export function eventTime(iso: string, locale: Locale): string {
  return locale === "en" ? `${iso.replace("T", " ").slice(0, 19)} UTC` : formatTimestamp(iso, locale);
}
