"use client";

import { useTranslations } from "next-intl";

/** What a user sees when a page fails: nothing internal, and a reference the log also carries. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <>
      <title>{t("errorTitle")}</title>
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorBody")}</p>
      {error.digest ? <p>{t("reference", { digest: error.digest })}</p> : null}
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </>
  );
}
