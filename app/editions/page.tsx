import Link from "next/link";
import type { Metadata } from "next";
import { getLiveDb } from "@/db/client";
import { listEditions } from "@/db/queries/editions";
import { getActor } from "@/server/auth/actor";
import { EntityForm, type FieldSpec } from "@/app/components/forms/entity-form";
import { can } from "@/lib/policy";
import { formatDay, formatTimestamp } from "@/lib/format";
import { message } from "@/lib/messages";
import { todayIso } from "@/lib/as-of";
import { publishEditionAction } from "./actions";

export const metadata: Metadata = { title: message("editions.title") };

export default async function EditionsPage() {
  // The register of editions is the live inventory's, whichever edition the reader is viewing.
  const editions = listEditions(getLiveDb());
  const actor = await getActor();
  const mayPublish = can(actor, "edition.publish");
  const fields: FieldSpec[] = [
    { name: "name", label: message("editions.publishName"), kind: "text", required: true, hint: message("editions.publishNameHint") },
    { name: "reportingDate", label: message("editions.publishDate"), kind: "date", required: true, hint: message("editions.publishDateHint") },
  ];
  return (
    <>
      <h1>{message("editions.title")}</h1>
      <p className="lead">{message("editions.lead")}</p>
      {editions.length === 0 ? (
        <p>{message("editions.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="nowrap-cells">
            <caption className="visually-hidden">{message("editions.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{message("editions.name")}</th>
                <th scope="col">{message("editions.reportingDate")}</th>
                <th scope="col">{message("editions.datasetVersion")}</th>
                <th scope="col">{message("editions.published")}</th>
                <th scope="col">{message("editions.view")}</th>
              </tr>
            </thead>
            <tbody>
              {editions.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link href={`/editions/${e.name}`}>{e.name}</Link>
                  </th>
                  <td>{formatDay(e.reportingDate)}</td>
                  <td>{e.datasetVersion}</td>
                  <td>{formatTimestamp(e.publishedAt)}</td>
                  <td>
                    <Link href={`/?edition=${e.name}&as_of=${e.reportingDate}`}>{message("editions.viewShort", { name: e.name })}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{message("editions.compareHeading")}</h2>
      {editions.length < 2 ? (
        <p>{message("editions.compareNeedsTwo", { count: editions.length })}</p>
      ) : (
        <form method="get" action="/editions/compare" className="filters" aria-label={message("editions.compareHeading")}>
          <EditionSelect name="from" label={message("editions.compareFrom")} names={editions.map((e) => e.name)} chosen={editions[1]!.name} />
          <EditionSelect name="to" label={message("editions.compareTo")} names={editions.map((e) => e.name)} chosen={editions[0]!.name} />
          <button type="submit">{message("editions.compareSubmit")}</button>
        </form>
      )}
      {mayPublish ? (
        <section aria-labelledby="publish-heading">
          <h2 id="publish-heading">{message("editions.publishHeading")}</h2>
          <p>{message("editions.publishLead")}</p>
          <EntityForm action={publishEditionAction} fields={fields} values={{ reportingDate: todayIso() }} submitLabel={message("editions.publishSubmit")} />
        </section>
      ) : (
        <p className="muted">{message("editions.signInToPublish")}</p>
      )}
    </>
  );
}

/** A picker of one edition by its name, for the comparison form. */
function EditionSelect({ name, label, names, chosen }: { name: string; label: string; names: string[]; chosen: string }) {
  return (
    <div className="field">
      <label htmlFor={`compare-${name}`}>{label}</label>
      <select id={`compare-${name}`} name={name} defaultValue={chosen}>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}
