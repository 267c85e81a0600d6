/**
 * "As of" views: the inventory as it stood on a chosen date (`as_of=YYYY-MM-DD`,
 * default today, UTC). The rules (summarised to users by AS_OF_SUMMARY next to
 * every as-of control):
 *
 * - A national measure counts when it existed by then and had not been repealed
 *   by then: its earliest known date (adopted, else published, else in force) is
 *   on or before the date, and `repealed_on` is null (not known to be repealed)
 *   or after the date. A measure with no date at all is known to exist now but
 *   not since when, so it counts only in views of today or later.
 * - A notification counts when `notified_on` is on or before the date. A
 *   notification whose date is not recorded counts only in views of today or
 *   later; past views say how many were left out for that reason.
 * - A Member State counts when it was a member on the date (accession on or
 *   before, exit null or after).
 * - An instrument counts when it was adopted by then; its provisions and the
 *   obligations they impose follow it.
 * - A correspondence (transposition row) counts when its provision's instrument
 *   counts and, if it cites national measures, at least one of them counts.
 *   Its status is the current assessment: the inventory does not yet keep
 *   earlier assessments apart from the audit trail.
 *
 * The same rules as SQL conditions are in db/as-of.ts.
 */
import { z } from "zod";
import type { ParamNotice, ParamReason } from "./param-notices";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date between 1950 (before the first Community act) and 2100. */
export const isoDate = z
  .string()
  .trim()
  .refine(isIsoDate, { message: "must be a date written YYYY-MM-DD" })
  .refine((v) => v >= "1950-01-01" && v <= "2100-12-31", { message: "must be between 1950-01-01 and 2100-12-31" });

/** Why `isoDate` refused a value: not a date at all, or a date out of its bounds. */
export function dateReason(value: unknown): ParamReason {
  return typeof value === "string" && isIsoDate(value.trim()) ? { code: "dateBounds" } : { code: "isoDate" };
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface AsOf {
  /** The date the view is computed for. */
  date: string;
  /** True when no date was asked for (or it is today): links then leave `as_of` out. */
  isToday: boolean;
  /** Set when the requested value was unusable; the view falls back to today. Worded by lib/param-notices.ts. */
  notice: Extract<ParamNotice, { code: "asOfInvalid" }> | null;
}

export function resolveAsOf(raw: unknown, now: Date = new Date()): AsOf {
  const today = todayIso(now);
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === null || value === "") return { date: today, isToday: true, notice: null };
  const parsed = isoDate.safeParse(value);
  if (!parsed.success) return { date: today, isToday: true, notice: { code: "asOfInvalid", today, reason: dateReason(value) } };
  return { date: parsed.data, isToday: parsed.data === today, notice: null };
}

/** `as_of` for links: omitted when the view is today's, so default links stay short. */
export function asOfQuery(asOf: AsOf): Record<string, string> {
  return asOf.isToday ? {} : { as_of: asOf.date };
}

/** Appends `as_of` to an internal path when the view is not today's. */
export function withAsOf(path: string, asOf: AsOf): string {
  if (asOf.isToday) return path;
  const [base = "", hash] = path.split("#");
  const sep = base.includes("?") ? "&" : "?";
  return `${base}${sep}as_of=${asOf.date}${hash ? `#${hash}` : ""}`;
}

/** True when undated records (measures, notifications) count: views of today or later. */
export function undatedCount(asOf: AsOf, now: Date = new Date()): boolean {
  return asOf.date >= todayIso(now);
}

/** Pure forms of the same rules, for records already loaded. */
export const asOfRules = {
  measure(
    m: { adoptedOn: string | null; publishedOn: string | null; inForceOn: string | null; repealedOn: string | null },
    asOf: AsOf,
    now = new Date(),
  ): boolean {
    const known = m.adoptedOn ?? m.publishedOn ?? m.inForceOn;
    const existed = known === null ? undatedCount(asOf, now) : known <= asOf.date;
    return existed && (m.repealedOn === null || m.repealedOn > asOf.date);
  },
  notification(n: { notifiedOn: string | null }, asOf: AsOf, now = new Date()): boolean {
    return n.notifiedOn === null ? undatedCount(asOf, now) : n.notifiedOn <= asOf.date;
  },
  member(s: { accessionDate: string; exitDate: string | null }, asOf: AsOf): boolean {
    return s.accessionDate <= asOf.date && (s.exitDate === null || s.exitDate > asOf.date);
  },
  instrument(i: { adoptionDate: string }, asOf: AsOf): boolean {
    return i.adoptionDate <= asOf.date;
  },
};

export const AS_OF_SUMMARY =
  "Measures count once adopted (or published or in force) and until repealed; notifications once notified. Records without a date count only from today.";
