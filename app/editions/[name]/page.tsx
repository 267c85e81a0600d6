import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLiveDb } from "@/db/client";
import { findEdition, listEditionFigures } from "@/db/queries/editions";
import { DATASET_TITLE } from "@/db/queries/dataset";
import { siteOriginOfHeaders } from "@/server/site-origin";
import { editionCitation, editionName } from "@/lib/editions";
import { formatDate, formatTimestamp } from "@/lib/format";
import { getLocale, getTranslations } from "next-intl/server";
import { EditionFiguresTable } from "../figures";

interface Props {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ notice?: string | string[] }>;
}

async function load(params: Props["params"]) {
  const name = editionName.safeParse((await params).name);
  const edition = name.success ? findEdition(getLiveDb(), name.data) : null;
  if (!edition) notFound();
  return edition;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tm = await getTranslations();
  const edition = await load(params);
  return { title: `${tm("editions.name")} ${edition.name}` };
}

export default async function EditionPage({ params, searchParams }: Props) {
  const tm = await getTranslations();
  const locale = await getLocale();
  const edition = await load(params);
  const figures = listEditionFigures(getLiveDb(), edition.id);
  const url = `${siteOriginOfHeaders(await headers())}/editions/${edition.name}`;
  const { notice } = await searchParams;
  return (
    <>
      <h1>
        {tm("editions.name")} {edition.name}
      </h1>
      {notice === "published" ? (
        <p role="status" className="form-message">
          <span className="ok">{tm("editions.publishedOk", { name: edition.name, version: edition.datasetVersion })}</span>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{tm("editions.reportingDate")}</dt>
        <dd>{formatDate(edition.reportingDate, locale)}</dd>
        <dt>{tm("editions.datasetVersion")}</dt>
        <dd>{edition.datasetVersion}</dd>
        <dt>{tm("editions.published")}</dt>
        <dd>{formatTimestamp(edition.publishedAt, locale)}</dd>
      </dl>
      <p>
        <Link href={`/?edition=${edition.name}&as_of=${edition.reportingDate}`}>{tm("editions.view")}</Link> ·{" "}
        <Link href="/editions">{tm("editions.allEditions")}</Link>
      </p>
      <h2 id="cite">{tm("editions.citationHeading")}</h2>
      <p className="citation">{editionCitation(DATASET_TITLE, edition, url, { locale, t: tm })}</p>
      <h2>{tm("editions.figuresHeading", { date: formatDate(edition.reportingDate, locale) })}</h2>
      <EditionFiguresTable figures={figures} caption={tm("editions.figuresCaption", { name: edition.name })} />
    </>
  );
}
