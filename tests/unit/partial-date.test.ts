import { describe, expect, it } from "vitest";
import { formatPartialDate, toPartialDateText, toStoredDate } from "@/lib/partial-date";

describe("dates as precise as their source", () => {
  it("stores a month or a year as the last day of its period", () => {
    expect(toStoredDate("1999-12")).toEqual({ date: "1999-12-31", precision: "month" });
    expect(toStoredDate("2000-02")).toEqual({ date: "2000-02-29", precision: "month" });
    expect(toStoredDate("2001-02")).toEqual({ date: "2001-02-28", precision: "month" });
    expect(toStoredDate("2001")).toEqual({ date: "2001-12-31", precision: "year" });
    expect(toStoredDate("2001-06-06")).toEqual({ date: "2001-06-06", precision: null });
    expect(toStoredDate("2001-13")).toBeNull();
    expect(toStoredDate("June 2001")).toBeNull();
  });

  it("reads back as written and shows as a reader expects", () => {
    expect(toPartialDateText("1999-12-31", "month")).toBe("1999-12");
    expect(toPartialDateText("1999-12-31", "year")).toBe("1999");
    expect(toPartialDateText("1999-12-31", null)).toBe("1999-12-31");
    expect(formatPartialDate("1999-12-31", "month")).toBe("December 1999");
    expect(formatPartialDate("1999-12-31", "year")).toBe("1999");
    expect(formatPartialDate("1999-12-13", null)).toBe("1999-12-13");
    expect(formatPartialDate(null, "month")).toBeNull();
  });
});
