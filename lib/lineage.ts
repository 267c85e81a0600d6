/**
 * The lines of law as a graph: an edge says an instrument was repealed,
 * amended or replaced by a later one from a date. Pure functions over plain
 * rows, so the rules can be tested without a database:
 * - an edge that would close a cycle is refused (law only moves forward);
 * - a relation cannot take effect before either instrument was adopted;
 * - an instrument never succeeds itself, and a pair holds one edge per relation.
 */
import type { LineageRelation } from "./vocabulary";

export interface LineageInstrument {
  id: number;
  celex: string;
  shortName: string;
  adoptionDate: string;
}

export interface LineageEdge {
  instrumentId: number;
  relation: LineageRelation;
  successorId: number;
  /** The day the relation takes effect; null when not recorded. */
  fromDate: string | null;
}

/** Successor ids of each instrument, whatever the relation. */
function successorsOf(edges: readonly LineageEdge[]): Map<number, number[]> {
  const next = new Map<number, number[]>();
  for (const e of edges) next.set(e.instrumentId, [...(next.get(e.instrumentId) ?? []), e.successorId]);
  return next;
}

/** A path of ids from `from` to `to` along the edges, or null. */
function pathBetween(from: number, to: number, next: Map<number, number[]>): number[] | null {
  const cameFrom = new Map<number, number>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(cameFrom.get(path[0]!)!);
      return path;
    }
    for (const n of next.get(id) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      cameFrom.set(n, id);
      queue.push(n);
    }
  }
  return null;
}

export interface LineageRefusal {
  field: "successor" | "fromDate" | "relation";
  message: string;
}

/** Why `edge` cannot be added to `existing`, or null when it can. Messages name the instruments, for the form. */
export function refuseLineageEdge(edge: LineageEdge, instruments: readonly LineageInstrument[], existing: readonly LineageEdge[]): LineageRefusal | null {
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const earlier = byId.get(edge.instrumentId);
  const later = byId.get(edge.successorId);
  if (!earlier || !later) return { field: "successor", message: "Both instruments must be in the inventory." };
  if (edge.instrumentId === edge.successorId) return { field: "successor", message: `${earlier.shortName} cannot succeed itself.` };
  if (existing.some((e) => e.instrumentId === edge.instrumentId && e.successorId === edge.successorId && e.relation === edge.relation))
    return { field: "relation", message: `${earlier.shortName} is already recorded as ${edge.relation.replace("_", " ")} ${later.shortName}.` };
  const back = pathBetween(edge.successorId, edge.instrumentId, successorsOf(existing));
  if (back) {
    const names = [edge.instrumentId, ...back].map((id) => byId.get(id)?.shortName ?? String(id));
    return { field: "successor", message: `This would make a cycle: ${names.join(" → ")}. A line of law only moves forward.` };
  }
  if (edge.fromDate !== null) {
    if (edge.fromDate < earlier.adoptionDate)
      return {
        field: "fromDate",
        message: `${edge.fromDate} is before ${earlier.shortName} was adopted (${earlier.adoptionDate}): a relation cannot take effect before the instrument exists.`,
      };
    if (edge.fromDate < later.adoptionDate)
      return {
        field: "fromDate",
        message: `${edge.fromDate} is before ${later.shortName} was adopted (${later.adoptionDate}): it cannot repeal, amend or replace anything before it exists.`,
      };
  }
  return null;
}

/** Every instrument reachable forward from the roots (the roots included): the instruments of one line of law. */
export function descendantsOf(rootIds: readonly number[], edges: readonly LineageEdge[]): Set<number> {
  const next = successorsOf(edges);
  const found = new Set(rootIds);
  const queue = [...rootIds];
  while (queue.length > 0) {
    for (const n of next.get(queue.shift()!) ?? []) {
      if (found.has(n)) continue;
      found.add(n);
      queue.push(n);
    }
  }
  return found;
}

/** Every instrument the given one descends from by lineage (itself excluded). */
export function ancestorsOf(instrumentId: number, edges: readonly LineageEdge[]): Set<number> {
  const reversed = edges.map((e) => ({ ...e, instrumentId: e.successorId, successorId: e.instrumentId }));
  const found = descendantsOf([instrumentId], reversed);
  found.delete(instrumentId);
  return found;
}

/**
 * The chain an instrument belongs to, from the oldest instrument it descends
 * from to the latest that descends from it, in order of adoption: what its
 * page shows "from 1990 to today". Side branches of its ancestors (another
 * act the same amending act also amended) are not part of it.
 */
export function chainThrough<T extends LineageInstrument>(instrumentId: number, instruments: readonly T[], edges: readonly LineageEdge[]): T[] {
  const members = new Set([...ancestorsOf(instrumentId, edges), ...descendantsOf([instrumentId], edges)]);
  return instruments.filter((i) => members.has(i.id)).sort((a, b) => a.adoptionDate.localeCompare(b.adoptionDate) || a.celex.localeCompare(b.celex));
}
