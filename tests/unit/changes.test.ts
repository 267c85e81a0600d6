import { describe, expect, it } from "vitest";
import { changeLines, changePath, changeScope, changeTitle, feedHref, normaliseRecord, publicChange, publicRecord } from "@/lib/changes";
import { changesQuery } from "@/lib/validation/changes";
import { formatDate, formatTimestamp } from "@/lib/format";
import { translator } from "../support/intl";

const event = (over: Partial<Parameters<typeof publicChange>[0]>) => ({
  id: 9,
  at: "2026-12-07T03:00:00.000Z",
  action: "update",
  entity: "transposition",
  recordId: "5",
  before: null,
  after: null,
  ...over,
});

describe("the public view of an audit event", () => {
  it("keeps only public fields: never the assessor, the version or internal ids", () => {
    const record = {
      stateCode: "FR",
      provision: "31995L0046 article 17",
      status: "full",
      assessorName: "editor@example.eu",
      assessorId: 3,
      assessedAt: "x",
      version: 4,
      id: 5,
    };
    expect(publicRecord("transposition", record)).toEqual({ stateCode: "FR", provision: "31995L0046 article 17", status: "full" });
    const change = publicChange(event({ before: record, after: { ...record, status: "partial", assessorName: "other@example.eu", version: 5 } }))!;
    expect(change.changes).toEqual([{ field: "status", before: "full", after: "partial" }]);
    expect(JSON.stringify(change)).not.toContain("example.eu");
  });

  it("reads the seed's shape as the writers'", () => {
    expect(
      normaliseRecord({
        state: "AT",
        provision: { instrument: "31995L0046", kind: "article", number: "17" },
        measures: ["k"],
        source: { url: "u", title: "t", method: "m", verification: "verified" },
      }),
    ).toEqual({
      stateCode: "AT",
      provision: "31995L0046 article 17",
      measureKeys: ["k"],
      sourceUrl: "u",
      sourceTitle: "t",
      sourceMethod: "m",
      verification: "verified",
    });
    expect(
      normaliseRecord({
        stages: [
          { stage: "referral", date: "2010-12-22", note: "n" },
          { stage: "judgment", date: "2012-10-16" },
        ],
      }),
    ).toEqual({
      stages: ["2010-12-22 referral", "2012-10-16 judgment"],
    });
    expect(normaliseRecord({ instrument: "31995L0046", relation: "repealed_by", by: "32016R0679", from: "2018-05-25" })).toEqual({
      instrument: "31995L0046",
      relation: "repealed_by",
      successor: "32016R0679",
      fromDate: "2018-05-25",
    });
  });

  it("is no public change for accounts, tokens, submissions, exports or sign-ins", () => {
    for (const entity of ["user", "api_token", "submission", "export", "session", "source", "member_state"])
      expect(publicChange(event({ entity, action: "create", after: { email: "a@example.eu" } })), entity).toBeNull();
    for (const action of ["auth.sign_in", "export", "submission.approve"])
      expect(publicChange(event({ action, after: { stateCode: "FR" } })), action).toBeNull();
  });

  it("names, links and scopes a change", () => {
    const created = publicChange(
      event({ entity: "national_measure", action: "create", after: { key: "fr-loi", stateCode: "FR", instruments: ["31995L0046", "32002L0058"] } }),
    )!;
    expect(changeTitle({ ...created, name: "Loi (fr-loi)" }, translator())).toBe("New national measure: Loi (fr-loi)");
    expect(changePath(created)).toBe("/measures/fr-loi");
    expect(changeScope(created)).toEqual({ stateCode: "FR", celex: ["31995L0046", "32002L0058"] });
    const deleted = publicChange(event({ entity: "notification", action: "delete", before: { stateCode: "DE", instrument: "31995L0046" } }))!;
    expect(changeTitle({ ...deleted, name: "95/46/EC — notification — Germany" }, translator())).toBe("Removed: 95/46/EC — notification — Germany");
    expect(changePath(deleted)).toBe("/changes#change-9");
    const t = publicChange(
      event({
        before: { stateCode: "FR", provision: "31995L0046 article 17", status: "full", note: "" },
        after: { stateCode: "FR", provision: "31995L0046 article 17", status: "partial", note: "new" },
      }),
    )!;
    expect(changePath(t)).toBe("/member-states/FR/instruments/31995L0046");
    expect(changeLines(t, (f) => f.toUpperCase(), translator())).toEqual(["STATUS: full → partial", "NOTE: new"]);
  });

  it("builds the feed's address from its filters", () => {
    expect(feedHref({})).toBe("/feeds/changes.atom");
    expect(feedHref({ state: "FR", instrument: "31995L0046" })).toBe("/feeds/changes.atom?state=FR&instrument=31995L0046");
  });
});

describe("the changes query", () => {
  it("accepts a day, a state, an instrument and a page, and refuses anything else", () => {
    expect(changesQuery.parse({ since: "2026-12-01", state: "FR", instrument: "31995L0046", before: "120" })).toEqual({
      since: "2026-12-01",
      state: "FR",
      instrument: "31995L0046",
      before: 120,
    });
    expect(changesQuery.parse({ since: "", state: "" })).toEqual({});
    for (const bad of [
      { since: "2026-02-30" },
      { since: "yesterday" },
      { state: "France" },
      { instrument: "95/46" },
      { before: "-1" },
      { before: "1e400" },
      { other: "1" },
    ])
      expect(changesQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe("dates of changes", () => {
  it("writes times in UTC and days as ISO in English, by Intl otherwise", () => {
    expect(formatTimestamp("2026-12-07T03:04:05.678Z")).toBe("2026-12-07 03:04 UTC");
    expect(formatTimestamp("2026-12-07T03:04:05")).toBe("2026-12-07 03:04 UTC");
    expect(formatTimestamp("2026-12-07T03:04:05Z", "fr")).toBe("07/12/2026 03:04 UTC");
    expect(formatTimestamp("2026-12-07T03:04:05Z", "de")).toBe("07.12.2026, 03:04 UTC");
    expect(formatDate("2026-06-30")).toBe("2026-06-30");
    expect(formatDate("2026-06-30", "fr")).toBe("30/06/2026");
    expect(formatDate("2026-06-30", "de")).toBe("30.06.2026");
  });
});
