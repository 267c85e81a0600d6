import { transpositionsSpec } from "@/db/tables/transpositions";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { memberStateName, type Locale } from "@/lib/format";
import { getLabel } from "@/app/i18n/vocabulary";
import { getDb } from "@/db/client";
import { listTranspositions } from "@/db/queries/transpositions";
import { withAsOf } from "@/lib/as-of";
import { html } from "@/lib/html";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { BrowseTable } from "@/app/components/data-table/browse-table";
import { FilterForm } from "@/app/components/data-table/filter-form";
import { loadFilterOptions } from "@/app/components/data-table/filter-options";
import { DownloadCsv } from "@/app/data/download-csv";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transpositions"))("caption") };
}

export default async function TranspositionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const tr = await getTranslations("transpositions");
  // An annex without a number is "Annex", not "Annex Annex", as on the provisions list.
  const tp = await getTranslations("provisions");
  const label = await getLabel();
  const locale = (await getLocale()) as Locale;
  const { query, asOf, notices } = parseTableQuery(transpositionsSpec, raw);
  const hidden = hiddenColumns(transpositionsSpec, query, raw);
  const db = getDb();
  const { rows, total, totalIsCapped } = listTranspositions(db, query, asOf);
  return (
    <>
      <h1>{tr("title")}</h1>
      <p className="lead">{tr.rich("lead", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <AsOfBanner asOf={asOf} path="/transpositions" extra={tr("asOfExtra")} />
      <ParamErrors notices={notices} />
      <FilterForm
        spec={transpositionsSpec}
        query={query}
        asOf={asOf}
        hidden={hidden}
        options={loadFilterOptions(db, query, true)}
        searchLabel={tr("searchLabel")}
      />
      <DownloadCsv table="transpositions" spec={transpositionsSpec} query={query} asOf={asOf} />
      <BrowseTable
        spec={transpositionsSpec}
        query={query}
        asOf={asOf}
        hidden={hidden}
        rows={rows}
        total={total}
        totalIsCapped={totalIsCapped}
        apiPath="/api/v1/transpositions"
        caption={tr("caption")}
        noun={{ one: tr("nounOne"), many: tr("nounMany") }}
        rowHeader="provision"
        emptyMessage={tr("empty")}
        cells={(r, m) => ({
          state: m.link(withAsOf(`/member-states/${r.stateCode}`, asOf), memberStateName(r.stateCode, r.stateName, locale)),
          instrument: m.link(withAsOf(`/instruments/${r.celex}`, asOf), r.shortName),
          provision: m.link(
            withAsOf(`/provisions/${r.provisionId}`, asOf),
            html`${r.provisionKind !== "annex" ? tr("article", { number: r.provisionNumber }) : r.provisionNumber === "Annex" ? tp("annexAlone") : tr("annex", { number: r.provisionNumber })}<span class="visually-hidden"> ${tr("of", { instrument: r.shortName })}</span>`,
          ),
          heading: r.provisionHeading,
          status: m.status(r.status),
          relation: r.relation ? label(r.relation) : m.muted(tr("notAssessed")),
          measures: m.list(
            r.measures.map((measure) => m.link(withAsOf(`/measures/${encodeURIComponent(measure.key)}`, asOf), measure.titleOriginal, measure.language)),
          ),
          assessed_at: m.date(r.assessedAt),
          verification: m.verification(r.verification),
        })}
      />
    </>
  );
}
