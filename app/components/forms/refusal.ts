"use client";
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/lib/format";

/** A route's problem+json, as the import forms receive it when the route refuses a request before starting. */
export interface Refusal {
  detail?: string;
  errors?: Record<string, string[]>;
}

/**
 * What a form says when its route refused the request: the routes answer problem+json in English (server/api-route.ts),
 * so an ended session and a missing permission are worded here in the page's language; any other refusal gives the
 * route's own words in English and `fallback` (which names the status) in French or German.
 */
export function useRefusalText(): (status: number, refusal: Refusal | null, fallback: string) => string {
  const t = useTranslations("form");
  const english = useLocale() === DEFAULT_LOCALE;
  return (status, refusal, fallback) => {
    if (status === 401) return t("refusedSession");
    if (status === 403) return t("refusedForbidden");
    if (!english) return fallback;
    const fields = Object.values(refusal?.errors ?? {}).flat();
    return fields.length ? fields.join(" ") : (refusal?.detail ?? fallback);
  };
}
