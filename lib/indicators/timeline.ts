/**
 * Calendar arithmetic on ISO dates and the "as of" rules the indicators share.
 * All arithmetic is in UTC days, so no time zone or daylight-saving change
 * can move a date.
 */
import type { InventorySnapshot, IsoDate, SnapshotMeasureDates, SnapshotMemberState, SnapshotInstrument } from "./inventory";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The average Gregorian month (365.2425 / 12 days): months are reported as days ÷ this, not rounded. */
export const DAYS_PER_MONTH = 365.2425 / 12;

/** Parsed dates: the indicators compare the same few thousand deadlines and as-of dates millions of times at scale. */
const parsedDates = new Map<IsoDate, number>();
const PARSED_DATES_KEPT = 100_000;

function toUtcMs(date: IsoDate): number {
  const known = parsedDates.get(date);
  if (known !== undefined) return known;
  const ms = parseUtcMs(date);
  if (parsedDates.size >= PARSED_DATES_KEPT) parsedDates.clear();
  parsedDates.set(date, ms);
  return ms;
}

function parseUtcMs(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return ms;
}

/** Throws a RangeError unless `date` is a real calendar date written YYYY-MM-DD. */
export function assertIsoDate(date: IsoDate): IsoDate {
  toUtcMs(date);
  return date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** Months from `from` to `to` as days ÷ DAYS_PER_MONTH. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) / DAYS_PER_MONTH;
}

/** The same day `months` calendar months later (or earlier), clamped to the month's end: 2000-08-31 − 6 months = 2000-02-29. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const match = ISO_DATE.exec(assertIsoDate(date))!;
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1 + months;
  const day = Number(match[3]);
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Member on `asOf`: accession on or before it, exit null or after it (the rule of lib/as-of.ts). */
export function isMemberOn(state: SnapshotMemberState, asOf: IsoDate): boolean {
  return state.accessionDate <= asOf && (state.exitDate === null || state.exitDate > asOf);
}

/** Adopted on or before `asOf` and not yet repealed: `repealedFrom` is the first day it no longer applies. */
/**
 * The first day an instrument is no longer in force: its recorded repeal date;
 * or, when a repealing act is recorded without a date, that act's adoption —
 * the repeal cannot have taken effect before it, and an instrument whose
 * repeal is known is not left in force for ever (90/388/EEC, repealed by
 * 2002/77/EC on a date no source gave). Null while nothing repeals it.
 */
export function repealEffectiveFrom(
  instrument: { repealedFrom: IsoDate | null; repealedBy: string | null },
  adoptionOf: (celex: string) => IsoDate | undefined,
): IsoDate | null {
  if (instrument.repealedFrom !== null) return instrument.repealedFrom;
  return instrument.repealedBy === null ? null : (adoptionOf(instrument.repealedBy) ?? null);
}

export function isInForceOn(instrument: Pick<SnapshotInstrument, "adoptionDate" | "repealedFrom">, asOf: IsoDate): boolean {
  return instrument.adoptionDate <= asOf && (instrument.repealedFrom === null || asOf < instrument.repealedFrom);
}

/**
 * Whether an event with this date is known to have happened by `asOf`. A
 * dated event: date ≤ asOf. An undated one is known to have happened by the
 * day the snapshot was taken, not since when, so it counts only for as-of
 * dates on or after `takenOn` (never an invented date).
 */
export function hasHappenedBy(date: IsoDate | null, asOf: IsoDate, snapshot: Pick<InventorySnapshot, "takenOn">): boolean {
  return date === null ? asOf >= snapshot.takenOn : date <= asOf;
}

/** A cited national measure existed on `asOf`: known from on or before it (undated: see hasHappenedBy) and not repealed by then. */
export function measureExistsOn(measure: SnapshotMeasureDates, asOf: IsoDate, snapshot: Pick<InventorySnapshot, "takenOn">): boolean {
  return hasHappenedBy(measure.knownFrom, asOf, snapshot) && (measure.repealedOn === null || measure.repealedOn > asOf);
}
