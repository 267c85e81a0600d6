import { provisionsSpec } from "@/db/tables/provisions";
import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listProvisions } from "@/db/queries/provisions";
import { withAsOf } from "@/lib/as-of";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { DateText } from "@/app/components/date-text";
import { VerificationBadge } from "@/app/components/source-note";
import { BrowseTable } from "@/app/components/data-table/browse-table";
import { FilterForm } from "@/app/components/data-table/filter-form";
import { loadFilterOptions } from "@/app/components/data-table/filter-options";
import { DownloadCsv } from "@/app/data/download-csv";

export const metadata: Metadata = { title: "Provisions" };

export default async function ProvisionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { query, asOf, errors } = parseTableQuery(provisionsSpec, raw);
  const hidden = hiddenColumns(provisionsSpec, query, raw);
  const db = getDb();
  const { rows, total } = listProvisions(db, query, asOf);
  return (
    <>
      <h1>Provisions</h1>
      <p className="lead">
        Every article and annex of the instruments. “States full” and “States assessed” count recorded correspondences
        {query.state.length ? ` among ${query.state.join(", ")}` : " among all states"}; the others are unknown (not assessed).
      </p>
      <AsOfBanner asOf={asOf} path="/provisions" />
      <ParamErrors errors={errors} />
      <FilterForm
        spec={provisionsSpec}
        query={query}
        asOf={asOf}
        hidden={hidden}
        options={loadFilterOptions(db, query, true)}
        searchLabel="Heading or summary contains"
      />
      <DownloadCsv table="provisions" spec={provisionsSpec} query={query} asOf={asOf} />
      <BrowseTable
        spec={provisionsSpec}
        query={query}
        asOf={asOf}
        hidden={hidden}
        rows={rows}
        total={total}
        caption="Provisions"
        noun={{ one: "provision", many: "provisions" }}
        rowId={(r) => String(r.id)}
        rowHeader="number"
        emptyMessage="No provision matches these filters."
        cells={(p) => ({
          instrument: <Link href={withAsOf(`/instruments/${p.celex}`, asOf)}>{p.shortName}</Link>,
          number: (
            <Link href={withAsOf(`/provisions/${p.id}`, asOf)}>
              {p.kind === "annex" ? (p.number === "Annex" ? "Annex" : `Annex ${p.number}`) : `Art. ${p.number}`}
              <span className="visually-hidden"> of {p.shortName}</span>
            </Link>
          ),
          heading: p.heading,
          summary: p.summary,
          requires_transposition: p.requiresTransposition ? "Yes" : "No",
          deadline: <DateText value={p.deadline} />,
          obligations: p.obligationCount,
          full: p.fullCount,
          assessed: p.assessedCount,
          verification: <VerificationBadge state={p.verification} />,
        })}
      />
    </>
  );
}
