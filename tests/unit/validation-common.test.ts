import { describe, expect, it } from "vitest";
import { formDataToObject, isoDateString, optionalDate, optionalHttpUrl } from "@/lib/validation/common";

describe("dates as the field writes them", () => {
  it.each(["1995-10-24", "2000-02-29"])("accepts %s", (d) => expect(isoDateString.safeParse(d).success).toBe(true));
  it.each(["24.10.1995", "1995-02-30", "2001-02-29", "1995-13-01", "", "yesterday", "1995-1-1"])("refuses %s with a message, never a crash", (d) => {
    const result = isoDateString.safeParse(d);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/YYYY-MM-DD|does not exist/);
  });
  it("reads an empty optional date as no date", () => {
    expect(optionalDate.parse("")).toBeNull();
    expect(optionalDate.parse(undefined)).toBeNull();
  });
});

describe("links", () => {
  it("accepts only http(s)", () => {
    expect(optionalHttpUrl.parse("https://eur-lex.europa.eu/")).toBe("https://eur-lex.europa.eu/");
    expect(optionalHttpUrl.safeParse("javascript:alert(1)").success).toBe(false);
    expect(optionalHttpUrl.safeParse("ftp://x.eu").success).toBe(false);
  });
});

describe("form data", () => {
  it("keeps every value of list fields, one value of the others, and drops Next's action fields", () => {
    const form = new FormData();
    form.append("instruments", "31995L0046");
    form.append("instruments", "31999L0093");
    form.append("note", "a");
    form.append("$ACTION_ID_abc", "");
    expect(formDataToObject(form, ["instruments", "measureKeys"])).toEqual({ instruments: ["31995L0046", "31999L0093"], note: "a", measureKeys: [] });
  });
});

describe("dates as people write them", () => {
  it("reads DD/MM/YYYY as the ISO day, and refuses a day that does not exist", async () => {
    const { optionalDate, optionalPartialDate } = await import("@/lib/validation/common");
    expect(optionalDate.parse("05/10/2001")).toBe("2001-10-05");
    expect(optionalDate.parse("5/1/2001")).toBe("2001-01-05");
    expect(optionalPartialDate.parse("31/12/1999")).toBe("1999-12-31");
    expect(optionalPartialDate.parse("1999-12")).toBe("1999-12");
    expect(optionalDate.safeParse("31/02/2001").success).toBe(false);
    expect(optionalDate.safeParse("31.12.1999").success).toBe(false);
  });
});
