"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { describeWait } from "@/lib/auth/throttle";

const INVALID = "The email or password is not right.";

/** The server says "throttled:<seconds>" (server/auth/options.ts): the message says when to try again. */
function messageFor(error: string | undefined): string {
  const throttled = /^throttled:(\d+)$/.exec(error ?? "");
  if (throttled) return `Too many failed attempts from this address. Try again in ${describeWait(Number(throttled[1]))}.`;
  return INVALID;
}

export function SignInForm({ returnTo }: { returnTo: string }) {
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
      setError(messageFor(result?.error ?? undefined));
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
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
