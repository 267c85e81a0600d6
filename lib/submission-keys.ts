/**
 * Measures drafted in a submission can be cited by the submission's other
 * changes: a transposition entry lists measure keys, a notification names
 * its principal measure by key. These pure functions say which keys a
 * submission introduces, which keys stay unresolved, and in what order the
 * changes apply so that a measure exists before an entry cites it.
 */
import type { EditableEntity } from "./policy";
import { recordName } from "./record-names";

/** The payload field by which each kind of record cites measures. */
export const CITING_FIELD: Partial<Record<EditableEntity, "measureKeys" | "principalMeasureKey">> = {
  transposition: "measureKeys",
  notification: "principalMeasureKey",
};

/** What these rules need of a change (a parsed change, a stored one or a draft's). */
export interface KeyedChange {
  entity: EditableEntity | string;
  operation: "create" | "update" | "delete";
  payload?: Record<string, unknown> | null;
}

export interface CitedKey {
  /** The payload field that cites it: `measureKeys` or `principalMeasureKey`. */
  field: string;
  key: string;
}

export interface UnresolvedKey extends CitedKey {
  /** Index of the citing change in the submission. */
  index: number;
  message: string;
}

/** The measure key a change brings into being: a new measure's key, or an updated measure's (possibly new) key. */
export function introducedKey(change: KeyedChange): string | null {
  if (change.entity !== "national_measure" || change.operation === "delete") return null;
  const key = change.payload?.key;
  return typeof key === "string" && key ? key : null;
}

/** The measure keys a change cites. */
export function citedKeys(change: KeyedChange): CitedKey[] {
  if (change.operation === "delete" || !change.payload) return [];
  if (change.entity === "transposition") {
    const keys = change.payload.measureKeys;
    return Array.isArray(keys) ? keys.flatMap((key) => (typeof key === "string" ? [{ field: "measureKeys", key }] : [])) : [];
  }
  if (change.entity === "notification") {
    const key = change.payload.principalMeasureKey;
    return typeof key === "string" && key ? [{ field: "principalMeasureKey", key }] : [];
  }
  return [];
}

/** The keys the submission's own measures introduce for `stateCode` (a measure of another state introduces nothing). */
export function draftedKeys(changes: readonly KeyedChange[], stateCode: string): Set<string> {
  const keys = new Set<string>();
  for (const change of changes) {
    const key = introducedKey(change);
    if (key && change.payload?.stateCode === stateCode) keys.add(key);
  }
  return keys;
}

/**
 * Every cited key that is neither a measure of the state already (`existing`,
 * looked up with the state in the WHERE) nor introduced by a measure of the
 * same state in this submission — in the order of the changes.
 */
export function unresolvedKeys(changes: readonly KeyedChange[], stateCode: string, existing: ReadonlySet<string>): UnresolvedKey[] {
  const drafted = draftedKeys(changes, stateCode);
  return changes.flatMap((change, index) =>
    citedKeys(change)
      .filter(({ key }) => !existing.has(key) && !drafted.has(key))
      .map(({ field, key }) => ({
        index,
        field,
        key,
        message: `Change ${index + 1}: no measure of ${stateCode} has the key ${key}, and no change in this submission creates it.`,
      })),
  );
}

/**
 * The order the changes apply in: as drafted, except that a measure drafted
 * after a change citing its key moves just before the first such change.
 * Returns indexes into `changes`.
 */
export function applicationOrder(changes: readonly KeyedChange[]): number[] {
  const introducer = new Map<string, number>();
  changes.forEach((change, index) => {
    const key = introducedKey(change);
    if (key && !introducer.has(key)) introducer.set(key, index);
  });
  const order: number[] = [];
  const placed = new Set<number>();
  const place = (index: number) => {
    if (placed.has(index)) return;
    placed.add(index);
    order.push(index);
  };
  changes.forEach((change, index) => {
    for (const { key } of citedKeys(change)) {
      const source = introducer.get(key);
      if (source !== undefined && source > index) place(source);
    }
    place(index);
  });
  return order;
}

/** The measures drafted in the submission, as options of a citing field (the key as entered in the draft). */
export function draftedMeasureOptions(changes: readonly KeyedChange[], stateCode: string): { value: string; label: string }[] {
  const seen = new Set<string>();
  return changes.flatMap((change) => {
    const key = introducedKey(change);
    if (!key || change.payload?.stateCode !== stateCode || seen.has(key)) return [];
    seen.add(key);
    const title = typeof change.payload?.titleOriginal === "string" ? change.payload.titleOriginal : null;
    return [
      {
        value: key,
        label: `${recordName({ entity: "national_measure", title, key })} — ${change.operation === "create" ? "new, in this draft" : "as updated in this draft"}`,
      },
    ];
  });
}
