import { describe, expect, it } from "vitest";
import { formatCount, formatDecimal, formatMonthYear, formatShare, formatSigned, LOCALES } from "@/lib/format";

describe("numbers and dates by locale", () => {
  it("keeps the inventory's English forms", () => {
    expect(formatShare(0.16666)).toBe("16.7%");
    expect(formatShare(0)).toBe("0.0%");
    expect(formatDecimal(25.7)).toBe("25.7");
    expect(formatDecimal(1234.56)).toBe("1234.6");
    expect(formatSigned(2)).toBe("+2");
    expect(formatSigned(-1)).toBe("-1");
    expect(formatSigned(-0)).toBe("0");
    expect(formatCount(12345)).toBe("12,345");
    expect(formatMonthYear("1999-12-31")).toBe("December 1999");
  });

  it("writes French and German as their readers do", () => {
    expect(formatDecimal(25.7, 1, "fr")).toBe("25,7");
    expect(formatDecimal(25.7, 1, "de")).toBe("25,7");
    expect(formatShare(0.5, 1, "de")).toMatch(/^50,0\s%$/);
    expect(formatCount(12345, "de")).toBe("12.345");
    expect(formatMonthYear("1999-12-31", "fr")).toBe("décembre 1999");
    expect(formatMonthYear("1999-12-31", "de")).toBe("Dezember 1999");
  });

  it("knows the three interface languages", () => {
    expect([...LOCALES]).toEqual(["en", "fr", "de"]);
  });
});
