import { describe, expect, it } from "vitest";
import { ACROSS_STATES_CANDIDATE_LIMIT, pageIdsAcrossStates } from "@/db/queries/table-helpers";
import type { TableQuery } from "@/lib/table-state";

/** Rows of three states, sorted by a key with ties; the fake id query sorts by (key, id) like the tables' ORDER BY. */
const rows = Array.from({ length: 90 }, (_, i) => ({ id: i + 1, state: ["DE", "FR", "EL"][i % 3]!, key: (i * 7) % 10 }));
const calls: { states: string[]; limit: number; offset: number; among?: number[] }[] = [];
function sortedIds(states: string[], limit: number, offset: number, among?: number[]): number[] {
  calls.push({ states, limit, offset, among });
  return rows
    .filter((r) => states.includes(r.state) && (!among || among.includes(r.id)))
    .sort((a, b) => a.key - b.key || a.id - b.id)
    .slice(offset, offset + limit)
    .map((r) => r.id);
}
const query = (state: string[], page: number, pageSize: number) => ({ state, page, pageSize }) as TableQuery;

describe("pageIdsAcrossStates", () => {
  it("gives every page of several states exactly as one sorted query would", () => {
    for (const pageSize of [1, 4, 25])
      for (let page = 1; page <= Math.ceil(60 / pageSize) + 1; page++) {
        const q = query(["DE", "EL"], page, pageSize);
        expect(pageIdsAcrossStates(q, sortedIds), `page ${page} of ${pageSize}`).toEqual(sortedIds(["DE", "EL"], pageSize, (page - 1) * pageSize));
      }
  });

  it("asks each state for its rows up to the page's end, then sorts only those candidates", () => {
    calls.length = 0;
    pageIdsAcrossStates(query(["DE", "FR", "EL"], 2, 5), sortedIds);
    expect(calls.slice(0, 3).map((c) => [c.states, c.limit, c.offset])).toEqual([
      [["DE"], 10, 0],
      [["FR"], 10, 0],
      [["EL"], 10, 0],
    ]);
    expect(calls[3]).toMatchObject({ states: ["DE", "FR", "EL"], limit: 5, offset: 5 });
    expect(calls[3]!.among).toHaveLength(30);
  });

  it("takes the single query for one state, no state, or a page too deep for the candidates", () => {
    for (const q of [query([], 1, 25), query(["DE"], 1, 25), query(["DE", "FR"], Math.ceil(ACROSS_STATES_CANDIDATE_LIMIT / 50) + 1, 25)]) {
      calls.length = 0;
      pageIdsAcrossStates(q, sortedIds);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ states: q.state, limit: 25, offset: (q.page - 1) * 25, among: undefined });
    }
  });
});
