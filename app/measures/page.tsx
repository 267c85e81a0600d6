import { measuresSpec } from "@/db/tables/measures";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { memberStateName, type Locale } from "@/lib/format";
import { getLabel } from "@/app/i18n/vocabulary";
import { getDb } from "@/db/client";
import { listMeasures } from "@/db/queries/measures";
import { withAsOf } from "@/lib/as-of";
import { html } from "@/lib/html";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { BrowseTable } from "@/app/components/data-table/browse-table";
import { FilterForm } from "@/app/components/data-table/filter-form";
import { loadFilterOptions } from "@/app/components/data-table/filter-options";
import { DownloadCsv } from "@/app/data/download-csv";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("measures"))("title") };
}

export default async function MeasuresPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const t = await getTranslations("measures");
  const label = await getLabel();
  const locale = (await getLocale()) as Locale;
  const { query, asOf, notices } = parseTableQuery(measuresSpec, raw);
  const hidden = hiddenColumns(measuresSpec, query, raw);
  const db = getDb();
  const { rows, total, totalIsCapped } = listMeasures(db, query, asOf);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <AsOfBanner asOf={asOf} path="/measures" />
      <ParamErrors notices={notices} />
      <FilterForm spec={measuresSpec} query={query} asOf={asOf} hidden={hidden} options={loadFilterOptions(db, query)} searchLabel={t("searchLabel")} />
      <DownloadCsv table="measures" spec={measuresSpec} query={query} asOf={asOf} />
      <BrowseTable
        spec={measuresSpec}
        query={query}
        asOf={asOf}
        hidden={hidden}
        rows={rows}
        total={total}
        totalIsCapped={totalIsCapped}
        apiPath="/api/v1/measures"
        caption={t("title")}
        noun={{ one: t("nounOne"), many: t("nounMany") }}
        rowHeader="title"
        emptyMessage={t("empty")}
        cells={(r, m) => ({
          key: html`<code>${r.key}</code>`,
          title: m.link(withAsOf(`/measures/${encodeURIComponent(r.key)}`, asOf), r.titleOriginal, r.language),
          working_title_fr: r.workingTitleFr ? html`<span lang="fr">${r.workingTitleFr}</span>` : m.muted(),
          working_title_de: r.workingTitleDe ? html`<span lang="de">${r.workingTitleDe}</span>` : m.muted(),
          state: m.link(withAsOf(`/member-states/${r.stateCode}`, asOf), memberStateName(r.stateCode, r.stateName, locale)),
          instruments: m.list(r.instruments.map((i) => m.link(withAsOf(`/instruments/${i.celex}`, asOf), i.shortName))),
          type: label(r.type),
          adopted_on: m.date(r.adoptedOn, r.adoptedOnPrecision),
          in_force_on: m.date(r.inForceOn, r.inForceOnPrecision),
          notified_on: m.date(r.notifiedOn, r.notifiedOnPrecision),
          repealed_on: m.date(r.repealedOn, r.repealedOnPrecision),
          status: html`<span class="badge status-${r.status}">${label(r.status)}</span>`,
          principal: r.isPrincipal ? t("principal") : m.muted(t("no")),
          verification: m.verification(r.verification),
        })}
      />
    </>
  );
}
