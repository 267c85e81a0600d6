import type en from "@/messages/en.json";
import type { Locale } from "@/lib/format";

// Keys passed to useTranslations / getTranslations are checked against the English catalogue at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
