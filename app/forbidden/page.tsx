import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("forbiddenTitle") };
}

export default async function ForbiddenPage() {
  const t = await getTranslations("errors");
  return (
    <>
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenBody")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </>
  );
}
