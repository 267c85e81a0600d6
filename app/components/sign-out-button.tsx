"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { localizedPath } from "@/lib/i18n";

export function SignOutButton() {
  const t = useTranslations("account");
  const locale = useLocale();
  return (
    <button type="button" className="link-button" onClick={() => void signOut({ callbackUrl: localizedPath(locale, "/") })}>
      {t("signOut")}
    </button>
  );
}
