"use client";

import { signOut } from "next-auth/react";
import { useLocale } from "next-intl";
import { localizedPath } from "@/lib/i18n";

/** Its label comes from the server (AccountMenu), so that no anonymous page carries the account's words to the browser. */
export function SignOutButton({ label }: { label: string }) {
  const locale = useLocale();
  return (
    <button type="button" className="link-button" onClick={() => void signOut({ callbackUrl: localizedPath(locale, "/") })}>
      {label}
    </button>
  );
}
