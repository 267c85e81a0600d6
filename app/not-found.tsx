import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("notFoundTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <>
      <h1>{t("notFoundTitle")}</h1>
      <p>
        {t.rich("notFoundBody", {
          instrument: (chunks) => <Link href="/instruments/31995L0046">{chunks}</Link>,
          state: (chunks) => <Link href="/member-states/EL">{chunks}</Link>,
        })}
      </p>
    </>
  );
}
