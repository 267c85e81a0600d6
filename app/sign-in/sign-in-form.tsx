"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useRouter } from "@/app/i18n/navigation";

type Translate = ReturnType<typeof useTranslations<"signIn">>;

/** The server says "throttled:<seconds>" (server/auth/options.ts): the message says when to try again. */
function messageFor(error: string | undefined, t: Translate): string {
  const throttled = /^throttled:(\d+)$/.exec(error ?? "");
  if (!throttled) return t("invalid");
  const seconds = Number(throttled[1]);
  return seconds < 60 ? t("throttledSeconds", { seconds }) : t("throttledMinutes", { minutes: Math.ceil(seconds / 60) });
}

/** `returnTo` is a path without a language prefix: the router puts the interface's language back on it. */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(messageFor(result?.error ?? undefined, t));
      return;
    }
    router.push(returnTo);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="entity-form" noValidate>
      <div role="alert" aria-live="assertive" className="form-message">
        {error ? <p className="error">{error}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
