import { Link } from "@/app/i18n/navigation";
import type { InfringementRow } from "@/db/queries/member-states";
import { withAsOf, type AsOf } from "@/lib/as-of";
import { useTranslations } from "next-intl";
import { useLabel } from "@/app/i18n/vocabulary";
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
  const t = useTranslations("infringements");
  const label = useLabel();
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{instrument ? t("captionUnder", { state: stateName, instrument }) : t("caption", { state: stateName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("instrument")}</th>
            <th scope="col">{t("type")}</th>
            <th scope="col">{t("case")}</th>
            <th scope="col">{t("stages")}</th>
            <th scope="col">{t("outcome")}</th>
            <th scope="col">{t("verification")}</th>
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
                {f.courtCase ?? <span className="muted">{t("noCase")}</span>}
                {f.procedureNumber ? <div className="muted">{t("procedure", { number: f.procedureNumber })}</div> : null}
              </td>
              <td>
                <ul className="tags" aria-label={t("stages")}>
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
