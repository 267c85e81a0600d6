import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getLiveDb } from "@/db/client";
import { findEdition, listEditionFigures } from "@/db/queries/editions";
import { compareEditions, editionName } from "@/lib/editions";
import { formatDate } from "@/lib/format";
import { getLocale, getTranslations } from "next-intl/server";
import { EditionComparisonTable } from "../figures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editions"))("compareHeading") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function CompareEditionsPage({ searchParams }: { searchParams: SearchParams }) {
  const tm = await getTranslations();
  const locale = await getLocale();
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
    ? tm("editions.compareUnknown", { name: fromName.slice(0, 40) || "—" })
    : !to
      ? tm("editions.compareUnknown", { name: toName.slice(0, 40) || "—" })
      : from.id === to.id
        ? tm("editions.compareSame")
        : null;
  if (problem || !from || !to)
    return (
      <>
        <h1>{tm("editions.compareHeading")}</h1>
        <p className="field-error" role="alert">
          {problem}
        </p>
        <p>
          <Link href="/editions">{tm("editions.allEditions")}</Link>
        </p>
      </>
    );
  const rows = compareEditions(listEditionFigures(db, from.id), listEditionFigures(db, to.id));
  const changed = rows.filter((r) => r.changed);
  return (
    <>
      <h1>{tm("editions.compareTitle", { from: from.name, to: to.name })}</h1>
      <p className="lead">{tm("editions.compareLead")}</p>
      <p>
        <Link href={`/editions/${from.name}`}>{from.name}</Link> ({formatDate(from.reportingDate, locale)}, {from.datasetVersion}) →{" "}
        <Link href={`/editions/${to.name}`}>{to.name}</Link> ({formatDate(to.reportingDate, locale)}, {to.datasetVersion}) ·{" "}
        <Link href="/editions">{tm("editions.allEditions")}</Link>
      </p>
      <p>{changed.length ? tm("editions.onlyChanged", { count: changed.length, total: rows.length }) : tm("editions.compareUnchanged")}</p>
      <EditionComparisonTable rows={rows} caption={tm("editions.compareTitle", { from: from.name, to: to.name })} />
    </>
  );
}
