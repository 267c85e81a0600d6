import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require";
import { EurlexImportForm } from "./eurlex-form";
import { ClientMessages } from "@/app/i18n/client-messages-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("eurlex"))("title") };
}

export default async function EurlexImportPage() {
  // The page checks the role itself; the route handler checks it again for every request.
  await requirePermission("eurlex.import", undefined, "/staff/eurlex");
  const t = await getTranslations("eurlex");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ClientMessages namespaces={["eurlex", "vocabulary"]}>
        <EurlexImportForm />
      </ClientMessages>
    </>
  );
}
