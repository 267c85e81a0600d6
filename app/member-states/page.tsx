import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, memberStateName } from "@/lib/format";
import { getDb } from "@/db/client";
import { countPerState } from "@/db/queries/overview";
import { DateText } from "@/app/components/date-text";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { resolveAsOf, withAsOf } from "@/lib/as-of";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("memberStates"))("title") };
}

export default async function MemberStatesPage({ searchParams }: { searchParams: Promise<{ as_of?: string | string[] }> }) {
  const asOf = resolveAsOf((await searchParams).as_of);
  const t = await getTranslations("memberStates");
  const locale = await getLocale();
  // Named and ordered as the interface's language names them.
  const all = countPerState(getDb())
    .map((s) => ({ ...s, name: memberStateName(s.code, s.name, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  // Today's list keeps the states that have left (with their exit date); a chosen date lists the members then,
  // from accession until (not including) the exit date, as everywhere else in the inventory.
  const states = asOf.isToday ? all : all.filter((s) => s.accessionDate <= asOf.date && (!s.exitDate || asOf.date < s.exitDate));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {asOf.notice ? <ParamErrors notices={[asOf.notice]} /> : null}
      <AsOfBanner asOf={asOf} path="/member-states" extra={asOf.isToday ? undefined : t("membersThen", { count: states.length, all: all.length })} />
      <div className="table-scroll">
        <table>
          <caption>{asOf.isToday ? t("captionToday") : t("captionOn", { date: formatDate(asOf.date, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("memberState")}</th>
              <th scope="col">{t("code")}</th>
              <th scope="col">{t("accession")}</th>
              <th scope="col">{t("exit")}</th>
              <th scope="col" className="num">
                {t("measures")}
              </th>
            </tr>
          </thead>
          <tbody>
            {states.map((s) => (
              <tr key={s.code}>
                <th scope="row">
                  <Link href={withAsOf(`/member-states/${s.code}`, asOf)}>{s.name}</Link>
                </th>
                <td>{s.code}</td>
                <td>
                  <DateText value={s.accessionDate} />
                </td>
                <td>{s.exitDate ? <DateText value={s.exitDate} /> : null}</td>
                <td className="num">{s.measures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
