import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getLiveDb } from "@/db/client";
import { listEditions } from "@/db/queries/editions";
import { getActor } from "@/server/auth/actor";
import { EntityForm, type FieldSpec } from "@/app/components/forms/entity-form";
import { can } from "@/lib/policy";
import { formatDate, formatTimestamp } from "@/lib/format";
import { getLocale, getTranslations } from "next-intl/server";
import { getLocalePath } from "@/app/i18n/paths";
import { todayIso } from "@/lib/as-of";
import { publishEditionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editions"))("title") };
}

export default async function EditionsPage() {
  const tm = await getTranslations();
  const locale = await getLocale();
  const localePath = await getLocalePath();
  // The register of editions is the live inventory's, whichever edition the reader is viewing.
  const editions = listEditions(getLiveDb());
  const actor = await getActor();
  const mayPublish = can(actor, "edition.publish");
  const fields: FieldSpec[] = [
    { name: "name", label: tm("editions.publishName"), kind: "text", required: true, hint: tm("editions.publishNameHint") },
    { name: "reportingDate", label: tm("editions.publishDate"), kind: "date", required: true, hint: tm("editions.publishDateHint") },
  ];
  return (
    <>
      <h1>{tm("editions.title")}</h1>
      <p className="lead">{tm("editions.lead")}</p>
      {editions.length === 0 ? (
        <p>{tm("editions.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="nowrap-cells">
            <caption className="visually-hidden">{tm("editions.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{tm("editions.name")}</th>
                <th scope="col">{tm("editions.reportingDate")}</th>
                <th scope="col">{tm("editions.datasetVersion")}</th>
                <th scope="col">{tm("editions.published")}</th>
                <th scope="col">{tm("editions.view")}</th>
              </tr>
            </thead>
            <tbody>
              {editions.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link href={`/editions/${e.name}`}>{e.name}</Link>
                  </th>
                  <td>{formatDate(e.reportingDate, locale)}</td>
                  <td>{e.datasetVersion}</td>
                  <td>{formatTimestamp(e.publishedAt, locale)}</td>
                  <td>
                    <Link href={`/?edition=${e.name}&as_of=${e.reportingDate}`}>{tm("editions.viewShort", { name: e.name })}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{tm("editions.compareHeading")}</h2>
      {editions.length < 2 ? (
        <p>{tm("editions.compareNeedsTwo", { count: editions.length })}</p>
      ) : (
        <form method="get" action={localePath("/editions/compare")} className="filters" aria-label={tm("editions.compareHeading")}>
          <EditionSelect name="from" label={tm("editions.compareFrom")} names={editions.map((e) => e.name)} chosen={editions[1]!.name} />
          <EditionSelect name="to" label={tm("editions.compareTo")} names={editions.map((e) => e.name)} chosen={editions[0]!.name} />
          <button type="submit">{tm("editions.compareSubmit")}</button>
        </form>
      )}
      {mayPublish ? (
        <section aria-labelledby="publish-heading">
          <h2 id="publish-heading">{tm("editions.publishHeading")}</h2>
          <p>{tm("editions.publishLead")}</p>
          <EntityForm action={publishEditionAction} fields={fields} values={{ reportingDate: todayIso() }} submitLabel={tm("editions.publishSubmit")} />
        </section>
      ) : (
        <p className="muted">{tm("editions.signInToPublish")}</p>
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
