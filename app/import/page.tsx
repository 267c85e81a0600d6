import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { formatCount } from "@/lib/format";
import { getLocalePath } from "@/app/i18n/paths";
import { redirect } from "@/server/i18n";
import { getDb } from "@/db/client";
import { instrumentChoices, stateChoices } from "@/db/queries/options";
import { getActor } from "@/server/auth/actor";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/import/correspondence";
import { can } from "@/lib/policy";
import { ImportForm } from "./import-form";
import { ClientMessages } from "@/app/i18n/client-messages-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importCsv"))("title") };
}

export default async function ImportPage() {
  const actor = await getActor();
  if (actor.kind !== "user") return redirect("/sign-in?callbackUrl=%2Fimport");
  const isEditor = can(actor, "inventory.edit");
  const ownState = actor.memberStateCode;
  if (!isEditor && !(ownState && can(actor, "submission.propose", { stateCode: ownState }))) return redirect("/forbidden");
  const db = getDb();
  const t = await getTranslations("importCsv");
  const locale = await getLocale();
  const localePath = await getLocalePath();
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  const states = isEditor ? stateChoices(db, locale) : stateChoices(db, locale).filter((s) => s.value === ownState);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{isEditor ? t("leadDirect") : t("leadSubmission")}</p>
      <h2>{t("fileHeading")}</h2>
      <ul>
        <li>{t.rich("columns", { columns: IMPORT_COLUMNS.join(", "), code })}</li>
        <li>{t.rich("article", { code })}</li>
        <li>{t.rich("export", { link: (chunks) => <a href={localePath("/transpositions")}>{chunks}</a> })}</li>
        <li>{t("limits", { mb: MAX_IMPORT_BYTES / 1024 / 1024, rows: formatCount(MAX_IMPORT_ROWS, locale) })}</li>
      </ul>
      <ClientMessages namespaces={["importCsv"]}>
        <ImportForm states={states} instruments={instrumentChoices(db)} mode={isEditor ? "direct" : "submission"} />
      </ClientMessages>
    </>
  );
}
