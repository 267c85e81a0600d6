/**
 * The message namespaces that client components read: `useTranslations` in a "use client" module or in a module one
 * imports. Only these go to the browser with a page. next-intl's provider otherwise serialises the whole catalogue
 * (well over 100 KB a language) into every page's payload, whatever the page shows.
 * tests/unit/client-messages.test.ts holds this list equal to what the client code asks for.
 */
import type { AbstractIntlMessages } from "next-intl";

export const CLIENT_NAMESPACES = [
  "asOf",
  "chartExport",
  "charts",
  "editions",
  "errors",
  "eurlex",
  "form",
  "gaps",
  "header",
  "importCsv",
  "instrument",
  "nav",
  "signIn",
  "site",
  "submissions",
  "table",
  "tokens",
  "vocabulary",
] as const;

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]!]));
}
