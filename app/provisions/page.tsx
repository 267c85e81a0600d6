import { provisionsSpec } from "@/db/tables/provisions";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listProvisions } from "@/db/queries/provisions";
import { withAsOf } from "@/lib/as-of";
import { html } from "@/lib/html";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { BrowseTable } from "@/app/components/data-table/browse-table";
import { FilterForm } from "@/app/components/data-table/filter-form";
import { loadFilterOptions } from "@/app/components/data-table/filter-options";
import { DownloadCsv } from "@/app/data/download-csv";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provisions"))("title") };
}

export default async function ProvisionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const t = await getTranslations("provisions");
  const { query, asOf, notices } = parseTableQuery(provisionsSpec, raw);
  const hidden = hiddenColumns(provisionsSpec, query, raw);
  const db = getDb();
  const { rows, total } = listProvisions(db, query, asOf);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{query.state.length ? t("leadAmong", { states: query.state.join(", ") }) : t("lead")}</p>
      <AsOfBanner asOf={asOf} path="/provisions" />
      <ParamErrors notices={notices} />
      <FilterForm spec={provisionsSpec} query={query} asOf={asOf} hidden={hidden} options={loadFilterOptions(db, query, true)} searchLabel={t("searchLabel")} />
      <DownloadCsv table="provisions" spec={provisionsSpec} query={query} asOf={asOf} />
      <BrowseTable
        spec={provisionsSpec}
        query={query}
        asOf={asOf}
        hidden={hidden}
        rows={rows}
        total={total}
        caption={t("title")}
        noun={{ one: t("nounOne"), many: t("nounMany") }}
        rowHeader="number"
        emptyMessage={t("empty")}
        cells={(p, m) => ({
          instrument: m.link(withAsOf(`/instruments/${p.celex}`, asOf), p.shortName),
          number: m.link(
            withAsOf(`/provisions/${p.id}`, asOf),
            html`${p.kind === "annex" ? (p.number === "Annex" ? t("annexAlone") : t("annexShort", { number: p.number })) : t("articleShort", { number: p.number })}<span class="visually-hidden"> ${t("ofInstrument", { instrument: p.shortName })}</span>`,
          ),
          heading: p.heading,
          summary: p.summary,
          requires_transposition: p.requiresTransposition ? t("yes") : t("no"),
          deadline: m.date(p.deadline),
          obligations: p.obligationCount,
          full: p.fullCount,
          assessed: p.assessedCount,
          verification: m.verification(p.verification),
        })}
      />
    </>
  );
}
