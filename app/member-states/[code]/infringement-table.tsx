import { Link } from "@/app/i18n/navigation";
import type { InfringementRow } from "@/db/queries/member-states";
import { withAsOf, type AsOf } from "@/lib/as-of";
import { label } from "@/lib/vocabulary";
import { DateText } from "@/app/components/date-text";
import { VerificationBadge } from "@/app/components/source-note";

export function InfringementTable({
  stateName,
  infringements,
  asOf,
  instrument,
}: {
  stateName: string;
  infringements: InfringementRow[];
  asOf: AsOf;
  instrument?: string;
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">
          Infringement proceedings against {stateName}
          {instrument ? ` under ${instrument}` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Instrument</th>
            <th scope="col">Type</th>
            <th scope="col">Court case, procedure</th>
            <th scope="col">Stages</th>
            <th scope="col">Outcome</th>
            <th scope="col">Verification</th>
          </tr>
        </thead>
        <tbody>
          {infringements.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                <Link href={withAsOf(`/instruments/${f.celex}`, asOf)}>{f.shortName}</Link>
              </th>
              <td>{label(f.type)}</td>
              <td>
                {f.courtCase ?? <span className="muted">no Court case</span>}
                {f.procedureNumber ? <div className="muted">Procedure {f.procedureNumber}</div> : null}
              </td>
              <td>
                <ul className="tags" aria-label="Stages">
                  {f.stages.map((s, i) => (
                    <li key={i}>
                      {label(s.stage)}: <DateText value={s.date} precision={s.datePrecision} />
                      {s.note ? <span className="muted"> — {s.note}</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{f.outcome ?? <span className="muted">—</span>}</td>
              <td>
                <VerificationBadge state={f.verification} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
