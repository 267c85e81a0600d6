/** next-intl's per-request configuration: the language proxy.ts found in the URL, and its message catalogue. */
import { getRequestConfig } from "next-intl/server";
import type { Locale } from "@/lib/format";
import { requestLocale } from "@/server/i18n";
import type en from "@/messages/en.json";

const catalogues: Record<Locale, () => Promise<{ default: typeof en }>> = {
  en: () => import("@/messages/en.json"),
  fr: () => import("@/messages/fr.json"),
  de: () => import("@/messages/de.json"),
};

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: (await catalogues[locale]()).default, timeZone: "UTC" };
});
