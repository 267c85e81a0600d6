import type { Metadata } from "next";
import { redirect } from "@/server/i18n";
import { getDb } from "@/db/client";
import { instrumentChoices, stateChoices } from "@/db/queries/options";
import { getActor } from "@/server/auth/actor";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/import/correspondence";
import { can } from "@/lib/policy";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import a correspondence table" };

export default async function ImportPage() {
  const actor = await getActor();
  if (actor.kind !== "user") return redirect("/sign-in?callbackUrl=%2Fimport");
  const isEditor = can(actor, "inventory.edit");
  const ownState = actor.memberStateCode;
  if (!isEditor && !(ownState && can(actor, "submission.propose", { stateCode: ownState }))) return redirect("/forbidden");
  const db = getDb();
  const states = isEditor ? stateChoices(db) : stateChoices(db).filter((s) => s.value === ownState);
  return (
    <>
      <h1>Import a correspondence table</h1>
      <p className="lead">
        Upload one Member State&apos;s correspondence table for one instrument as CSV. Every row is checked first; you see each bad row by line and column, and
        a preview of what would change. Applying is all or nothing
        {isEditor
          ? ": your changes are written at once, each with an audit event."
          : ": it creates a submission that Commission staff review before anything changes."}
      </p>
      <h2>The file</h2>
      <ul>
        <li>
          UTF-8 CSV with a header row. Columns: <code>{IMPORT_COLUMNS.join(", ")}</code>; <code>article</code> and <code>status</code> are required.
        </li>
        <li>
          <code>article</code>: the article or annex, e.g. <code>17</code>, <code>Art. 17</code> or <code>Annex II</code>. <code>measure</code>: national
          measure keys, separated by spaces.
        </li>
        <li>
          An export of <a href="/transpositions">the correspondences table</a> (Download CSV) imports as it is: its extra columns are checked (state,
          instrument) or ignored.
        </li>
        <li>
          At most {MAX_IMPORT_BYTES / 1024 / 1024} MB and {MAX_IMPORT_ROWS.toLocaleString("en")} rows.
        </li>
      </ul>
      <ImportForm states={states} instruments={instrumentChoices(db)} mode={isEditor ? "direct" : "submission"} />
    </>
  );
}
