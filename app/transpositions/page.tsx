import { transpositionsSpec } from "@/db/tables/transpositions";
import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listTranspositions } from "@/db/queries/transpositions";
import { withAsOf } from "@/lib/as-of";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { label } from "@/lib/vocabulary";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";
import { VerificationBadge } from "@/app/components/source-note";
import { StatusBadge } from "@/app/components/status-badge";
import { BrowseTable } from "@/app/components/data-table/browse-table";
import { FilterForm } from "@/app/components/data-table/filter-form";
import { loadFilterOptions } from "@/app/components/data-table/filter-options";
import { DownloadCsv } from "@/app/data/download-csv";

export const metadata: Metadata = { title: "Correspondences" };

export default async function TranspositionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { query, asOf, errors } = parseTableQuery(transpositionsSpec, raw);
  const hidden = hiddenColumns(transpositionsSpec, query, raw);
  const db = getDb();
  const { rows, total, totalIsCapped } = listTranspositions(db, query, asOf);
  return (
    <>
      <h1>Correspondences (transpositions)</h1>
      <p className="lead">
        The recorded correspondence rows: which national provision transposes which article, with its status and its relation to the directive&apos;s text. A
        provision without a row is <strong>unknown (not assessed)</strong>, never “not transposed”; the Member State, instrument and compare pages show those
        too.
      </p>
      <AsOfBanner
        asOf={asOf}
        path="/transpositions"
        extra="A correspondence citing national measures counts once one of them does; its status is the current assessment."
      />
      <ParamErrors errors={errors} />
      <FilterForm
        spec={transpositionsSpec}
        query={query}
        asOf={asOf}
        hidden={hidden}
        options={loadFilterOptions(db, query, true)}
        searchLabel="Text (article, national provision or measure)"
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
        caption="Correspondences"
        noun={{ one: "correspondence", many: "correspondences" }}
        rowId={(r) => String(r.id)}
        rowHeader="provision"
        emptyMessage="No recorded correspondence matches these filters."
        cells={(t) => ({
          state: <Link href={withAsOf(`/member-states/${t.stateCode}`, asOf)}>{t.stateName}</Link>,
          instrument: <Link href={withAsOf(`/instruments/${t.celex}`, asOf)}>{t.shortName}</Link>,
          provision: (
            <Link href={withAsOf(`/provisions/${t.provisionId}`, asOf)}>
              {t.provisionKind === "annex" ? "Annex" : "Art."} {t.provisionNumber}
              <span className="visually-hidden"> of {t.shortName}</span>
            </Link>
          ),
          heading: t.provisionHeading,
          status: <StatusBadge status={t.status} />,
          relation: t.relation ? label(t.relation) : <span className="muted">not assessed</span>,
          national_provision: t.nationalProvision ?? <span className="muted">—</span>,
          measures: (
            <ul className="plain">
              {t.measures.map((m) => (
                <li key={m.key}>
                  <Link href={withAsOf(`/measures/${encodeURIComponent(m.key)}`, asOf)} lang={m.language}>
                    {m.titleOriginal}
                  </Link>
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
