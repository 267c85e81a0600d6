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

  it("holds the six instruments by CELEX, with their repeals", () => {
    expect(seed.instruments.map((i) => i.celex).sort()).toEqual(["31990L0388", "31995L0046", "31997L0033", "31997L0066", "31998L0010", "31999L0093"]);
    expect(seed.instruments.find((i) => i.celex === "31995L0046")).toMatchObject({ adoptionDate: "1995-10-24", ojReference: expect.stringContaining("L 281"), repealedBy: "32016R0679" });
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
    expect(seed.states.map((s) => s.code).sort()).toEqual(["AT", "BE", "DE", "DK", "EL", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PT", "SE", "UK"]);
    for (const { data } of seed.states) {
      expect(data.measures.length).toBeGreaterThan(0);
      for (const m of data.measures) expect(m.source.url ?? m.source.document).toBeTruthy();
    }
    const lu = seed.states.find((s) => s.code === "LU")!.data;
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
