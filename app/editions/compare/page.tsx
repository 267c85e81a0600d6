import Link from "next/link";
import type { Metadata } from "next";
import { getLiveDb } from "@/db/client";
import { findEdition, listEditionFigures } from "@/db/queries/editions";
import { compareEditions, editionName } from "@/lib/editions";
import { formatDay } from "@/lib/format";
import { message } from "@/lib/messages";
import { EditionComparisonTable } from "../figures";

export const metadata: Metadata = { title: message("editions.compareHeading") };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function CompareEditionsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const db = getLiveDb();
  const lookUp = (raw: string) => {
    const name = editionName.safeParse(raw);
    return name.success ? findEdition(db, name.data) : null;
  };
  const [fromName, toName] = [first(query.from), first(query.to)];
  const from = lookUp(fromName);
  const to = lookUp(toName);
  const problem = !from
    ? message("editions.compareUnknown", { name: fromName.slice(0, 40) || "—" })
    : !to
      ? message("editions.compareUnknown", { name: toName.slice(0, 40) || "—" })
      : from.id === to.id
        ? message("editions.compareSame")
        : null;
  if (problem || !from || !to)
    return (
      <>
        <h1>{message("editions.compareHeading")}</h1>
        <p className="field-error" role="alert">
          {problem}
        </p>
        <p>
          <Link href="/editions">{message("editions.allEditions")}</Link>
        </p>
      </>
    );
  const rows = compareEditions(listEditionFigures(db, from.id), listEditionFigures(db, to.id));
  const changed = rows.filter((r) => r.changed);
  return (
    <>
      <h1>{message("editions.compareTitle", { from: from.name, to: to.name })}</h1>
      <p className="lead">{message("editions.compareLead")}</p>
      <p>
        <Link href={`/editions/${from.name}`}>{from.name}</Link> ({formatDay(from.reportingDate)}, {from.datasetVersion}) →{" "}
        <Link href={`/editions/${to.name}`}>{to.name}</Link> ({formatDay(to.reportingDate)}, {to.datasetVersion}) ·{" "}
        <Link href="/editions">{message("editions.allEditions")}</Link>
      </p>
      <p>{changed.length ? message("editions.onlyChanged", { count: changed.length, total: rows.length }) : message("editions.compareUnchanged")}</p>
      <EditionComparisonTable rows={rows} caption={message("editions.compareTitle", { from: from.name, to: to.name })} />
    </>
  );
}
