import type { Metadata } from "next";
import type { RawSearchParams } from "@/lib/table-state";
import { ReportPage, reportTitle } from "@/app/components/report/report-page";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<RawSearchParams>;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return { title: await reportTitle("country", (await params).code) };
}

/** The country report of a Member State. */
export default async function CountryReportPage({ params, searchParams }: Props) {
  return <ReportPage kind="country" id={(await params).code} searchParams={await searchParams} />;
}
