import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listSubmissions } from "@/db/queries/submissions";
import { requireSubmitter } from "./guard";
import { SubmissionTable } from "./submission-parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions"))("listTitle") };
}

export default async function SubmissionsPage() {
  const actor = await requireSubmitter("/submissions");
  const t = await getTranslations("submissions");
  const items = listSubmissions(getDb(), { kind: "state", stateCode: actor.memberStateCode });
  return (
    <>
      <h1>{t("heading", { state: actor.memberStateCode })}</h1>
      <p className="lead">{t("lead", { state: actor.memberStateCode })}</p>
      <p>
        <Link href="/submissions/new">{t("draftNew")}</Link> · <Link href="/account/tokens">{t("apiTokens")}</Link>
      </p>
      {items.length === 0 ? (
        <p>{t("none", { state: actor.memberStateCode })}</p>
      ) : (
        <SubmissionTable items={items} hrefBase="/submissions" caption={t("heading", { state: actor.memberStateCode })} showState={false} />
      )}
    </>
  );
}
