/**
 * Times the browse-table and search queries on a synthetic scale database
 * (default 300,000 measures and 3,000,000 correspondences; BENCH_SCALE=0.1 for a
 * tenth). Synthetic rows are marked is_synthetic and the file lives in a temp
 * directory, never the default database. Run: npx tsx bench/browse.ts
 */
import { obligationsSpec } from "@/db/tables/obligations";
import { provisionsSpec } from "@/db/tables/provisions";
import { transpositionsSpec } from "@/db/tables/transpositions";
import { measuresSpec } from "@/db/tables/measures";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { listMeasures } from "../db/queries/measures";
import { listTranspositions } from "../db/queries/transpositions";
import { listProvisions } from "../db/queries/provisions";
import { listObligations } from "../db/queries/obligations";
import { searchInventory } from "../db/queries/search";
import { compareStates } from "../db/queries/compare";
import { resolveAsOf } from "../lib/as-of";
import { parseTableQuery, type RawSearchParams, type TableSpec } from "../lib/table-state";
import { loadSeed } from "../seed/load";
import { readSeed } from "../seed/read";

const scale = Number(process.env.BENCH_SCALE ?? 1);
const STATES = 30;
const INSTRUMENTS = Math.round(2000 * scale);
const PROVISIONS_PER = 50;
const MEASURES = Math.round(300_000 * scale);
const TRANSPOSITIONS = Math.round(3_000_000 * scale);

const handle = openDatabase(join(mkdtempSync(join(tmpdir(), "nis-bench-")), "bench.sqlite"));
migrateDatabase(handle);
loadSeed(handle, readSeed());
const s = handle.sqlite;
s.pragma("synchronous = OFF");
const t0 = performance.now();
const words = ["Datenschutz", "données", "protection", "signature", "Προστασία", "telecom", "security", "Gesetz", "loi", "decreto", "privacy", "network"];
s.transaction(() => {
  const sourceId = (s.prepare("select id from sources limit 1").get() as { id: number }).id;
  const codes = (s.prepare("select code from member_states order by code").all() as { code: string }[]).map((r) => r.code);
  for (let extra = 0; codes.length < STATES; extra++) {
    const code = `Z${String.fromCharCode(65 + extra)}`;
    s.prepare("insert into member_states (code, name, accession_date, source_id) values (?, ?, '2004-05-01', ?)").run(
      code,
      `Synthetic state ${code}`,
      sourceId,
    );
    codes.push(code);
  }
  const insI = s.prepare(
    "insert into instruments (celex, type, short_name, title, adoption_date, oj_reference, source_id, verification) values (?, 'directive', ?, ?, ?, 'OJ synthetic', ?, 'unverified')",
  );
  const insP = s.prepare(
    "insert into provisions (instrument_id, kind, number, position, heading, summary, requires_transposition, security_relevant, source_id, verification) values (?, 'article', ?, ?, ?, ?, 1, 0, ?, 'unverified')",
  );
  const provisionIds: number[] = [];
  const instrumentIds: number[] = [];
  for (let i = 0; i < INSTRUMENTS; i++) {
    const id = Number(
      insI.run(
        `3${String(1000 + (i % 9000)).padStart(4, "0")}L${String(i).padStart(4, "0")}`,
        `S${i}`,
        `Synthetic directive ${i} on ${words[i % words.length]}`,
        `19${70 + (i % 30)}-01-01`,
        sourceId,
      ).lastInsertRowid,
    );
    instrumentIds.push(id);
    for (let p = 1; p <= PROVISIONS_PER; p++)
      provisionIds.push(
        Number(
          insP.run(
            id,
            String(p),
            p,
            `Article ${p} ${words[(i + p) % words.length]}`,
            `Synthetic summary about ${words[(i * p) % words.length]} and obligations`,
            sourceId,
          ).lastInsertRowid,
        ),
      );
  }
  const insM = s.prepare(
    "insert into national_measures (key, state_code, title_original, title_english, title_english_is_working_translation, language, type, adopted_on, in_force_on, status, source_id, verification, is_synthetic) values (?, ?, ?, ?, 1, 'xx', 'act', ?, ?, 'in_force', ?, 'unverified', 1)",
  );
  const insMI = s.prepare("insert or ignore into measure_instruments (measure_id, instrument_id) values (?, ?)");
  const measureIds: number[] = [];
  for (let i = 0; i < MEASURES; i++) {
    const day = `${1990 + (i % 30)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const id = Number(
      insM.run(
        `syn-${i}`,
        codes[i % codes.length],
        `Synthetic ${words[i % words.length]}gesetz Nr. ${i}`,
        `Synthetic act ${i} on ${words[(i + 3) % words.length]}`,
        day,
        day,
        sourceId,
      ).lastInsertRowid,
    );
    measureIds.push(id);
    insMI.run(id, instrumentIds[i % instrumentIds.length]);
  }
  const insT = s.prepare(
    "insert or ignore into transpositions (state_code, provision_id, status, national_provision, verification, is_synthetic) values (?, ?, ?, ?, 'unverified', 1)",
  );
  const insTM = s.prepare("insert or ignore into transposition_measures (transposition_id, measure_id) values (?, ?)");
  const statuses = ["full", "partial", "not_transposed", "unknown", "non_conforming"];
  for (let i = 0; i < TRANSPOSITIONS; i++) {
    const r = insT.run(
      codes[i % codes.length],
      provisionIds[Math.floor(i / codes.length) % provisionIds.length],
      statuses[i % statuses.length],
      `§ ${i % 100}`,
    );
    if (r.changes && i % 3 === 0) insTM.run(r.lastInsertRowid, measureIds[i % measureIds.length]);
  }
})();
s.exec("analyze");
console.log(
  `generated ${MEASURES} measures, ${TRANSPOSITIONS} correspondences, ${INSTRUMENTS * PROVISIONS_PER} provisions in ${Math.round(performance.now() - t0)} ms`,
);

function median(fn: () => unknown, runs = 15): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    fn();
    times.push(performance.now() - a);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)]!;
}

const today = resolveAsOf(undefined);
function q<Row>(spec: TableSpec<Row>, raw: RawSearchParams) {
  return parseTableQuery(spec, raw);
}
const cases: [string, () => unknown][] = [
  ["measures default", () => listMeasures(handle.db, q(measuresSpec, {}).query, today)],
  [
    "measures DE+FR, 95/46, sort adopted",
    () => listMeasures(handle.db, q(measuresSpec, { state: ["DE", "FR"], instrument: "31995L0046", sort: "adopted_on" }).query, today),
  ],
  ["measures q=datenschutz", () => listMeasures(handle.db, q(measuresSpec, { q: "datenschutz" }).query, today)],
  [
    "measures as of 2001-06-06 page 100",
    () => {
      const p = q(measuresSpec, { as_of: "2001-06-06", page: "100" });
      return listMeasures(handle.db, p.query, p.asOf);
    },
  ],
  ["transpositions default", () => listTranspositions(handle.db, q(transpositionsSpec, {}).query, today)],
  ["transpositions state=DE status=full", () => listTranspositions(handle.db, q(transpositionsSpec, { state: "DE", status: "full" }).query, today)],
  ["provisions default", () => listProvisions(handle.db, q(provisionsSpec, {}).query, today)],
  ["obligations default", () => listObligations(handle.db, q(obligationsSpec, {}).query, today)],
  ["search datenschutz", () => searchInventory(handle.db, { q: "datenschutz", kind: null, asOf: today, page: 1, pageSize: 20 })],
  ["search données", () => searchInventory(handle.db, { q: "données", kind: null, asOf: today, page: 1, pageSize: 20 })],
  [
    "search données personnelles (stems, near)",
    () => searchInventory(handle.db, { q: "données personnelles", kind: null, asOf: today, page: 1, pageSize: 20 }),
  ],
  ["compare DE FR 95/46", () => compareStates(handle.db, ["DE", "FR"], "31995L0046", today)],
];
for (const [name, fn] of cases) console.log(`${name.padEnd(40)} median ${median(fn).toFixed(1)} ms`);
handle.sqlite.close();
