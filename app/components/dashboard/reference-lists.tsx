import { Link } from "@/app/i18n/navigation";
import type { loadDashboardOverview } from "@/db/queries/dashboard";

type Overview = ReturnType<typeof loadDashboardOverview>;

/**
 * The instruments and the Member States, folded below the figures: their own
 * pages hold them in full, and unfolded they were two phone screens.
 */
export function ReferenceListsSection({
  perInstrument,
  perState,
  instrumentCount,
}: {
  perInstrument: Overview["perInstrument"];
  perState: Overview["perState"];
  instrumentCount: number;
}) {
  return (
    <>
      <h2 id="instruments-heading">Instruments</h2>
      <details className="reference-list">
        <summary>Show the {perInstrument.length} instruments with their provisions, obligations, measures and notifications</summary>
        <div className="table-scroll">
          <table aria-labelledby="instruments-heading" className="nowrap-cells">
            <thead>
              <tr>
                <th scope="col">Instrument</th>
                <th scope="col">CELEX</th>
                <th scope="col" className="num">
                  Provisions
                </th>
                <th scope="col" className="num">
                  Security obligations
                </th>
                <th scope="col" className="num">
                  National measures
                </th>
                <th scope="col" className="num">
                  States notified complete
                </th>
                <th scope="col" className="num">
                  Assessed correspondences
                </th>
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
        {instrumentCount > perInstrument.length ? (
          <p>
            The first {perInstrument.length} of {instrumentCount} instruments by adoption date; <Link href="/instruments">all instruments</Link>.
          </p>
        ) : null}
      </details>

      <h2 id="states-heading">Member States</h2>
      <details className="reference-list">
        <summary>Show the {perState.length} Member States, past and present, with their measures and notifications</summary>
        <div className="table-scroll">
          <table aria-labelledby="states-heading" className="nowrap-cells">
            <thead>
              <tr>
                <th scope="col">Member State</th>
                <th scope="col">Code</th>
                <th scope="col">Member since</th>
                <th scope="col" className="num">
                  National measures
                </th>
                <th scope="col" className="num">
                  Notifications
                </th>
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
      </details>
    </>
  );
}
