import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSeed, SEED_DIR, SeedError } from "@/seed/read";

/** A copy of the real seed directory that a test may break. */
function seedCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "nis-seed-")), "data");
  cpSync(SEED_DIR, dir, { recursive: true });
  return dir;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break arbitrary fields of raw JSON
function editJson(path: string, edit: (json: any) => void) {
  const json = JSON.parse(readFileSync(path, "utf8"));
  edit(json);
  writeFileSync(path, JSON.stringify(json));
}

function seedErrorOf(dir: string): SeedError {
  try {
    readSeed(dir);
  } catch (error) {
    if (error instanceof SeedError) return error;
    throw error;
  }
  throw new Error("readSeed accepted a broken seed");
}

describe("the real seed", () => {
  const seed = readSeed();

  it("holds all 28 states that have been members, with the UK's exit date and EU codes", () => {
    expect(seed.memberStates).toHaveLength(28);
    const uk = seed.memberStates.find((s) => s.code === "UK");
    expect(uk).toMatchObject({ accessionDate: "1973-01-01", exitDate: "2020-01-31" });
    expect(seed.memberStates.find((s) => s.code === "EL")?.name).toBe("Greece");
    expect(seed.memberStates.some((s) => s.code === "GB" || s.code === "GR")).toBe(false);
    expect(seed.memberStates.filter((s) => s.exitDate)).toHaveLength(1);
  });

  it("holds the six 2001 instruments and their successors by CELEX, with their repeals", () => {
    expect(seed.instruments.map((i) => i.celex).sort()).toEqual([
      // COM(2001)298's six
      "31990L0388",
      "31995L0046",
      "31997L0033",
      "31997L0066",
      "31998L0010",
      "31999L0093",
      // their successors to today
      "32002L0019",
      "32002L0021",
      "32002L0022",
      "32002L0058",
      "32002L0077",
      "32009L0136",
      "32009L0140",
      "32014R0910",
      "32016L1148",
      "32016R0679",
      "32018L1972",
      "32022L2555",
      "32024R1183",
    ]);
    expect(seed.instruments.find((i) => i.celex === "31995L0046")).toMatchObject({
      adoptionDate: "1995-10-24",
      ojReference: expect.stringContaining("L 281"),
      repealedBy: "32016R0679",
    });
    expect(seed.instruments.find((i) => i.celex === "31997L0066")).toMatchObject({ repealedBy: "32002L0058" });
    expect(seed.instruments.find((i) => i.celex === "32016L1148")).toMatchObject({ repealedBy: "32022L2555" });
    // Every repeal names an instrument in the seed.
    const celexes = new Set(seed.instruments.map((i) => i.celex));
    for (const i of seed.instruments) if (i.repealedBy) expect(celexes, `${i.celex} repealed by ${i.repealedBy}`).toContain(i.repealedBy);
  });

  it("holds every article of 95/46/EC, 97/66/EC and 1999/93/EC with the annexes", () => {
    const numbers = (celex: string, kind: string) => seed.provisions.filter((p) => p.instrument === celex && p.kind === kind).map((p) => p.number);
    expect(numbers("31995L0046", "article")).toEqual(Array.from({ length: 34 }, (_, i) => String(i + 1)));
    expect(numbers("31997L0066", "article")).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(numbers("31999L0093", "article")).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
    expect(numbers("31999L0093", "annex")).toEqual(["I", "II", "III", "IV"]);
    expect(seed.provisions.find((p) => p.instrument === "31995L0046" && p.number === "17")?.heading).toBe("Security of processing");
  });

  it("maps obligations to provisions and security properties", () => {
    const art17 = seed.obligations.filter((o) => o.provisions.some((p) => p.instrument === "31995L0046" && p.number === "17"));
    expect(art17.length).toBeGreaterThan(0);
    expect(seed.obligations.every((o) => o.securityProperties.length > 0)).toBe(true);
  });

  it("has a state file for each of the 15 states that were members in 2001, each fact with a source", () => {
    const eu15 = ["AT", "BE", "DE", "DK", "EL", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PT", "SE", "UK"];
    const fileName = (file: string) => file.replace(/^.*\//, "");
    // The 2001 instruments: one `<CODE>.json` for each of the EU-15.
    const files2001 = seed.states.filter((s) => fileName(s.file) === `${s.code}.json`);
    expect(files2001.map((s) => s.code).sort()).toEqual(eu15);
    // Today's instruments: one `<CODE>.today.json` for each of the 27 Member States and the UK.
    const filesToday = seed.states.filter((s) => fileName(s.file) === `${s.code}.today.json`);
    expect(filesToday.map((s) => s.code).sort()).toEqual(seed.memberStates.map((s) => s.code).sort());
    expect(filesToday).toHaveLength(28);
    // No other kind of state file.
    expect(seed.states).toHaveLength(files2001.length + filesToday.length);
    for (const { data } of files2001) expect(data.measures.length).toBeGreaterThan(0);
    for (const { file, data } of seed.states) {
      for (const m of data.measures) expect(m.source.url ?? m.source.document, `${file} ${m.key}`).toBeTruthy();
      for (const fact of [...data.notifications, ...data.infringements, ...data.transpositions])
        expect(fact.source.url ?? fact.source.document, file).toBeTruthy();
    }
    const lu = seed.states.find((s) => s.code === "LU" && fileName(s.file) === "LU.json")!.data;
    expect(lu.infringements.map((f) => f.courtCase)).toContain("C-450/00");
  });
});

describe("a bad seed file", () => {
  it("names the file, the record and the field of a bad date", () => {
    const dir = seedCopy();
    editJson(join(dir, "states", "DE.json"), (j) => (j.measures[0].adoptedOn = "18.05.2001"));
    const error = seedErrorOf(dir);
    expect(error.file).toMatch(/states\/DE\.json$/);
    expect(error.record).toContain("measures[0]");
    expect(error.record).toContain("de-bdsg-2001");
    expect(error.field).toBe("adoptedOn");
    expect(error.message).toMatch(/ISO date/);
    rmSync(dir, { recursive: true });
  });

  it("refuses an impossible calendar date", () => {
    const dir = seedCopy();
    editJson(join(dir, "member-states.json"), (j) => (j[0].accessionDate = "1958-02-30"));
    const error = seedErrorOf(dir);
    expect(error.file).toMatch(/member-states\.json$/);
    expect(error.field).toBe("accessionDate");
  });

  it("refuses a transposition of a provision the instrument does not have", () => {
    const dir = seedCopy();
    editJson(join(dir, "states", "DE.json"), (j) => (j.transpositions[0].provision.number = "99"));
    const error = seedErrorOf(dir);
    expect(error.record).toContain("transpositions[0]");
    expect(error.field).toBe("provision");
    expect(error.reason).toMatch(/unknown provision 31995L0046 article 99/);
  });

  it("refuses a link that is not http(s)", () => {
    const dir = seedCopy();
    editJson(join(dir, "states", "UK.json"), (j) => (j.measures[0].url = "javascript:alert(1)"));
    expect(seedErrorOf(dir).field).toBe("url");
  });

  it("refuses unknown fields (no mass assignment through the seed)", () => {
    const dir = seedCopy();
    editJson(join(dir, "instruments.json"), (j) => (j[0].version = 7));
    expect(seedErrorOf(dir).message).toMatch(/version|Unrecognized/i);
  });

  it("refuses duplicate natural keys", () => {
    const dir = seedCopy();
    editJson(join(dir, "member-states.json"), (j) => j.push(j[0]));
    expect(seedErrorOf(dir).reason).toMatch(/duplicates/);
  });

  it("reports invalid JSON and a missing file in one line", () => {
    const dir = seedCopy();
    writeFileSync(join(dir, "obligations.json"), "[{");
    expect(seedErrorOf(dir).message).toMatch(/obligations\.json: file: is not valid JSON/);
    rmSync(join(dir, "instruments.json"));
    expect(seedErrorOf(dir).message).toMatch(/instruments\.json: file: is missing/);
  });
});
