import Link from "next/link";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listInstruments } from "@/db/queries/instruments";
import { DateText } from "@/app/components/date-text";
import { VerificationBadge } from "@/app/components/source-note";

export const metadata: Metadata = { title: "Instruments" };

export default function InstrumentsPage() {
  const instruments = listInstruments(getDb());
  return (
    <>
      <h1>Instruments</h1>
      <p className="lead">The Community acts whose national transposition the inventory records.</p>
      {instruments.length === 0 ? (
        <p>The inventory holds no instruments yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>Instruments by adoption date</caption>
            <thead>
              <tr>
                <th scope="col">Instrument</th>
                <th scope="col">CELEX</th>
                <th scope="col">Adopted</th>
                <th scope="col">Transposition deadline</th>
                <th scope="col">Repealed</th>
                <th scope="col">Verification</th>
              </tr>
            </thead>
            <tbody>
              {instruments.map((i) => (
                <tr key={i.celex}>
                  <th scope="row">
                    <Link href={`/instruments/${i.celex}`}>{i.shortName}</Link>
                    <div className="muted">{i.title}</div>
                  </th>
                  <td>{i.celex}</td>
                  <td>
                    <DateText value={i.adoptionDate} />
                  </td>
                  <td>
                    <DateText value={i.transpositionDeadline} />
                  </td>
                  <td>{i.repealedFrom ? <DateText value={i.repealedFrom} /> : "No"}</td>
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
