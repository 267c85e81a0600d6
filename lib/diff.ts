/** The fields that differ between two versions of a record, for history and review pages. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const IGNORED = new Set(["version", "updatedAt", "assessedAt"]);

export function displayValue(value: unknown): string {
  if (value == null || value === "") return "";
  // A list is a set of values here (instruments, measures, obligations): its order is no change.
  if (Array.isArray(value))
    return value
      .map(displayValue)
      .filter((v) => v !== "")
      .sort()
      .join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function diffRecords(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (IGNORED.has(field)) continue;
    const b = displayValue(before?.[field]);
    const a = displayValue(after?.[field]);
    if (a !== b) changes.push({ field, before: b, after: a });
  }
  return changes;
}
