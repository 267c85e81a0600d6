import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import { getDb } from "@/db/client";
import { listInstruments } from "@/db/queries/instruments";
import { DateText } from "@/app/components/date-text";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { resolveAsOf, withAsOf } from "@/lib/as-of";
import { VerificationBadge } from "@/app/components/source-note";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("instruments"))("title") };
}

export default async function InstrumentsPage({ searchParams }: { searchParams: Promise<{ as_of?: string | string[] }> }) {
  const asOf = resolveAsOf((await searchParams).as_of);
  const t = await getTranslations("instruments");
  const locale = await getLocale();
  const all = listInstruments(getDb());
  const instruments = all.filter((i) => i.adoptionDate <= asOf.date);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {asOf.notice ? <ParamErrors notices={[asOf.notice]} /> : null}
      <AsOfBanner asOf={asOf} path="/instruments" extra={t("adoptedThen", { count: instruments.length, all: all.length })} />
      {instruments.length === 0 ? (
        <p>{all.length ? t("noneAdopted", { date: formatDate(asOf.date, locale) }) : t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("instrument")}</th>
                <th scope="col">CELEX</th>
                <th scope="col">{t("adopted")}</th>
                <th scope="col">{t("deadline")}</th>
                <th scope="col">{t("repealed")}</th>
                <th scope="col">{t("verification")}</th>
              </tr>
            </thead>
            <tbody>
              {instruments.map((i) => (
                <tr key={i.celex}>
                  <th scope="row">
                    <Link href={withAsOf(`/instruments/${i.celex}`, asOf)}>{i.shortName}</Link>
                    <div className="muted">{i.title}</div>
                  </th>
                  <td>{i.celex}</td>
                  <td>
                    <DateText value={i.adoptionDate} />
                  </td>
                  <td>
                    <DateText value={i.transpositionDeadline} />
                  </td>
                  <td>
                    {i.repealedFrom ? (
                      <>
                        {i.repealedFrom <= asOf.date ? t("repealedOn") : t("repealedLater")} <DateText value={i.repealedFrom} />
                      </>
                    ) : (
                      t("no")
                    )}
                  </td>
                  <td>
                    <VerificationBadge state={i.verification} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
