import { Link } from "@/app/i18n/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listInstruments } from "@/db/queries/instruments";
import { DateText } from "@/app/components/date-text";
import { AsOfBanner, ParamErrors } from "@/app/components/as-of-banner";
import { resolveAsOf, withAsOf } from "@/lib/as-of";
import { VerificationBadge } from "@/app/components/source-note";

export const metadata: Metadata = { title: "Instruments" };

export default async function InstrumentsPage({ searchParams }: { searchParams: Promise<{ as_of?: string | string[] }> }) {
  const asOf = resolveAsOf((await searchParams).as_of);
  const all = listInstruments(getDb());
  const instruments = all.filter((i) => i.adoptionDate <= asOf.date);
  return (
    <>
      <h1>Instruments</h1>
      <p className="lead">The Community acts whose national transposition the inventory records.</p>
      {asOf.error ? <ParamErrors errors={[asOf.error]} /> : null}
      <AsOfBanner asOf={asOf} path="/instruments" extra={`${instruments.length} of the ${all.length} instruments had been adopted by then.`} />
      {instruments.length === 0 ? (
        <p>{all.length ? `None of the inventory's instruments had been adopted by ${asOf.date}.` : "The inventory holds no instruments yet."}</p>
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
                        {i.repealedFrom <= asOf.date ? "Repealed " : "Repealed later, "}
                        <DateText value={i.repealedFrom} />
                      </>
                    ) : (
                      "No"
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
