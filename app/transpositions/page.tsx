import { transpositionsSpec } from "@/db/tables/transpositions";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { memberStateName, type Locale } from "@/lib/format";
import { getLabel } from "@/app/i18n/vocabulary";
import { getDb } from "@/db/client";
import { listTranspositions } from "@/db/queries/transpositions";
import { withAsOf } from "@/lib/as-of";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";
import { VerificationBadge } from "@/app/components/source-note";
import { StatusBadge } from "@/app/components/status-badge";
import { PlainLink } from "@/app/components/plain-link";
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
        rowId={(r) => String(r.id)}
        rowHeader="provision"
        emptyMessage={tr("empty")}
        cells={(t) => ({
          state: <PlainLink href={withAsOf(`/member-states/${t.stateCode}`, asOf)}>{memberStateName(t.stateCode, t.stateName, locale)}</PlainLink>,
          instrument: <PlainLink href={withAsOf(`/instruments/${t.celex}`, asOf)}>{t.shortName}</PlainLink>,
          provision: (
            <PlainLink href={withAsOf(`/provisions/${t.provisionId}`, asOf)}>
              {tr(t.provisionKind === "annex" ? "annex" : "article", { number: t.provisionNumber })}
              <span className="visually-hidden"> {tr("of", { instrument: t.shortName })}</span>
            </PlainLink>
          ),
          heading: t.provisionHeading,
          status: <StatusBadge status={t.status} />,
          relation: t.relation ? label(t.relation) : <span className="muted">{tr("notAssessed")}</span>,
          national_provision: t.nationalProvision ?? <span className="muted">—</span>,
          measures: (
            <ul className="plain">
              {t.measures.map((m) => (
                <li key={m.key}>
                  <PlainLink href={withAsOf(`/measures/${encodeURIComponent(m.key)}`, asOf)} lang={m.language}>
                    {m.titleOriginal}
                  </PlainLink>
                </li>
              ))}
            </ul>
          ),
          note: t.note ?? <span className="muted">—</span>,
          assessed_at: <DateText value={t.assessedAt} />,
          verification: <VerificationBadge state={t.verification} />,
        })}
      />
    </>
  );
}
