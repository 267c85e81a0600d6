import { Link } from "@/app/i18n/navigation";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import type { Metadata } from "next";
import { resolveAsOf, withAsOf } from "@/lib/as-of";
import type { RawSearchParams } from "@/lib/table-state";
import { getLocale, getTranslations } from "next-intl/server";
import { loadReport, pdfPath, publicOrigin } from "@/server/reports/reports";
import { ReportView } from "@/app/components/report/report-view";
import { FiguresBeingComputed } from "@/app/components/dashboard/figures-being-computed";
import { markMomentary } from "@/server/cache/momentary";

interface Props {
  params: Promise<{ celex: string }>;
  searchParams: Promise<RawSearchParams>;
}

async function load({ params, searchParams }: Props) {
  const celex = (await params).celex;
  const asOf = resolveAsOf((await searchParams).as_of);
  const h = await headers();
  const origin = publicOrigin(`${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`);
  const result = loadReport("instrument", celex, asOf, origin, await getLocale());
  if (result.status === "not_found") notFound();
  return { result, asOf, celex };
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const tm = await getTranslations();
  return { title: tm("report.instrumentPageTitle", { celex: (await params).celex }) };
}

/** The directive report as one printable page, with its PDF (issue #18). */
export default async function InstrumentReportPage(props: Props) {
  const tm = await getTranslations();
  const { result, asOf, celex } = await load(props);
  const breadcrumbs = (
    <>
      <Link href="/instruments">{tm("report.breadcrumbInstruments")}</Link> / <Link href={withAsOf(`/instruments/${celex}`, asOf)}>{celex}</Link> /{" "}
      {tm("report.breadcrumbReport")}
    </>
  );
  if (result.status === "pending") {
    markMomentary((await headers()).get("x-request-id")); // the next view shows the report: not an answer to keep
    return (
      <>
        <p className="muted">{breadcrumbs}</p>
        <h1>{tm("report.instrumentPageTitle", { celex })}</h1>
        <FiguresBeingComputed date={asOf.date} computed={result.computed} total={result.total} reloadHref={withAsOf(`/instruments/${celex}/report`, asOf)} />
      </>
    );
  }
  return <ReportView report={result.report} asOf={asOf} pdfHref={pdfPath("instrument", celex, asOf, result.report.locale)} breadcrumbs={breadcrumbs} />;
}
