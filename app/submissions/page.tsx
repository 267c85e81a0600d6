import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listSubmissions } from "@/db/queries/submissions";
import { requireSubmitter } from "./guard";
import { SubmissionTable } from "./submission-parts";

export const metadata: Metadata = { title: "Your submissions" };

export default async function SubmissionsPage() {
  const actor = await requireSubmitter("/submissions");
  const items = listSubmissions(getDb(), { kind: "state", stateCode: actor.memberStateCode });
  return (
    <>
      <h1>Submissions for {actor.memberStateCode}</h1>
      <p className="lead">
        Changes you propose to {actor.memberStateCode}’s national measures, transpositions and notifications reach the inventory only when Commission staff
        approve them.
      </p>
      <p>
        <Link href="/submissions/new">Draft a new submission</Link> · <Link href="/account/tokens">API tokens</Link>
      </p>
      {items.length === 0 ? (
        <p>No submissions for {actor.memberStateCode} yet.</p>
      ) : (
        <SubmissionTable items={items} hrefBase="/submissions" caption={`Submissions for ${actor.memberStateCode}`} showState={false} />
      )}
    </>
  );
}
