import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { resolveAsOf, withAsOf } from "@/lib/as-of";
import type { RawSearchParams } from "@/lib/table-state";
import { loadReport, pdfPath, publicOrigin, type ReportKind } from "@/server/reports/reports";
import { ReportView } from "@/app/components/report/report-view";
import { FiguresBeingComputed } from "@/app/components/dashboard/figures-being-computed";
import { markMomentary } from "@/server/cache/momentary";

/** Where a report sits: its list, its record's page, and its title (`id` is a Member State's code or a CELEX). */
async function placeOf(kind: ReportKind, id: string) {
  const tm = await getTranslations();
  return kind === "country"
    ? { list: "/member-states", listLabel: tm("report.breadcrumbStates"), page: `/member-states/${id}`, title: tm("report.countryPageTitle", { code: id }) }
    : {
        list: "/instruments",
        listLabel: tm("report.breadcrumbInstruments"),
        page: `/instruments/${id}`,
        title: tm("report.instrumentPageTitle", { celex: id }),
      };
}

export async function reportTitle(kind: ReportKind, id: string): Promise<string> {
  return (await placeOf(kind, id)).title;
}

/**
 * A country or directive report as one printable page, with its PDF (issue #18): the as-of date from the address,
 * the citation's origin from the request, "not found" for an unknown record, and "being computed" while the
 * date's figures are filled in the background.
 */
export async function ReportPage({ kind, id, searchParams }: { kind: ReportKind; id: string; searchParams: RawSearchParams }) {
  const tm = await getTranslations();
  const asOf = resolveAsOf(searchParams.as_of);
  const h = await headers();
  const origin = publicOrigin(`${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`);
  const result = loadReport(kind, id, asOf, origin, await getLocale());
  if (result.status === "not_found") notFound();
  const place = await placeOf(kind, id);
  const breadcrumbs = (
    <>
      <Link href={place.list}>{place.listLabel}</Link> / <Link href={withAsOf(place.page, asOf)}>{id}</Link> / {tm("report.breadcrumbReport")}
    </>
  );
  if (result.status === "pending") {
    markMomentary(h.get("x-request-id")); // the next view shows the report: not an answer to keep
    return (
      <>
        <p className="muted">{breadcrumbs}</p>
        <h1>{place.title}</h1>
        <FiguresBeingComputed date={asOf.date} computed={result.computed} total={result.total} reloadHref={withAsOf(`${place.page}/report`, asOf)} />
      </>
    );
  }
  return <ReportView report={result.report} asOf={asOf} pdfHref={pdfPath(kind, id, asOf, result.report.locale)} breadcrumbs={breadcrumbs} />;
}
