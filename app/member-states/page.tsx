import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { countPerState } from "@/db/queries/overview";
import { DateText } from "@/app/components/date-text";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { resolveAsOf, withAsOf } from "@/lib/as-of";

export const metadata: Metadata = { title: "Member States" };

export default async function MemberStatesPage({ searchParams }: { searchParams: Promise<{ as_of?: string | string[] }> }) {
  const asOf = resolveAsOf((await searchParams).as_of);
  const all = countPerState(getDb()).sort((a, b) => a.name.localeCompare(b.name, "en"));
  // Today's list keeps the states that have left (with their exit date); a chosen date lists the members then,
  // from accession until (not including) the exit date, as everywhere else in the inventory.
  const states = asOf.isToday ? all : all.filter((s) => s.accessionDate <= asOf.date && (!s.exitDate || asOf.date < s.exitDate));
  return (
    <>
      <h1>Member States</h1>
      <p className="lead">
        The states that have been members of the European Union, with the EU&apos;s country codes (EL for Greece, UK for the United Kingdom).
      </p>
      {asOf.error ? <ParamErrors errors={[asOf.error]} /> : null}
      <AsOfBanner asOf={asOf} path="/member-states" extra={asOf.isToday ? undefined : `${states.length} of the ${all.length} states were members then.`} />
      <div className="table-scroll">
        <table>
          <caption>{asOf.isToday ? "Member States today, and those that have left" : `Member States as of ${asOf.date}`}</caption>
          <thead>
            <tr>
              <th scope="col">Member State</th>
              <th scope="col">Code</th>
              <th scope="col">Accession</th>
              <th scope="col">Exit</th>
              <th scope="col" className="num">
                National measures
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
