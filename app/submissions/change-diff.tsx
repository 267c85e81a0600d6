/** A proposed change as a before/after table against the record as it is now. Text is rendered as text. */
import type { FieldSpec } from "@/app/components/forms/entity-form";
import type { ChangeReview } from "@/db/queries/submissions";

function show(value: unknown, field?: FieldSpec): string {
  if (value == null || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map((v) => show(v, field)).join(", ") : "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const option = field?.options?.find((o) => o.value === String(value));
  return option ? option.label : String(value);
}

export function ChangeDiff({ review, index, label, fields }: { review: ChangeReview; index: number; label: string; fields: FieldSpec[] }) {
  const { change, current, conflict } = review;
  const proposed = change.operation === "delete" ? null : (change.payload as Record<string, unknown>);
  const title = `Change ${index + 1}. ${label}`;
  const headingId = `change-${change.id}`;
  const rows = fields.map((f) => {
    const before = current ? show(current[f.name], f) : "—";
    const after = proposed ? show(proposed[f.name], f) : "—";
    return { field: f, before, after, changed: change.operation === "update" ? before !== after : true };
  });
  return (
    <section aria-labelledby={headingId} className="provision">
      <h3 id={headingId}>{title}</h3>
      <p className="muted">
        {change.recordId ? `Record #${change.recordId}, drafted against version ${change.baseVersion}.` : "A new record."}
        {current ? ` Now at version ${current.version}.` : null}
      </p>
      {conflict ? (
        <p className="conflict" role="note">
          <strong>Conflict:</strong>{" "}
          {conflict.kind === "gone"
            ? "the record no longer exists in this Member State (deleted or moved since the change was drafted)."
            : `the record changed since the change was drafted (version ${change.baseVersion} → ${conflict.currentVersion}). It cannot be approved as it is; request changes so the regulator drafts it again from the current record.`}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{title}: current and proposed values</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{change.operation === "create" ? "Current (none)" : "Current record"}</th>
              <th scope="col">{change.operation === "delete" ? "Proposed (deleted)" : "Proposed"}</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {(change.operation === "update" ? [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)] : rows).map((r) => (
              <tr key={r.field.name}>
                <th scope="row">{r.field.label}</th>
                <td>{r.changed && change.operation === "update" ? <del>{r.before}</del> : r.before}</td>
                <td>{r.changed && change.operation === "update" ? <ins>{r.after}</ins> : r.after}</td>
                <td>{r.changed ? <strong>changed</strong> : <span className="muted">same</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
