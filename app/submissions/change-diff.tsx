/** A proposed change as a before/after table against the record as it is now. Text is rendered as text. */
import { useTranslations } from "next-intl";
import type { FieldSpec } from "@/app/components/forms/entity-form";
import type { ChangeReview } from "@/db/queries/submissions";

function show(value: unknown, yesNo: [string, string], field?: FieldSpec): string {
  if (value == null || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map((v) => show(v, yesNo, field)).join(", ") : "—";
  if (typeof value === "boolean") return value ? yesNo[0] : yesNo[1];
  const option = field?.options?.find((o) => o.value === String(value));
  return option ? option.label : String(value);
}

export function ChangeDiff({ review, index, label, fields }: { review: ChangeReview; index: number; label: string; fields: FieldSpec[] }) {
  const t = useTranslations("review");
  const yesNo: [string, string] = [t("yes"), t("no")];
  const { change, current, conflict } = review;
  const proposed = change.operation === "delete" ? null : (change.payload as Record<string, unknown>);
  const title = t("changeTitle", { number: index + 1, label });
  const headingId = `change-${change.id}`;
  const rows = fields.map((f) => {
    const before = current ? show(current[f.name], yesNo, f) : "—";
    const after = proposed ? show(proposed[f.name], yesNo, f) : "—";
    return { field: f, before, after, changed: change.operation === "update" ? before !== after : true };
  });
  return (
    <section aria-labelledby={headingId} className="provision">
      <h3 id={headingId}>{title}</h3>
      <p className="muted">
        {change.recordId ? t("draftedAgainst", { id: change.recordId, version: String(change.baseVersion) }) : t("newRecord")}
        {current ? ` ${t("nowAtVersion", { version: current.version })}` : null}
      </p>
      {conflict ? (
        <p className="conflict" role="note">
          <strong>{t("conflict")}</strong>{" "}
          {conflict.kind === "gone" ? t("conflictGone") : t("conflictChanged", { from: String(change.baseVersion), to: conflict.currentVersion })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t("diffCaption", { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("field")}</th>
              <th scope="col">{change.operation === "create" ? t("currentNone") : t("current")}</th>
              <th scope="col">{change.operation === "delete" ? t("proposedDeleted") : t("proposed")}</th>
              <th scope="col">{t("changedColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {(change.operation === "update" ? [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)] : rows).map((r) => (
              <tr key={r.field.name}>
                <th scope="row">{r.field.label}</th>
                <td>{r.changed && change.operation === "update" ? <del>{r.before}</del> : r.before}</td>
                <td>{r.changed && change.operation === "update" ? <ins>{r.after}</ins> : r.after}</td>
                <td>{r.changed ? <strong>{t("changed")}</strong> : <span className="muted">{t("same")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
