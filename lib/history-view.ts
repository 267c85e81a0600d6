/**
 * What a record's history shows to whom. Staff (audit.view) see every event
 * as recorded: who acted, through which submission, with its message.
 * Researchers and regulators see what changed, when, and the reason given —
 * not staff identities, not which submission (another state's regulator's
 * message and number), and not the assessor fields the open data leaves out.
 */
import type { FieldChange } from "./diff";

export interface HistoryEvent {
  actorLabel: string;
  submissionId: number | null;
  reason: string | null;
}

export interface EventView {
  /** Who acted, as the viewer may see it. */
  who: string;
  /** The submission the change came through, for staff only. */
  submissionId: number | null;
  /** Set when the change came through a submission and the viewer may not see which. */
  throughSubmission: boolean;
  reason: string | null;
}

/** Fields of a record's versions that name the staff member behind them. */
export const STAFF_ONLY_FIELDS: ReadonlySet<string> = new Set(["assessorId", "assessorName"]);

/** An approval's reason carries the submission's number and message (db/writes/submissions.ts). */
const SUBMISSION_REASON = /^Submission #\d+:/;

/** How the history names actors a non-staff viewer may not see; the page passes them in its language. */
export interface HistoryWords {
  seed: string;
  staff: string;
}

const ENGLISH: HistoryWords = { seed: "the inventory's initial data", staff: "Commission staff" };

export function eventView(event: HistoryEvent, seesIdentities: boolean, words: HistoryWords = ENGLISH): EventView {
  if (seesIdentities) return { who: event.actorLabel, submissionId: event.submissionId, throughSubmission: false, reason: event.reason };
  return {
    who: event.actorLabel === "seed" ? words.seed : words.staff,
    submissionId: null,
    throughSubmission: event.submissionId !== null,
    reason: event.reason !== null && SUBMISSION_REASON.test(event.reason) ? null : event.reason,
  };
}

/** The changes a viewer may see: staff see all; others not the assessor fields. */
export function visibleChanges(changes: FieldChange[], seesIdentities: boolean): FieldChange[] {
  return seesIdentities ? changes : changes.filter((c) => !STAFF_ONLY_FIELDS.has(c.field));
}
