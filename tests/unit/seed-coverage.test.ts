/**
 * What the real seed must hold for the inventory to say something about
 * today and about 2001 (issues "The inventory today" and "Article by
 * article"): a NIS2 status for every Member State, the security provisions of
 * the 2001 instruments assessed for EU-15, a lineage without cycles, and a
 * source with its kind on every fact.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readSeed, type SeedData } from "@/seed/read";
import { refuseLineageEdge, type LineageEdge } from "@/lib/lineage";
import { COM_2001_298_CELEX } from "@/lib/collections";

const NIS2 = "32022L2555";
const EU15 = ["AT", "BE", "DE", "DK", "EL", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PT", "SE", "UK"];

let seed: SeedData;
/** A state's records merged over its files (DE.json, DE.today.json). */
let records: Map<
  string,
  {
    measures: SeedData["states"][number]["data"]["measures"];
    notifications: SeedData["states"][number]["data"]["notifications"];
    infringements: SeedData["states"][number]["data"]["infringements"];
    transpositions: SeedData["states"][number]["data"]["transpositions"];
  }
>;

beforeAll(() => {
  seed = readSeed();
  records = new Map();
  for (const { code, data } of seed.states) {
    const r = records.get(code) ?? { measures: [], notifications: [], infringements: [], transpositions: [] };
    r.measures.push(...data.measures);
    r.notifications.push(...data.notifications);
    r.infringements.push(...data.infringements);
    r.transpositions.push(...data.transpositions);
    records.set(code, r);
  }
});

describe("NIS2 for every Member State", () => {
  it("gives each of the EU-27 either its transposing act or an explicit dated 'none', with a source", () => {
    const eu27 = seed.memberStates.filter((s) => s.exitDate === null).map((s) => s.code);
    expect(eu27).toHaveLength(27);
    for (const code of eu27) {
      const r = records.get(code);
      const notification = r?.notifications.find((n) => n.instrument === NIS2);
      expect(notification, `${code} has no NIS2 status`).toBeDefined();
      expect(notification!.source.url ?? notification!.source.document).toBeTruthy();
      if (notification!.status === "none") {
        expect(notification!.statusAsOf, `${code}: 'none' needs the date it was established`).not.toBeNull();
        expect(notification!.principalMeasure).toBeNull();
      } else {
        const act = r!.measures.find((m) => m.key === notification!.principalMeasure);
        expect(act, `${code}: its NIS2 act`).toBeDefined();
        expect(act!.instruments).toContain(NIS2);
        expect(act!.titleOriginal.length).toBeGreaterThan(5);
      }
    }
  });

  it("records the non-communication proceedings: letters of formal notice of 2024-11-28, reasoned opinions of 2025-05-07", () => {
    const proceedings = [...records.values()].flatMap((r) => r.infringements.filter((f) => f.instrument === NIS2 && f.type === "non_communication"));
    const at = (stage: string, date: string) => proceedings.filter((f) => f.stages.some((s) => s.stage === stage && s.date === date)).length;
    // The Commission's packages: 23 letters (November 2024), 19 reasoned opinions (May 2025).
    expect(at("letter_of_formal_notice", "2024-11-28")).toBe(23);
    expect(at("reasoned_opinion", "2025-05-07")).toBe(19);
    // No reasoned opinion without a letter first.
    for (const f of proceedings)
      if (f.stages.some((s) => s.stage === "reasoned_opinion")) expect(f.stages.some((s) => s.stage === "letter_of_formal_notice")).toBe(true);
  });
});

describe("the rest of today's national picture", () => {
  const statesWith = (celex: string) =>
    [...records.entries()]
      .filter(([, r]) => r.measures.some((m) => m.instruments.includes(celex)) || r.notifications.some((n) => n.instrument === celex))
      .map(([code]) => code);
  const eu27 = () => seed.memberStates.filter((s) => s.exitDate === null).map((s) => s.code);

  it("holds NIS1 for the EU-28, GDPR implementing acts and the EECC's status for the EU-27, and 2002/58/EC acts for the EU-15", () => {
    expect(statesWith("32016L1148").sort()).toEqual(seed.memberStates.map((s) => s.code).sort());
    for (const code of eu27()) {
      expect(statesWith("32016R0679"), `${code} GDPR`).toContain(code);
      expect(statesWith("32018L1972"), `${code} EECC`).toContain(code);
    }
    for (const code of EU15) expect(statesWith("32002L0058"), `${code} 2002/58/EC`).toContain(code);
  });
});

describe("the security provisions of the 2001 instruments, article by article", () => {
  const securityProvisions = () => {
    const keys = new Map<string, { instrument: string; kind: string; number: string }>();
    for (const o of seed.obligations)
      for (const p of o.provisions) if ((COM_2001_298_CELEX as readonly string[]).includes(p.instrument)) keys.set(`${p.instrument}|${p.kind}|${p.number}`, p);
    return [...keys.values()];
  };

  it("has a row for every security provision × EU-15 state", () => {
    const provisions = securityProvisions();
    expect(provisions.length).toBeGreaterThanOrEqual(22);
    for (const code of EU15)
      for (const p of provisions) {
        const row = records
          .get(code)!
          .transpositions.find((t) => t.provision.instrument === p.instrument && t.provision.kind === p.kind && t.provision.number === p.number);
        expect(row, `${code} ${p.instrument} ${p.kind} ${p.number}`).toBeDefined();
        if (row!.status === "unknown") expect(row!.note, `${code} ${p.number}: an unknown row says what was searched`).toBeTruthy();
      }
  });

  it("assesses at least 90% of them, each with a source and the national provision", () => {
    const provisions = securityProvisions();
    let assessed = 0;
    for (const code of EU15)
      for (const p of provisions) {
        const row = records
          .get(code)!
          .transpositions.find((t) => t.provision.instrument === p.instrument && t.provision.kind === p.kind && t.provision.number === p.number)!;
        if (row.status === "unknown") continue;
        assessed++;
        expect(row.source.url ?? row.source.document).toBeTruthy();
        // Nothing to cite where the state transposed nothing or the article binds no one.
        if (row.status !== "not_transposed" && row.status !== "not_applicable")
          expect(row.nationalProvision, `${code} ${p.instrument} ${p.number}`).toBeTruthy();
      }
    expect(assessed / (provisions.length * EU15.length)).toBeGreaterThanOrEqual(0.9);
  });

  it("has the measures that transposed the telecom directives' security articles", () => {
    const telecom = ["31990L0388", "31997L0033", "31998L0010"];
    const statesWithTelecomMeasures = EU15.filter((code) => records.get(code)!.measures.some((m) => m.instruments.some((c) => telecom.includes(c))));
    expect(statesWithTelecomMeasures.length).toBeGreaterThanOrEqual(12);
  });

  it("gives every EU-15 state a 97/66/EC notification, and no repealed measure of theirs an unexplained missing date", () => {
    for (const code of EU15) {
      expect(
        records.get(code)!.notifications.some((n) => n.instrument === "31997L0066"),
        `${code} 97/66/EC`,
      ).toBe(true);
      for (const m of records.get(code)!.measures)
        if (m.status === "repealed" && m.repealedOn === null) expect(m.note, `${m.key}: why no repeal date`).toBeTruthy();
    }
  });
});

describe("the lines of law", () => {
  it("adds every relation without a cycle or a date before adoption, in file order", () => {
    const ids = new Map(seed.instruments.map((i, n) => [i.celex, n + 1]));
    const instruments = seed.instruments.map((i, n) => ({ id: n + 1, celex: i.celex, shortName: i.shortName, adoptionDate: i.adoptionDate }));
    const edges: LineageEdge[] = [];
    for (const l of seed.lineage) {
      const edge: LineageEdge = { instrumentId: ids.get(l.instrument)!, relation: l.relation, successorId: ids.get(l.by)!, fromDate: l.from };
      expect(refuseLineageEdge(edge, instruments, edges), `${l.instrument} ${l.relation} ${l.by}`).toBeNull();
      edges.push(edge);
    }
  });

  it("agrees with each instrument's own repeal", () => {
    for (const i of seed.instruments.filter((x) => x.repealedBy)) {
      const relation = seed.lineage.find((l) => l.instrument === i.celex && l.relation === "repealed_by" && l.by === i.repealedBy);
      expect(relation, `${i.celex} repealed by ${i.repealedBy}`).toBeDefined();
      if (i.repealedFrom && relation!.from) expect(relation!.from).toBe(i.repealedFrom);
    }
  });

  it("leads from each 2001 instrument to an instrument in force today", () => {
    const successorsOf = (celex: string): string[] => seed.lineage.filter((l) => l.instrument === celex).map((l) => l.by);
    const inForce = (celex: string) => !seed.instruments.find((i) => i.celex === celex)!.repealedBy;
    for (const root of COM_2001_298_CELEX) {
      const seen = new Set<string>();
      const queue: string[] = [root];
      while (queue.length) {
        for (const next of successorsOf(queue.shift()!)) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      expect([...seen].some(inForce), `${root} leads to an instrument in force`).toBe(true);
    }
  });
});

describe("sources", () => {
  it("say who published them on every national record", () => {
    for (const { file, data } of seed.states)
      for (const r of [...data.measures, ...data.notifications, ...data.infringements, ...data.transpositions])
        expect(r.source.kind, `${file}: ${JSON.stringify(r.source.title)}`).toBeDefined();
  });

  it("call nothing from commentary verified", () => {
    for (const { file, data } of seed.states)
      for (const r of [...data.measures, ...data.notifications, ...data.infringements, ...data.transpositions])
        if (r.source.kind === "commentary") expect(r.source.verification, `${file}: ${r.source.title}`).toBe("unverified");
  });
});
