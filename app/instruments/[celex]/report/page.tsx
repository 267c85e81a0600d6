import Link from "next/link";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import type { Metadata } from "next";
import { resolveAsOf, withAsOf } from "@/lib/as-of";
import type { RawSearchParams } from "@/lib/table-state";
import { message } from "@/lib/messages";
import { loadReport, pdfPath, publicOrigin } from "@/server/reports/reports";
import { ReportView } from "@/app/components/report/report-view";

interface Props {
  params: Promise<{ celex: string }>;
  searchParams: Promise<RawSearchParams>;
}

async function load({ params, searchParams }: Props) {
  const celex = (await params).celex;
  const asOf = resolveAsOf((await searchParams).as_of);
  const h = await headers();
  const origin = publicOrigin(`${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`);
  const report = loadReport("instrument", celex, asOf, origin);
  if (!report) notFound();
  return { report, asOf, celex };
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return { title: message("report.instrumentPageTitle", { celex: (await params).celex }) };
}

/** The directive report as one printable page, with its PDF (issue #18). */
export default async function InstrumentReportPage(props: Props) {
  const { report, asOf, celex } = await load(props);
  return (
    <ReportView
      report={report}
      asOf={asOf}
      pdfHref={pdfPath("instrument", celex, asOf)}
      breadcrumbs={
        <>
          <Link href="/instruments">{message("report.breadcrumbInstruments")}</Link> / <Link href={withAsOf(`/instruments/${celex}`, asOf)}>{celex}</Link> /{" "}
          {message("report.breadcrumbReport")}
        </>
      }
    />
  );
}
