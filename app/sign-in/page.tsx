import type { Metadata } from "next";
import { safeReturnPath } from "@/lib/safe-redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      <p className="lead">For Commission staff and national regulators. Everything public can be read without an account.</p>
      <SignInForm returnTo={safeReturnPath(callbackUrl)} />
    </>
  );
}
