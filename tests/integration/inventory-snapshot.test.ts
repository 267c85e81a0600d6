import { beforeAll, describe, expect, it } from "vitest";
import { loadInventorySnapshot } from "@/db/queries/inventory-snapshot";
import {
  computeInfringementFigures,
  computeScoreboard,
  computeStateTranspositionDeficit,
  computeTranspositionDeficits,
  type InventorySnapshot,
} from "@/lib/indicators";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { freshDatabase } from "../helpers/db";

describe("the inventory snapshot of the real seed", () => {
  let handle: ReturnType<typeof freshDatabase>;
  let snapshot: InventorySnapshot;
  beforeAll(() => {
    handle = freshDatabase();
    loadSeed(handle, readSeed());
    snapshot = loadInventorySnapshot(handle.db, "2026-12-01");
  });
  const instrumentId = (celex: string) => snapshot.instruments.find((i) => i.celex === celex)!.id;
  const stateOf = (code: string) => snapshot.memberStates.find((s) => s.code === code)!;

  it("holds 28 states and every seeded instrument (the 2001 six and their successors) with their provisions and obligations", () => {
    expect(snapshot.takenOn).toBe("2026-12-01");
    expect(snapshot.memberStates).toHaveLength(28);
    expect(snapshot.instruments.map((i) => i.celex).sort()).toEqual(
      readSeed()
        .instruments.map((i) => i.celex)
        .sort(),
    );
    expect(snapshot.provisions.filter((p) => p.instrumentId === instrumentId("31995L0046"))).toHaveLength(34);
    expect(snapshot.provisions.find((p) => p.instrumentId === instrumentId("31997L0066") && p.number === "5")?.deadline).toBe("2000-10-24");
    expect(stateOf("UK").exitDate).toBe("2020-01-31");
    expect(snapshot.obligations.every((o) => o.provisionIds.length > 0)).toBe(true);
  });

  it("reads notifications, correspondences with their measures' dates and infringement stages", () => {
    expect(snapshot.notifications.find((n) => n.stateCode === "NL" && n.instrumentId === instrumentId("31997L0066"))).toEqual({
      stateCode: "NL",
      instrumentId: instrumentId("31997L0066"),
      status: "partial",
      notifiedOn: "1999-01-07",
      // nl-tw-1998, the principal measure: its dates date an undated complete notification.
      principalMeasure: { notifiedOn: "1999-01-07", adoptedOn: "1998-10-19", inForceOn: "1998-12-15", publishedOn: "1998-11-05" },
    });
    const deArticle17 = snapshot.provisions.find((p) => p.instrumentId === instrumentId("31995L0046") && p.number === "17")!;
    // de-bdsg-2001: adopted 2001-05-18, repeal date not recorded.
    expect(snapshot.transpositions.find((t) => t.stateCode === "DE" && t.provisionId === deArticle17.id)).toMatchObject({
      status: "full",
      measures: [{ knownFrom: "2001-05-18", repealedOn: "2018-05-25" }],
    });
    const c450 = snapshot.infringements.find((f) => f.courtCase === "C-450/00")!;
    expect(c450.stages.map((s) => s.stage)).toEqual(["letter_of_formal_notice", "reasoned_opinion", "referral", "judgment"]);
  });

  it("computes the deficit of every member state at every date without throwing", () => {
    for (const asOf of ["1990-01-01", "1999-01-01", "2002-01-01", "2010-06-30", "2020-01-31", "2026-12-01"]) {
      const deficits = computeTranspositionDeficits(snapshot, asOf);
      expect(deficits.length).toBeGreaterThan(0);
      for (const d of deficits) expect(d.deficit === null || (d.deficit >= 0 && d.deficit <= 1)).toBe(true);
      expect(() => computeScoreboard(snapshot, asOf)).not.toThrow();
    }
    expect(computeTranspositionDeficits(snapshot, "2019-06-01")).toHaveLength(28);
    expect(computeTranspositionDeficits(snapshot, "2020-02-01").map((d) => d.stateCode)).not.toContain("UK");
  });

  it("matches hand counts from the seed files on 2002-01-01", () => {
    // All six instruments are in force (repeals 2003 and later) and past their deadlines (latest: 1999/93/EC, 2001-07-19).
    // LU: 95/46 and 1999/93 complete without a date, dated from their principal measures: the Loi du 2 août 2002 (in force 2002-12-01,
    // so not yet transposed) and the Loi du 14 août 2000 (adopted 2000-08-14, no entry into force recorded: transposed, inferred);
    // 97/66 'none'; the telecom three not recorded.
    const lu = computeStateTranspositionDeficit(snapshot, stateOf("LU"), "2002-01-01");
    expect(lu).toMatchObject({
      dueCount: 6,
      assessedCount: 3,
      transposedCount: 1,
      transposedDateInferredCount: 1,
      notTransposedCount: 2,
      notAssessedCount: 3,
      rating: "red",
    });
    expect(lu.deficit).toBeCloseTo(2 / 3, 12);
    expect(lu.instruments.find((c) => c.celex === "31999L0093")?.notification).toMatchObject({
      transposedOn: "2000-08-14",
      dateBasis: "principal_measure_adopted",
      isDateInferred: true,
    });
    // NL: 97/66 notified only partially, on 1999-01-07; 95/46 dated from the WBP's entry into force (2001-09-01); 1999/93 from the
    // Wet elektronische handtekeningen's (2003-05-21), so still missing.
    const nl = computeStateTranspositionDeficit(snapshot, stateOf("NL"), "2002-01-01");
    expect(nl).toMatchObject({ assessedCount: 3, transposedCount: 1, notTransposedCount: 2 });
    expect(nl.deficit).toBeCloseTo(2 / 3, 12);
    // Bulgaria joined in 2007: not a member yet.
    expect(computeTranspositionDeficits(snapshot, "2002-01-01").map((d) => d.stateCode)).not.toContain("BG");
  });

  it("counts undated complete notifications as transposed on the snapshot day when no usable principal-measure date exists", () => {
    const asOfSnapshotDay = loadInventorySnapshot(handle.db, "2002-01-01");
    const lu = computeStateTranspositionDeficit(asOfSnapshotDay, stateOf("LU"), "2002-01-01");
    // 95/46: its principal measure comes into force after the snapshot day, so only the snapshot-day rule is left; 1999/93: inferred.
    expect(lu).toMatchObject({ assessedCount: 3, transposedCount: 2, transposedDateUnknownCount: 1, transposedDateInferredCount: 1, notTransposedCount: 1 });
    expect(lu.deficit).toBeCloseTo(1 / 3, 12);
    expect(computeStateTranspositionDeficit(asOfSnapshotDay, stateOf("DE"), "2002-01-01")).toMatchObject({ deficit: 0, rating: "green" });
  });

  it("shows Luxembourg's C-450/00 open with a judgment in 2002", () => {
    const lu = computeInfringementFigures(snapshot, "2002-01-01").find((s) => s.stateCode === "LU")!;
    // C-450/00 (95/46, judgment 2001-10-04) and C-211/02 (97/66, letter 1999-02-03): neither records a closure.
    expect(lu.openCount).toBe(2);
    expect(lu.proceedings.find((p) => p.courtCase === "C-450/00")).toMatchObject({ isOpen: true, startedOn: "1998-12-18", latestJudgmentOn: "2001-10-04" });
  });
});
