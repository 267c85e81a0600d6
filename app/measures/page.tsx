import { measuresSpec } from "@/db/tables/measures";
import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listMeasures } from "@/db/queries/measures";
import { withAsOf } from "@/lib/as-of";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { label } from "@/lib/vocabulary";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";
import { VerificationBadge } from "@/app/components/source-note";
import { BrowseTable } from "@/app/components/data-table/browse-table";
import { FilterForm } from "@/app/components/data-table/filter-form";
import { loadFilterOptions } from "@/app/components/data-table/filter-options";
import { DownloadCsv } from "@/app/data/download-csv";

export const metadata: Metadata = { title: "National measures" };

export default async function MeasuresPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { query, asOf, errors } = parseTableQuery(measuresSpec, raw);
  const hidden = hiddenColumns(measuresSpec, query, raw);
  const db = getDb();
  const { rows, total, totalIsCapped } = listMeasures(db, query, asOf);
  return (
    <>
      <h1>National measures</h1>
      <p className="lead">The national legal acts recorded as transposing the instruments, with their dates, status and verification state.</p>
      <AsOfBanner asOf={asOf} path="/measures" />
      <ParamErrors errors={errors} />
      <FilterForm spec={measuresSpec} query={query} asOf={asOf} hidden={hidden} options={loadFilterOptions(db, query)} searchLabel="Title contains" />
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
        caption="National measures"
        noun={{ one: "national measure", many: "national measures" }}
        rowId={(r) => r.key}
        rowHeader="title"
        emptyMessage="No national measure matches these filters. Remove a filter, or choose a later “as of” date."
        cells={(m) => ({
          key: <code>{m.key}</code>,
          title: (
            <Link href={withAsOf(`/measures/${encodeURIComponent(m.key)}`, asOf)} lang={m.language}>
              {m.titleOriginal}
            </Link>
          ),
          title_english: m.titleEnglish ?? <span className="muted">—</span>,
          state: <Link href={withAsOf(`/member-states/${m.stateCode}`, asOf)}>{m.stateName}</Link>,
          instruments: (
            <ul className="plain">
              {m.instruments.map((i) => (
                <li key={i.celex}>
                  <Link href={withAsOf(`/instruments/${i.celex}`, asOf)}>{i.shortName}</Link>
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
          principal: m.isPrincipal ? "Principal" : <span className="muted">No</span>,
          verification: <VerificationBadge state={m.verification} />,
        })}
      />
    </>
  );
}
