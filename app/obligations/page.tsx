import { obligationsSpec } from "@/db/tables/obligations";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getLabel } from "@/app/i18n/vocabulary";
import { getDb } from "@/db/client";
import { listObligations } from "@/db/queries/obligations";
import { withAsOf } from "@/lib/as-of";
import { html } from "@/lib/html";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { BrowseTable } from "@/app/components/data-table/browse-table";
import { FilterForm } from "@/app/components/data-table/filter-form";
import { loadFilterOptions } from "@/app/components/data-table/filter-options";
import { DownloadCsv } from "@/app/data/download-csv";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("obligations"))("title") };
}

export default async function ObligationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const t = await getTranslations("obligations");
  const label = await getLabel();
  const { query, asOf, notices } = parseTableQuery(obligationsSpec, raw);
  const hidden = hiddenColumns(obligationsSpec, query, raw);
  const db = getDb();
  const { rows, total } = listObligations(db, query, asOf);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{query.state.length ? t("leadAmong", { states: query.state.join(", ") }) : t("lead")}</p>
      <AsOfBanner asOf={asOf} path="/obligations" />
      <ParamErrors notices={notices} />
      <FilterForm spec={obligationsSpec} query={query} asOf={asOf} hidden={hidden} options={loadFilterOptions(db, query)} searchLabel={t("searchLabel")} />
      <DownloadCsv table="obligations" spec={obligationsSpec} query={query} asOf={asOf} />
      <BrowseTable
        spec={obligationsSpec}
        query={query}
        asOf={asOf}
        hidden={hidden}
        rows={rows}
        total={total}
        caption={t("title")}
        noun={{ one: t("nounOne"), many: t("nounMany") }}
        rowHeader="duty"
        emptyMessage={t("empty")}
        cells={(o, m) => ({
          duty: m.link(withAsOf(`/obligations/${encodeURIComponent(o.key)}`, asOf), o.duty),
          key: html`<code>${o.key}</code>`,
          addressee: label(o.addressee),
          properties: o.securityProperties.map((v) => label(v)).join(", ") || m.muted(),
          threats: o.threats.map((v) => label(v)).join(", ") || m.muted(),
          provisions: m.list(
            o.provisions.map((p) =>
              m.link(
                withAsOf(`/provisions/${p.id}`, asOf),
                p.kind === "annex"
                  ? t("provisionAnnex", { instrument: p.shortName, number: p.number })
                  : t("provisionArticle", { instrument: p.shortName, number: p.number }),
              ),
            ),
          ),
          states: o.statesCovering,
          verification: m.verification(o.verification),
        })}
      />
    </>
  );
}
