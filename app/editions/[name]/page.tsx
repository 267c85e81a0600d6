import Link from "next/link";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLiveDb } from "@/db/client";
import { findEdition, listEditionFigures } from "@/db/queries/editions";
import { DATASET_TITLE } from "@/db/queries/dataset";
import { siteOriginOfHeaders } from "@/server/site-origin";
import { editionCitation, editionName } from "@/lib/editions";
import { formatDay, formatTimestamp } from "@/lib/format";
import { message } from "@/lib/messages";
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
  const edition = await load(params);
  return { title: `${message("editions.name")} ${edition.name}` };
}

export default async function EditionPage({ params, searchParams }: Props) {
  const edition = await load(params);
  const figures = listEditionFigures(getLiveDb(), edition.id);
  const url = `${siteOriginOfHeaders(await headers())}/editions/${edition.name}`;
  const { notice } = await searchParams;
  return (
    <>
      <h1>
        {message("editions.name")} {edition.name}
      </h1>
      {notice === "published" ? (
        <p role="status" className="form-message">
          <span className="ok">{message("editions.publishedOk", { name: edition.name, version: edition.datasetVersion })}</span>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{message("editions.reportingDate")}</dt>
        <dd>{formatDay(edition.reportingDate)}</dd>
        <dt>{message("editions.datasetVersion")}</dt>
        <dd>{edition.datasetVersion}</dd>
        <dt>{message("editions.published")}</dt>
        <dd>{formatTimestamp(edition.publishedAt)}</dd>
      </dl>
      <p>
        <Link href={`/?edition=${edition.name}&as_of=${edition.reportingDate}`}>{message("editions.view")}</Link> ·{" "}
        <Link href="/editions">{message("editions.allEditions")}</Link>
      </p>
      <h2 id="cite">{message("editions.citationHeading")}</h2>
      <p className="citation">{editionCitation(DATASET_TITLE, edition, url)}</p>
      <h2>{message("editions.figuresHeading", { date: formatDay(edition.reportingDate) })}</h2>
      <EditionFiguresTable figures={figures} caption={message("editions.figuresCaption", { name: edition.name })} />
    </>
  );
}
