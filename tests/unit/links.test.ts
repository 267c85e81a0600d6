import { describe, expect, it } from "vitest";
import { eurLexUrl, isOwnEurLexPage, safeHttpUrl } from "@/lib/links";

describe("safeHttpUrl", () => {
  it("keeps http and https links", () => {
    expect(safeHttpUrl("https://www.gesetze-im-internet.de/bdsg_2018/")).toBe("https://www.gesetze-im-internet.de/bdsg_2018/");
    expect(safeHttpUrl("http://data.europa.eu/eli/dir/1995/46/oj")).toBe("http://data.europa.eu/eli/dir/1995/46/oj");
  });
  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example", "not a url", "", null])(
    "drops %s",
    (value) => {
      expect(safeHttpUrl(value)).toBeNull();
    },
  );
});

describe("eurLexUrl", () => {
  it("builds the EUR-Lex address from a CELEX number", () => {
    expect(eurLexUrl("31995L0046")).toBe("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:31995L0046");
  });
  it("refuses anything that is not a CELEX number", () => {
    expect(() => eurLexUrl("31995L0046&x=<script>")).toThrow();
  });
});

describe("isOwnEurLexPage", () => {
  it("knows the act's own EUR-Lex page, and nothing else, as its primary source", () => {
    expect(isOwnEurLexPage(eurLexUrl("32022L2555"), "32022L2555")).toBe(true);
    expect(isOwnEurLexPage("https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=celex:32022L2555", "32022L2555")).toBe(true);
    expect(isOwnEurLexPage(eurLexUrl("32016L1148"), "32022L2555")).toBe(false);
    expect(isOwnEurLexPage("https://eur-lex.europa.eu.example.com/?uri=CELEX:32022L2555", "32022L2555")).toBe(false);
    expect(isOwnEurLexPage("http://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022L2555", "32022L2555")).toBe(false);
    expect(isOwnEurLexPage("https://www.legislation.gov.uk/eur/2016/679", "32016R0679")).toBe(false);
    expect(isOwnEurLexPage("not a url", "32022L2555")).toBe(false);
    expect(isOwnEurLexPage(null, "32022L2555")).toBe(false);
  });
});
