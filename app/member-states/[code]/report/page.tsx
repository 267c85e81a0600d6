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
  params: Promise<{ code: string }>;
  searchParams: Promise<RawSearchParams>;
}

async function load({ params, searchParams }: Props) {
  const code = (await params).code;
  const asOf = resolveAsOf((await searchParams).as_of);
  const h = await headers();
  const origin = publicOrigin(`${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`);
  const result = loadReport("country", code, asOf, origin, await getLocale());
  if (result.status === "not_found") notFound();
  return { result, asOf, code };
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const tm = await getTranslations();
  return { title: tm("report.countryPageTitle", { code: (await params).code }) };
}

/** The country report as one printable page, with its PDF (issue #18). */
export default async function CountryReportPage(props: Props) {
  const tm = await getTranslations();
  const { result, asOf, code } = await load(props);
  const breadcrumbs = (
    <>
      <Link href="/member-states">{tm("report.breadcrumbStates")}</Link> / <Link href={withAsOf(`/member-states/${code}`, asOf)}>{code}</Link> /{" "}
      {tm("report.breadcrumbReport")}
    </>
  );
  if (result.status === "pending") {
    markMomentary((await headers()).get("x-request-id")); // the next view shows the report: not an answer to keep
    return (
      <>
        <p className="muted">{breadcrumbs}</p>
        <h1>{tm("report.countryPageTitle", { code })}</h1>
        <FiguresBeingComputed date={asOf.date} computed={result.computed} total={result.total} reloadHref={withAsOf(`/member-states/${code}/report`, asOf)} />
      </>
    );
  }
  return <ReportView report={result.report} asOf={asOf} pdfHref={pdfPath("country", code, asOf, result.report.locale)} breadcrumbs={breadcrumbs} />;
}
