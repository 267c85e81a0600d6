import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localizedPath } from "@/lib/i18n";
import { safeReturnPath } from "@/lib/safe-redirect";
import { SignInForm } from "./sign-in-form";
import { ClientMessages } from "@/app/i18n/client-messages-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {/* The form's router adds the interface's language; a return path that carries one already loses it first. */}
      <ClientMessages namespaces={["signIn"]}>
        <SignInForm returnTo={localizedPath("en", safeReturnPath(callbackUrl))} />
      </ClientMessages>
    </>
  );
}
