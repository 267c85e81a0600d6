import Link from "next/link";
import { getDb } from "@/db/client";
import { countPerInstrument, countPerState, lastUpdatedAt } from "@/db/queries/overview";

export default function HomePage() {
  const db = getDb();
  const perInstrument = countPerInstrument(db);
  const perState = countPerState(db);
  const updated = lastUpdatedAt(db);
  const totalMeasures = perState.reduce((n, s) => n + s.measures, 0);

  return (
    <>
      <h1>Inventory of national measures on network and information security</h1>
      <p className="lead">
        How the Member States transposed the Community law on network and information security named in the Commission&apos;s Communication COM(2001)298
        (§3.6): data protection, privacy in telecommunications, electronic signatures and the security requirements of the telecommunications framework.
      </p>
      <ul className="cards" aria-label="What the inventory holds">
        <li>
          <span className="figure">{perInstrument.length}</span> instruments
        </li>
        <li>
          <span className="figure">{perInstrument.reduce((n, i) => n + i.provisions, 0)}</span> provisions
        </li>
        <li>
          <span className="figure">{totalMeasures}</span> national measures
        </li>
        <li>
          <span className="figure">{perState.length}</span> Member States (past and present)
        </li>
      </ul>
      <p>
        Last updated:{" "}
        {updated ? (
          <time dateTime={updated}>
            {updated.slice(0, 10)} {updated.slice(11, 16)} UTC
          </time>
        ) : (
          "never"
        )}
      </p>

      <h2 id="instruments-heading">Instruments</h2>
      <div className="table-scroll">
        <table aria-labelledby="instruments-heading">
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col">CELEX</th>
              <th scope="col" className="num">Provisions</th>
              <th scope="col" className="num">Security obligations</th>
              <th scope="col" className="num">National measures</th>
              <th scope="col" className="num">States notified complete</th>
              <th scope="col" className="num">Assessed correspondences</th>
            </tr>
          </thead>
          <tbody>
            {perInstrument.map((i) => (
              <tr key={i.celex}>
                <th scope="row">
                  <Link href={`/instruments/${i.celex}`}>{i.shortName}</Link>
                </th>
                <td>{i.celex}</td>
                <td className="num">{i.provisions}</td>
                <td className="num">{i.obligations}</td>
                <td className="num">{i.measures}</td>
                <td className="num">{i.completeNotifications}</td>
                <td className="num">{i.assessedTranspositions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="states-heading">Member States</h2>
      <div className="table-scroll">
        <table aria-labelledby="states-heading">
          <thead>
            <tr>
              <th scope="col">Member State</th>
              <th scope="col">Code</th>
              <th scope="col">Member since</th>
              <th scope="col" className="num">National measures</th>
              <th scope="col" className="num">Notifications</th>
            </tr>
          </thead>
          <tbody>
            {perState.map((s) => (
              <tr key={s.code}>
                <th scope="row">
                  <Link href={`/member-states/${s.code}`}>{s.name}</Link>
                  {s.exitDate ? <span className="muted"> (left {s.exitDate})</span> : null}
                </th>
                <td>{s.code}</td>
                <td>
                  <time dateTime={s.accessionDate}>{s.accessionDate}</time>
                </td>
                <td className="num">{s.measures}</td>
                <td className="num">{s.notifications}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
