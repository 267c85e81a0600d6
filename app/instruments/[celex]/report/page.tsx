import type { Metadata } from "next";
import type { RawSearchParams } from "@/lib/table-state";
import { ReportPage, reportTitle } from "@/app/components/report/report-page";

interface Props {
  params: Promise<{ celex: string }>;
  searchParams: Promise<RawSearchParams>;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return { title: await reportTitle("instrument", (await params).celex) };
}

/** The directive report of an instrument. */
export default async function InstrumentReportPage({ params, searchParams }: Props) {
  return <ReportPage kind="instrument" id={(await params).celex} searchParams={await searchParams} />;
}
