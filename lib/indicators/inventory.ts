/**
 * The plain input of every indicator: the inventory as loaded on one day
 * (`takenOn`), with only the fields the indicators read. It is built from the
 * database by `loadInventorySnapshot` (db/queries/inventory-snapshot.ts) and,
 * in tests, by hand — nothing here knows about drizzle or SQLite.
 *
 * Dates are ISO `YYYY-MM-DD` strings throughout: they compare correctly as
 * strings and come straight from the database.
 */
import type {
  infringementStages,
  infringementTypes,
  notificationStatuses,
  provisionKinds,
  securityProperties,
  transpositionRelations,
  TranspositionStatus,
} from "../vocabulary";

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

export type NotificationStatus = (typeof notificationStatuses)[number];
export type TranspositionRelation = (typeof transpositionRelations)[number];
export type SecurityProperty = (typeof securityProperties)[number];
export type InfringementType = (typeof infringementTypes)[number];
export type InfringementStage = (typeof infringementStages)[number];
export type ProvisionKind = (typeof provisionKinds)[number];
export type { TranspositionStatus };

export interface SnapshotMemberState {
  code: string;
  name: string;
  /** First day of membership. */
  accessionDate: IsoDate;
  /** First day the state is no longer a member (the UK: 2020-01-31, as lib/as-of.ts reads it); null while a member. */
  exitDate: IsoDate | null;
}

export interface SnapshotInstrument {
  id: number;
  celex: string;
  shortName: string;
  adoptionDate: IsoDate;
  /** The general transposition deadline; null for acts that need no transposition. */
  transpositionDeadline: IsoDate | null;
  /** CELEX of the repealing act, which need not be in the inventory. */
  repealedBy: string | null;
  /** First day the instrument no longer applies ("repealed with effect from"). */
  repealedFrom: IsoDate | null;
}

export interface SnapshotProvision {
  id: number;
  instrumentId: number;
  kind: ProvisionKind;
  number: string;
  /** Document order within the instrument. */
  position: number;
  requiresTransposition: boolean;
  /** Set only where the provision's deadline differs from its instrument's. */
  deadline: IsoDate | null;
}

export interface SnapshotObligation {
  id: number;
  key: string;
  securityProperties: SecurityProperty[];
  /** The provisions imposing it (provision ↔ obligation is many-to-many). */
  provisionIds: number[];
}

/** The dates of the measure a notification flags as the state's principal one for the instrument. */
export interface SnapshotPrincipalMeasure {
  /** The date the measure itself was notified to the Commission, when recorded. */
  notifiedOn: IsoDate | null;
  inForceOn: IsoDate | null;
  adoptedOn: IsoDate | null;
  publishedOn: IsoDate | null;
}

/** Member State × instrument: what the state notified to the Commission. */
export interface SnapshotNotification {
  stateCode: string;
  instrumentId: number;
  status: NotificationStatus;
  /** Null when the inventory does not record the date (many seed records). */
  notifiedOn: IsoDate | null;
  /** The principal measure's dates; null when no principal measure is flagged. An undated `complete` notification is dated from them (transposition-deficit.ts). */
  principalMeasure: SnapshotPrincipalMeasure | null;
}

/** The dates of a national measure cited by a correspondence, enough to tell whether it existed on a date. */
export interface SnapshotMeasureDates {
  /** Earliest known date: adopted, else published, else in force; null when none is recorded. */
  knownFrom: IsoDate | null;
  repealedOn: IsoDate | null;
}

/** Member State × provision: one row of the correspondence table. A missing row means `unknown`. */
export interface SnapshotTransposition {
  id: number;
  stateCode: string;
  provisionId: number;
  status: TranspositionStatus;
  relation: TranspositionRelation | null;
  /** The national measures the row cites; empty when it cites none. */
  measures: SnapshotMeasureDates[];
}

export interface SnapshotInfringementStage {
  stage: InfringementStage;
  /** Null when the inventory knows the stage happened but not when. */
  date: IsoDate | null;
}

export interface SnapshotInfringement {
  id: number;
  stateCode: string;
  instrumentId: number;
  type: InfringementType;
  procedureNumber: string | null;
  courtCase: string | null;
  /** In recorded order. */
  stages: SnapshotInfringementStage[];
}

export interface InventorySnapshot {
  /**
   * The day the snapshot was read. Undated facts (a notification, a stage or
   * a measure without a date) are known to be true on this day but not since
   * when, so they count only for as-of dates on or after it — the rule of
   * lib/as-of.ts, applied to the indicators.
   */
  takenOn: IsoDate;
  memberStates: SnapshotMemberState[];
  instruments: SnapshotInstrument[];
  provisions: SnapshotProvision[];
  obligations: SnapshotObligation[];
  notifications: SnapshotNotification[];
  transpositions: SnapshotTransposition[];
  infringements: SnapshotInfringement[];
}

/** The correspondence row of a state × provision, if one is recorded. */
export function transpositionOf(index: SnapshotIndex, stateCode: string, provisionId: number): SnapshotTransposition | undefined {
  return index.transpositionsByState.get(stateCode)?.get(provisionId);
}

/** Lookups built once per snapshot; the indicators are called many times on the same one (dashboard, map slider). */
export interface SnapshotIndex {
  instrumentsById: Map<number, SnapshotInstrument>;
  provisionsById: Map<number, SnapshotProvision>;
  /** In document order. */
  provisionsByInstrument: Map<number, SnapshotProvision[]>;
  notificationByStateInstrument: Map<string, SnapshotNotification>;
  /** State → provision id → correspondence row: number keys, no string built per lookup (millions of lookups at scale). */
  transpositionsByState: Map<string, Map<number, SnapshotTransposition>>;
  infringementsByState: Map<string, SnapshotInfringement[]>;
}

const indexCache = new WeakMap<InventorySnapshot, SnapshotIndex>();

export function pairKey(stateCode: string, id: number): string {
  return `${stateCode}|${id}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The snapshot's lookups, memoised on the snapshot object: a snapshot is
 * treated as immutable once built, so mutate a copy rather than the original.
 */
export function indexSnapshot(snapshot: InventorySnapshot): SnapshotIndex {
  const cached = indexCache.get(snapshot);
  if (cached) return cached;
  const provisionsByInstrument = new Map<number, SnapshotProvision[]>();
  for (const p of snapshot.provisions) push(provisionsByInstrument, p.instrumentId, p);
  for (const list of provisionsByInstrument.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const transpositionsByState = new Map<string, Map<number, SnapshotTransposition>>();
  for (const t of snapshot.transpositions) {
    const own = transpositionsByState.get(t.stateCode);
    if (own) own.set(t.provisionId, t);
    else transpositionsByState.set(t.stateCode, new Map([[t.provisionId, t]]));
  }
  const infringementsByState = new Map<string, SnapshotInfringement[]>();
  for (const f of snapshot.infringements) push(infringementsByState, f.stateCode, f);
  const index: SnapshotIndex = {
    instrumentsById: new Map(snapshot.instruments.map((i) => [i.id, i])),
    provisionsById: new Map(snapshot.provisions.map((p) => [p.id, p])),
    provisionsByInstrument,
    notificationByStateInstrument: new Map(snapshot.notifications.map((n) => [pairKey(n.stateCode, n.instrumentId), n])),
    transpositionsByState,
    infringementsByState,
  };
  indexCache.set(snapshot, index);
  return index;
}

const restricted = new WeakMap<InventorySnapshot, Map<string, InventorySnapshot>>();

/**
 * The snapshot narrowed to some instruments (a collection, lib/collections.ts):
 * their provisions, notifications, infringements and correspondences, and the
 * obligations reduced to those provisions. Kept per snapshot and set of ids,
 * so the narrowed snapshot's index and the figures computed on it are reused.
 */
export function restrictSnapshot(snapshot: InventorySnapshot, instrumentIds: readonly number[]): InventorySnapshot {
  const key = [...instrumentIds].sort((a, b) => a - b).join(",");
  let byKey = restricted.get(snapshot);
  if (!byKey) restricted.set(snapshot, (byKey = new Map()));
  const kept = byKey.get(key);
  if (kept) return kept;
  const ids = new Set(instrumentIds);
  const provisions = snapshot.provisions.filter((p) => ids.has(p.instrumentId));
  const provisionIds = new Set(provisions.map((p) => p.id));
  const narrowed: InventorySnapshot = {
    takenOn: snapshot.takenOn,
    memberStates: snapshot.memberStates,
    instruments: snapshot.instruments.filter((i) => ids.has(i.id)),
    provisions,
    obligations: snapshot.obligations
      .map((o) => ({ ...o, provisionIds: o.provisionIds.filter((id) => provisionIds.has(id)) }))
      .filter((o) => o.provisionIds.length > 0),
    notifications: snapshot.notifications.filter((n) => ids.has(n.instrumentId)),
    transpositions: snapshot.transpositions.filter((t) => provisionIds.has(t.provisionId)),
    infringements: snapshot.infringements.filter((f) => ids.has(f.instrumentId)),
  };
  if (byKey.size >= 16) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, narrowed);
  return narrowed;
}
