import { obligationsSpec } from "@/db/tables/obligations";
import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listObligations } from "@/db/queries/obligations";
import { withAsOf } from "@/lib/as-of";
import { hiddenColumns, parseTableQuery, type RawSearchParams } from "@/lib/table-state";
import { label } from "@/lib/vocabulary";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { VerificationBadge } from "@/app/components/source-note";
import { BrowseTable } from "@/app/components/data-table/browse-table";
import { FilterForm } from "@/app/components/data-table/filter-form";
import { loadFilterOptions } from "@/app/components/data-table/filter-options";
import { DownloadCsv } from "@/app/data/download-csv";

export const metadata: Metadata = { title: "Security obligations" };

export default async function ObligationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { query, asOf, errors } = parseTableQuery(obligationsSpec, raw);
  const hidden = hiddenColumns(obligationsSpec, query, raw);
  const db = getDb();
  const { rows, total } = listObligations(db, query, asOf);
  return (
    <>
      <h1>Security obligations</h1>
      <p className="lead">
        The concrete security duties the provisions impose, tagged with the security properties of COM(2001)298 §2.1. “States covering” counts the states with a
        full correspondence for a provision imposing the duty{query.state.length ? ` (among ${query.state.join(", ")})` : ""}.
      </p>
      <AsOfBanner asOf={asOf} path="/obligations" />
      <ParamErrors errors={errors} />
      <FilterForm spec={obligationsSpec} query={query} asOf={asOf} hidden={hidden} options={loadFilterOptions(db, query)} searchLabel="Text contains" />
      <DownloadCsv table="obligations" spec={obligationsSpec} query={query} asOf={asOf} />
      <BrowseTable
        spec={obligationsSpec}
        query={query}
        asOf={asOf}
        hidden={hidden}
        rows={rows}
        total={total}
        caption="Security obligations"
        noun={{ one: "obligation", many: "obligations" }}
        rowId={(r) => r.key}
        rowHeader="duty"
        emptyMessage="No obligation matches these filters."
        cells={(o) => ({
          duty: <Link href={withAsOf(`/obligations/${encodeURIComponent(o.key)}`, asOf)}>{o.duty}</Link>,
          key: <code>{o.key}</code>,
          addressee: label(o.addressee),
          properties: o.securityProperties.map(label).join(", ") || <span className="muted">—</span>,
          threats: o.threats.map(label).join(", ") || <span className="muted">—</span>,
          provisions: (
            <ul className="plain">
              {o.provisions.map((p) => (
                <li key={p.id}>
                  <Link href={withAsOf(`/provisions/${p.id}`, asOf)}>
                    {p.shortName} {p.kind === "annex" ? "Annex" : "Art."} {p.number}
                  </Link>
                </li>
              ))}
            </ul>
          ),
          states: o.statesCovering,
          verification: <VerificationBadge state={o.verification} />,
        })}
      />
    </>
  );
}
