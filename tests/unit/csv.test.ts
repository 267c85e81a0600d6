import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvCell, csvFileName, toCsv } from "@/lib/csv";

describe("csvCell", () => {
  it.each(["=SUM(A1:A2)", "+1", "-1+2", "@cmd", "\tTAB", "\rCR", "\nLF"])("neutralises the formula-like text %j with a leading apostrophe", (text) => {
    expect(csvCell(text)).toBe(`'${text}`);
  });
  it("leaves ordinary text alone", () => {
    expect(csvCell("§ 9 BDSG")).toBe("§ 9 BDSG");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("")).toBe("");
  });
  it("keeps numbers as numbers, negative ones included", () => {
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(66.7)).toBe("66.7");
    expect(csvCell(Number.NaN)).toBe("");
  });
  it("writes null and undefined as empty cells and booleans as words", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
});

describe("toCsv", () => {
  it("follows RFC 4180: CRLF records, quotes doubled, fields with commas, quotes or line breaks quoted", () => {
    const csv = toCsv(
      ["name", "note", "n"],
      [
        ["Loi, 2002", 'the "Act"', 3],
        ["two\nlines", null, -2],
      ],
    );
    expect(csv).toBe('name,note,n\r\n"Loi, 2002","the ""Act""",3\r\n"two\nlines",,-2\r\n');
    expect(parse(csv, { relax_column_count: false })).toEqual([
      ["name", "note", "n"],
      ["Loi, 2002", 'the "Act"', "3"],
      ["two\nlines", "", "-2"],
    ]);
  });
  it("neutralises formulas in header and body text and round-trips through a parser", () => {
    const csv = toCsv(["=evil"], [['=HYPERLINK("http://x")'], ["-3"], [-3]]);
    expect(parse(csv)).toEqual([["'=evil"], ['\'=HYPERLINK("http://x")'], ["'-3"], ["-3"]]);
  });
});

describe("csvFileName", () => {
  it("builds a safe name on the server", () => {
    expect(csvFileName("chart", "deficit", "2002-06-01")).toBe("chart_deficit_2002-06-01.csv");
    expect(csvFileName('a/b"c\r\n', "")).toBe("a-b-c.csv");
    expect(csvFileName("")).toBe("export.csv");
  });
});

describe("csvField", () => {
  it("is csvCell quoted as RFC 4180 needs, as csv-stringify writes it", async () => {
    const { csvField } = await import("@/lib/csv");
    const values = [
      "=SUM(A1)",
      "+1",
      "-x",
      "@cmd",
      "\tx",
      "\rx",
      "\nx",
      'a "b"',
      "a,b",
      "a\r\nb",
      "",
      "plain",
      "Νόμος",
      -5,
      3.5,
      0,
      Number.NaN,
      true,
      false,
      null,
      undefined,
    ];
    for (const v of values) {
      const expected = toCsv(["h"], [[v]]).slice(3, -2);
      expect(csvField(v), JSON.stringify(v)).toBe(expected);
    }
  });
});
