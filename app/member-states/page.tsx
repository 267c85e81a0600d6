import Link from "next/link";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { countPerState } from "@/db/queries/overview";
import { DateText } from "@/app/components/date-text";

export const metadata: Metadata = { title: "Member States" };

export default function MemberStatesPage() {
  const states = countPerState(getDb()).sort((a, b) => a.name.localeCompare(b.name, "en"));
  return (
    <>
      <h1>Member States</h1>
      <p className="lead">All 28 states that have been members of the European Union, with the EU&apos;s country codes (EL for Greece, UK for the United Kingdom).</p>
      <div className="table-scroll">
        <table>
          <caption>Member States, past and present</caption>
          <thead>
            <tr>
              <th scope="col">Member State</th>
              <th scope="col">Code</th>
              <th scope="col">Accession</th>
              <th scope="col">Exit</th>
              <th scope="col" className="num">National measures</th>
            </tr>
          </thead>
          <tbody>
            {states.map((s) => (
              <tr key={s.code}>
                <th scope="row">
                  <Link href={`/member-states/${s.code}`}>{s.name}</Link>
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
