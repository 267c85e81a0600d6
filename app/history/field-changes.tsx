import type { FieldChange } from "@/lib/diff";
import { useTranslations } from "next-intl";
import { WordChange } from "./word-change";

/** A version's changed fields, by their labels, each with only its changed words struck out and inserted (history, restore). */
export function FieldChanges({
  changes,
  fieldLabel,
  caption,
  hideCaption = false,
  columns,
}: {
  changes: FieldChange[];
  fieldLabel: (field: string) => string;
  caption: string;
  hideCaption?: boolean;
  columns: { before: string; after: string };
}) {
  const t = useTranslations("history");
  return (
    <div className="table-scroll">
      <table className="field-changes">
        <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("field")}</th>
            <th scope="col">{columns.before}</th>
            <th scope="col">{columns.after}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{fieldLabel(c.field)}</th>
              <WordChange before={c.before} after={c.after} empty={t("empty")} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
