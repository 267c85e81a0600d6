/**
 * The messages for the client components inside it: the layout's namespaces and the page namespaces named here
 * (./client-messages.ts). A provider replaces the one above it rather than adding to it, so it sends the layout's
 * namespaces again for the client parts within, which are a few KB.
 */
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages, type PageNamespace } from "./client-messages";

export async function ClientMessages({ namespaces, children }: { namespaces: readonly PageNamespace[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={clientMessages(await getMessages(), namespaces)}>{children}</NextIntlClientProvider>;
}
