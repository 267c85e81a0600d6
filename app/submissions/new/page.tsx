import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DraftPage, draftQuery } from "../draft-page";
import { requireSubmitter } from "../guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions"))("newTitle") };
}

export default async function NewSubmissionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSubmitter("/submissions/new");
  const t = await getTranslations("submissions");
  const raw = await searchParams;
  const query = draftQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  return (
    <>
      <h1>{t("newHeading", { state: actor.memberStateCode })}</h1>
      <p className="lead">{t("newLead")}</p>
      <DraftPage actor={actor} query={query} basePath="/submissions/new" draftKey="new" />
    </>
  );
}
