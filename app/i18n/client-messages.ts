/**
 * The message namespaces that client components read (`useTranslations` in a "use client" module or in a module one
 * imports), in two groups. Every page sends the layout's: its client parts (header, navigation, language switcher,
 * edition banner), the error page and the forms' shared words. A page namespace goes only with the pages that render
 * a client component reading it, inside <ClientMessages namespaces={[…]}> (./client-messages-provider.tsx). Sending
 * every client namespace with every page was 32 KB of each page's payload, and about a tenth of the measures page's
 * render at scale. tests/unit/client-messages.test.ts holds both lists equal to what the client code asks for, and
 * each page namespace wrapped around every client module reading it.
 */
import type { AbstractIntlMessages } from "next-intl";

export const LAYOUT_NAMESPACES = ["editions", "errors", "form", "header", "nav", "site"] as const;

export const PAGE_NAMESPACES = [
  "asOf",
  "chartExport",
  "charts",
  "eurlex",
  "gaps",
  "importCsv",
  "instrument",
  "signIn",
  "submissions",
  "table",
  "tokens",
  "vocabulary",
] as const;

export type PageNamespace = (typeof PAGE_NAMESPACES)[number];

/** The layout's namespaces and the given page namespaces, from the whole catalogue. */
export function clientMessages(messages: AbstractIntlMessages, pageNamespaces: readonly PageNamespace[] = []): AbstractIntlMessages {
  return Object.fromEntries([...LAYOUT_NAMESPACES, ...pageNamespaces].filter((ns) => ns in messages).map((ns) => [ns, messages[ns]!]));
}
