import { measuresSpec } from "@/db/tables/measures";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { memberStateName, type Locale } from "@/lib/format";
import { getLabel } from "@/app/i18n/vocabulary";
import { getDb } from "@/db/client";
import { listMeasures } from "@/db/queries/measures";
import { withAsOf } from "@/lib/as-of";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";
import { VerificationBadge } from "@/app/components/source-note";
import { PlainLink } from "@/app/components/plain-link";
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
        rowId={(r) => r.key}
        rowHeader="title"
        emptyMessage={t("empty")}
        cells={(m) => ({
          key: <code>{m.key}</code>,
          title: (
            <PlainLink href={withAsOf(`/measures/${encodeURIComponent(m.key)}`, asOf)} lang={m.language}>
              {m.titleOriginal}
            </PlainLink>
          ),
          title_english: m.titleEnglish ?? <span className="muted">—</span>,
          working_title_fr: m.workingTitleFr ? <span lang="fr">{m.workingTitleFr}</span> : <span className="muted">—</span>,
          working_title_de: m.workingTitleDe ? <span lang="de">{m.workingTitleDe}</span> : <span className="muted">—</span>,
          state: <PlainLink href={withAsOf(`/member-states/${m.stateCode}`, asOf)}>{memberStateName(m.stateCode, m.stateName, locale)}</PlainLink>,
          instruments: (
            <ul className="plain">
              {m.instruments.map((i) => (
                <li key={i.celex}>
                  <PlainLink href={withAsOf(`/instruments/${i.celex}`, asOf)}>{i.shortName}</PlainLink>
                </li>
              ))}
            </ul>
          ),
          type: label(m.type),
          national_identifier: m.nationalIdentifier ?? <span className="muted">—</span>,
          adopted_on: <DateText value={m.adoptedOn} precision={m.adoptedOnPrecision} />,
          in_force_on: <DateText value={m.inForceOn} precision={m.inForceOnPrecision} />,
          notified_on: <DateText value={m.notifiedOn} precision={m.notifiedOnPrecision} />,
          repealed_on: <DateText value={m.repealedOn} precision={m.repealedOnPrecision} />,
          status: <span className={`badge status-${m.status}`}>{label(m.status)}</span>,
          principal: m.isPrincipal ? t("principal") : <span className="muted">{t("no")}</span>,
          verification: <VerificationBadge state={m.verification} />,
        })}
      />
    </>
  );
}
