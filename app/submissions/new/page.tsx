import type { Metadata } from "next";
import { DraftPage, draftQuery } from "../draft-page";
import { requireSubmitter } from "../guard";

export const metadata: Metadata = { title: "New submission" };

export default async function NewSubmissionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSubmitter("/submissions/new");
  const raw = await searchParams;
  const query = draftQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  return (
    <>
      <h1>New submission for {actor.memberStateCode}</h1>
      <p className="lead">Add one or more changes, then send them with a message. The draft stays in this browser tab until you send it.</p>
      <DraftPage actor={actor} query={query} basePath="/submissions/new" draftKey="new" />
    </>
  );
}
