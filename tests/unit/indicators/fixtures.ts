/** A small builder for hand-computed inventories: every field has a dull default, tests state only what matters. */
import type {
  InfringementType,
  InventorySnapshot,
  IsoDate,
  NotificationStatus,
  SnapshotInfringement,
  SnapshotInfringementStage,
  SnapshotInstrument,
  SnapshotMeasureDates,
  SnapshotMemberState,
  SnapshotNotification,
  SnapshotObligation,
  SnapshotPrincipalMeasure,
  SnapshotProvision,
  SnapshotTransposition,
  TranspositionRelation,
  TranspositionStatus,
} from "@/lib/indicators";

/** The day the test snapshots are "taken": undated facts count from here on. */
export const TAKEN_ON = "2026-01-01";

export function snapshot(parts: Partial<InventorySnapshot> = {}): InventorySnapshot {
  return {
    takenOn: TAKEN_ON,
    memberStates: [],
    instruments: [],
    provisions: [],
    obligations: [],
    notifications: [],
    transpositions: [],
    infringements: [],
    ...parts,
  };
}

export function state(code: string, accessionDate: IsoDate = "1958-01-01", exitDate: IsoDate | null = null): SnapshotMemberState {
  return { code, name: `State ${code}`, accessionDate, exitDate };
}

export function instrument(id: number, overrides: Partial<SnapshotInstrument> = {}): SnapshotInstrument {
  return {
    id,
    celex: `3200${id}L0001`,
    shortName: `Dir ${id}`,
    adoptionDate: "1995-01-01",
    transpositionDeadline: "2000-01-01",
    repealedBy: null,
    repealedFrom: null,
    ...overrides,
  };
}

export function provision(id: number, instrumentId: number, overrides: Partial<SnapshotProvision> = {}): SnapshotProvision {
  return { id, instrumentId, kind: "article", number: String(id), position: id, requiresTransposition: true, deadline: null, ...overrides };
}

export function notification(
  stateCode: string,
  instrumentId: number,
  status: NotificationStatus,
  notifiedOn: IsoDate | null,
  principalMeasure: Partial<SnapshotPrincipalMeasure> | null = null,
): SnapshotNotification {
  return {
    stateCode,
    instrumentId,
    status,
    notifiedOn,
    principalMeasure: principalMeasure === null ? null : { notifiedOn: null, inForceOn: null, adoptedOn: null, publishedOn: null, ...principalMeasure },
  };
}

let nextTranspositionId = 1;
export function transposition(
  stateCode: string,
  provisionId: number,
  status: TranspositionStatus,
  relation: TranspositionRelation | null = null,
  measures: SnapshotMeasureDates[] = [],
): SnapshotTransposition {
  return { id: nextTranspositionId++, stateCode, provisionId, status, relation, measures };
}

export function obligation(id: number, provisionIds: number[], securityProperties: SnapshotObligation["securityProperties"] = []): SnapshotObligation {
  return { id, key: `obligation-${id}`, provisionIds, securityProperties };
}

export function infringement(
  id: number,
  stateCode: string,
  instrumentId: number,
  type: InfringementType,
  stages: SnapshotInfringementStage[],
  courtCase: string | null = null,
): SnapshotInfringement {
  return { id, stateCode, instrumentId, type, procedureNumber: null, courtCase, stages };
}
