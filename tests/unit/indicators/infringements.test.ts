import { describe, expect, it } from "vitest";
import { computeInfringementFigures, DAYS_PER_MONTH, proceedingOnDate } from "@/lib/indicators";
import { infringement, instrument, snapshot, state, TAKEN_ON } from "./fixtures";

const luxembourg = infringement(
  1,
  "LU",
  1,
  "non_communication",
  [
    { stage: "letter_of_formal_notice", date: "1998-12-18" },
    { stage: "reasoned_opinion", date: "1999-08-26" },
    { stage: "referral", date: "2000-12-07" },
    { stage: "judgment", date: "2001-10-04" },
    { stage: "closed", date: "2003-01-10" },
  ],
  "C-450/00",
);
const undatedOpen = infringement(2, "IE", 1, "non_communication", [{ stage: "referral", date: null }]);
const undatedClosed = infringement(3, "DE", 1, "non_communication", [
  { stage: "referral", date: null },
  { stage: "closed", date: null },
]);
const data = snapshot({
  memberStates: [state("LU"), state("IE", "1973-01-01"), state("DE"), state("UK", "1973-01-01", "2020-01-31")],
  instruments: [instrument(1)],
  infringements: [
    luxembourg,
    undatedOpen,
    undatedClosed,
    infringement(4, "LU", 1, "non_conformity", [{ stage: "letter_of_formal_notice", date: "2002-01-01" }]),
    infringement(5, "UK", 1, "non_conformity", [{ stage: "letter_of_formal_notice", date: "2010-01-01" }]),
  ],
});

describe("a proceeding on a date", () => {
  it("is not started before its first stage", () => {
    expect(proceedingOnDate(data, luxembourg, "1998-12-17")).toMatchObject({ isStarted: false, isOpen: false, durationMonths: null });
  });
  it("is open from its first stage, its duration running to asOf", () => {
    const p = proceedingOnDate(data, luxembourg, "2000-12-18");
    expect(p).toMatchObject({ isOpen: true, startedOn: "1998-12-18", latestStage: "referral", hasJudgment: false, monthsSinceJudgment: null });
    expect(p.durationMonths).toBeCloseTo(731 / DAYS_PER_MONTH, 10);
  });
  it("counts the time since the Court's judgment", () => {
    const p = proceedingOnDate(data, luxembourg, "2002-10-04");
    expect(p).toMatchObject({ isOpen: true, latestJudgmentOn: "2001-10-04", latestStage: "judgment" });
    expect(p.monthsSinceJudgment).toBeCloseTo(365 / DAYS_PER_MONTH, 10);
  });
  it("is closed from its closing stage, its duration fixed", () => {
    const p = proceedingOnDate(data, luxembourg, "2010-01-01");
    expect(p).toMatchObject({ isOpen: false, closedOn: "2003-01-10" });
    expect(p.durationMonths).toBeCloseTo(1484 / DAYS_PER_MONTH, 10);
  });
  it("counts undated stages from the snapshot day on, with no duration", () => {
    expect(proceedingOnDate(data, undatedOpen, "2005-01-01").isStarted).toBe(false);
    expect(proceedingOnDate(data, undatedOpen, TAKEN_ON)).toMatchObject({ isOpen: true, startedOn: null, durationMonths: null });
    expect(proceedingOnDate(data, undatedClosed, TAKEN_ON)).toMatchObject({ isStarted: true, isOpen: false });
  });
});

describe("infringement figures per state", () => {
  it("counts open proceedings by type, the longest duration and the time since the last judgment", () => {
    const lu = computeInfringementFigures(data, "2002-10-04").find((s) => s.stateCode === "LU");
    expect(lu).toMatchObject({ openCount: 2, openByType: { non_communication: 1, non_conformity: 1, bad_application: 0 }, openWithUnknownDurationCount: 0 });
    expect(lu?.longestOpenMonths).toBeCloseTo(1386 / DAYS_PER_MONTH, 10);
    expect(lu?.monthsSinceLatestJudgment).toBeCloseTo(365 / DAYS_PER_MONTH, 10);
  });
  it("reports an open proceeding of unknown start as such", () => {
    const ie = computeInfringementFigures(data, TAKEN_ON).find((s) => s.stateCode === "IE");
    expect(ie).toMatchObject({ openCount: 1, openWithUnknownDurationCount: 1, longestOpenMonths: null, meanOpenMonths: null });
  });
  it("leaves out states that are not members on the date", () => {
    expect(computeInfringementFigures(data, "2021-01-01").map((s) => s.stateCode)).toEqual(["LU", "IE", "DE"]);
    expect(computeInfringementFigures(snapshot(), "2021-01-01")).toEqual([]);
  });
});
