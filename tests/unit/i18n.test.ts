import { describe, expect, it } from "vitest";
import { localizedPath, splitLocale } from "@/lib/i18n";
import { formatDate, memberStateName } from "@/lib/format";
import { formatPartialDate } from "@/lib/partial-date";

describe("the language in the URL", () => {
  it("takes a known prefix off, and leaves an unknown one or none", () => {
    expect(splitLocale("/fr/measures")).toEqual({ locale: "fr", pathname: "/measures", prefixed: true });
    expect(splitLocale("/de")).toEqual({ locale: "de", pathname: "/", prefixed: true });
    expect(splitLocale("/en/x")).toEqual({ locale: "en", pathname: "/x", prefixed: true });
    expect(splitLocale("/measures")).toEqual({ locale: "en", pathname: "/measures", prefixed: false });
    // Two letters that are not a language of the interface (a state code, say) are a path.
    expect(splitLocale("/it/x")).toEqual({ locale: "en", pathname: "/it/x", prefixed: false });
    expect(splitLocale("/french")).toEqual({ locale: "en", pathname: "/french", prefixed: false });
  });

  it("puts a language on a path, keeping its query and fragment, English unprefixed", () => {
    expect(localizedPath("fr", "/measures?state=FR&page=2")).toBe("/fr/measures?state=FR&page=2");
    expect(localizedPath("de", "/")).toBe("/de");
    expect(localizedPath("de", "/?as_of=2001-06-06")).toBe("/de?as_of=2001-06-06");
    expect(localizedPath("fr", "/charts#chart-timeline")).toBe("/fr/charts#chart-timeline");
    expect(localizedPath("en", "/fr/measures?x=1")).toBe("/measures?x=1");
    expect(localizedPath("de", "/fr/measures")).toBe("/de/measures");
    // Not a same-site path: left alone.
    expect(localizedPath("fr", "https://eur-lex.europa.eu/x")).toBe("https://eur-lex.europa.eu/x");
    expect(localizedPath("fr", "//evil.example/x")).toBe("//evil.example/x");
  });
});

describe("dates and names by language", () => {
  it("writes a calendar date as the language does; English keeps ISO", () => {
    expect(formatDate("2004-08-06")).toBe("2004-08-06");
    expect(formatDate("2004-08-06", "fr")).toBe("06/08/2004");
    expect(formatDate("2004-08-06", "de")).toBe("06.08.2004");
    expect(formatDate("not a date", "fr")).toBe("not a date");
    expect(formatPartialDate("1999-12-01", "month", "de")).toBe("Dezember 1999");
    expect(formatPartialDate("1999-12-13", "day", "fr")).toBe("13/12/1999");
  });

  it("names a Member State in the language, with the EU's own codes for Greece and the United Kingdom", () => {
    expect(memberStateName("DE", "Germany")).toBe("Germany");
    expect(memberStateName("DE", "Germany", "fr")).toBe("Allemagne");
    expect(memberStateName("EL", "Greece", "de")).toBe("Griechenland");
    expect(memberStateName("UK", "United Kingdom", "fr")).toBe("Royaume-Uni");
  });
});
