/**
 * Whose deadline is when, and which instruments and provisions an indicator
 * counts on a date. The rules, in one place:
 *
 * - A state's deadline for an instrument = the later of the instrument's
 *   transposition deadline and the state's accession date (a state that
 *   joined after the deadline must transpose on accession). An instrument
 *   without a deadline needs no transposition and is never counted.
 * - A state's deadline for a provision = the later of (the provision's own
 *   deadline, else the instrument's) and the accession date: a provision with
 *   a later deadline of its own keeps it. Provision deadlines matter only for
 *   provision-level indicators; the Scoreboard-style ones count instruments
 *   from the instrument's deadline.
 * - A deadline has passed on `asOf` when deadline < asOf: the deadline day
 *   itself is still on time.
 * - Only states that are members on `asOf` are counted (the UK from its exit
 *   date on is left out).
 * - Scoreboard-style indicators count an instrument only while it is in force:
 *   from its repeal date (`repealedFrom`, "with effect from") it stops counting,
 *   as the Scoreboard counts only directives in force.
 * - Provision-level indicators (coverage, harmonisation) keep a repealed
 *   instrument — how its provisions were transposed stays true — but only for
 *   states whose deadline fell before the repeal: a state that joined after the
 *   repeal never had to transpose it.
 */
import type { InventorySnapshot, IsoDate, SnapshotInstrument, SnapshotMemberState, SnapshotProvision } from "./inventory";
import { indexSnapshot } from "./inventory";
import { isInForceOn, isMemberOn, laterOf } from "./timeline";

/** deadline(state, instrument) = max(instrument deadline, accession date); null when the instrument has no deadline. */
export function stateInstrumentDeadline(state: SnapshotMemberState, instrument: SnapshotInstrument): IsoDate | null {
  return instrument.transpositionDeadline === null ? null : laterOf(instrument.transpositionDeadline, state.accessionDate);
}

/** deadline(state, provision) = max(provision deadline ?? instrument deadline, accession date); null when neither has one. */
export function stateProvisionDeadline(state: SnapshotMemberState, provision: SnapshotProvision, instrument: SnapshotInstrument): IsoDate | null {
  const own = provision.deadline ?? instrument.transpositionDeadline;
  return own === null ? null : laterOf(own, state.accessionDate);
}

/** deadline < asOf: a notification on the deadline day is on time. */
export function hasDeadlinePassed(deadline: IsoDate | null, asOf: IsoDate): deadline is IsoDate {
  return deadline !== null && deadline < asOf;
}

/** The state had to transpose the instrument at some point: its deadline fell before the repeal (or there is none). */
export function wasBindingBeforeRepeal(deadline: IsoDate, instrument: SnapshotInstrument): boolean {
  return instrument.repealedFrom === null || deadline < instrument.repealedFrom;
}

export interface DueInstrument {
  instrument: SnapshotInstrument;
  /** The state's own deadline for it. */
  deadline: IsoDate;
}

/**
 * The instruments a Scoreboard-style indicator counts for a state on `asOf`:
 * state a member on asOf, instrument in force on asOf, state's deadline < asOf.
 * Empty for a state that is not a member on asOf.
 */
export function instrumentsDueForState(snapshot: InventorySnapshot, state: SnapshotMemberState, asOf: IsoDate): DueInstrument[] {
  if (!isMemberOn(state, asOf)) return [];
  const due: DueInstrument[] = [];
  for (const instrument of snapshot.instruments) {
    const deadline = stateInstrumentDeadline(state, instrument);
    if (hasDeadlinePassed(deadline, asOf) && isInForceOn(instrument, asOf)) due.push({ instrument, deadline });
  }
  return due;
}

export interface DueProvision {
  provision: SnapshotProvision;
  deadline: IsoDate;
}

export interface ProvisionScope {
  instrument: SnapshotInstrument;
  isRepealedOnAsOf: boolean;
  /** Provisions requiring transposition whose deadline for the state has passed. */
  due: DueProvision[];
  /** Provisions requiring transposition whose deadline for the state is still ahead (or that have none). */
  notYetDueCount: number;
}

/**
 * The provisions of one instrument a provision-level indicator counts for a
 * state on `asOf`, or null when the pair is out of scope: the state is not a
 * member on asOf, the instrument was not yet adopted, or the state's deadline
 * for it fell on or after the repeal. Provisions that do not require
 * transposition are never counted.
 */
export function provisionScopeForState(
  snapshot: InventorySnapshot,
  state: SnapshotMemberState,
  instrument: SnapshotInstrument,
  asOf: IsoDate,
): ProvisionScope | null {
  if (!isMemberOn(state, asOf) || instrument.adoptionDate > asOf) return null;
  const instrumentDeadline = stateInstrumentDeadline(state, instrument);
  if (instrumentDeadline !== null && !wasBindingBeforeRepeal(instrumentDeadline, instrument)) return null;
  const due: DueProvision[] = [];
  let notYetDueCount = 0;
  for (const provision of indexSnapshot(snapshot).provisionsByInstrument.get(instrument.id) ?? []) {
    if (!provision.requiresTransposition) continue;
    const deadline = stateProvisionDeadline(state, provision, instrument);
    if (hasDeadlinePassed(deadline, asOf) && wasBindingBeforeRepeal(deadline, instrument)) due.push({ provision, deadline });
    else notYetDueCount += 1;
  }
  return { instrument, isRepealedOnAsOf: instrument.repealedFrom !== null && instrument.repealedFrom <= asOf, due, notYetDueCount };
}

/** Member states on asOf, in the snapshot's order. */
export function membersOn(snapshot: InventorySnapshot, asOf: IsoDate): SnapshotMemberState[] {
  return snapshot.memberStates.filter((s) => isMemberOn(s, asOf));
}
