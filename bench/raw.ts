/**
 * The data work each benchmarked page needs, done directly on SQLite with
 * better-sqlite3 (no Next, no React, no drizzle): the same filters, the same
 * "as of" rules (lib/as-of.ts), the same rows. The bench times these beside
 * the HTTP request to show what the page adds on top of the database.
 */
import type Database from "better-sqlite3";

const measureAsOf = (alias: string) =>
  `(coalesce(${alias}.adopted_on, ${alias}.published_on, ${alias}.in_force_on) is null or coalesce(${alias}.adopted_on, ${alias}.published_on, ${alias}.in_force_on) <= @asOf) and (${alias}.repealed_on is null or ${alias}.repealed_on > @asOf)`;
// The correspondence's "as of" window (transpositions.counts_*, migration 0008); the cited measures only when it is not one window.
const transpositionAsOf = `(case when t.counts_by_window then (t.counts_from is null or t.counts_from <= @asOf) and (t.counts_until is null or t.counts_until > @asOf)
  else exists (select 1 from transposition_measures tm1 join national_measures m on m.id = tm1.measure_id where tm1.transposition_id = t.id and ${measureAsOf("m")}) end)`;

export type RawCase = (db: Database.Database) => unknown;

function filterOptions(db: Database.Database, withObligations: boolean) {
  db.prepare("select code, name from member_states order by code").all();
  db.prepare("select celex, short_name from instruments order by adoption_date").all();
  if (withObligations) db.prepare("select key, duty from obligations order by key").all();
}

/** /measures?state=…&instrument=… (default sort: adopted, newest first; 25 a page). */
export function rawMeasures(states: string[], celex: string, asOf: string): RawCase {
  const where = `${measureAsOf("nm")} and nm.state_code in (${states.map(() => "?").join(",")})
    and nm.id in (select mi.measure_id from measure_instruments mi join instruments i on i.id = mi.instrument_id where i.celex = @celex)`;
  return (db) => {
    const params = { asOf, celex };
    db.prepare(`select count(*) n from national_measures nm where ${where}`).get(...states, params);
    const rows = db
      .prepare(
        `select nm.id, nm.key, nm.state_code, ms.name, nm.title_original, nm.title_english, nm.language, nm.type, nm.national_identifier, nm.adopted_on, nm.in_force_on, nm.notified_on, nm.repealed_on, nm.status, nm.verification,
          exists (select 1 from notifications n where n.principal_measure_id = nm.id) as principal
         from national_measures nm join member_states ms on ms.code = nm.state_code where ${where} order by nm.adopted_on desc, nm.id desc limit 25`,
      )
      .all(...states, params) as { id: number }[];
    if (rows.length)
      db.prepare(
        `select mi.measure_id, i.celex, i.short_name from measure_instruments mi join instruments i on i.id = mi.instrument_id where mi.measure_id in (${rows.map(() => "?").join(",")}) order by i.adoption_date`,
      ).all(...rows.map((r) => r.id));
    filterOptions(db, false);
  };
}

/**
 * /transpositions?… (default sort: state, then id; 25 a page). The total is counted as the page counts it: up to
 * 10,001 matching rows (lib's COUNT_CAP + 1), the instrument adoption skipped when every instrument is adopted by the date.
 */
export function rawTranspositions(filter: { states?: string[]; status?: string; celex?: string }, asOf: string): RawCase {
  const states = filter.states ?? [];
  const base: string[] = [];
  if (states.length) base.push(`t.state_code in (${states.map(() => "?").join(",")})`);
  if (filter.status) base.push("t.status = @status");
  if (filter.celex) base.push("t.provision_id in (select p.id from provisions p where p.instrument_id = (select id from instruments where celex = @celex))");
  const filters = base.length ? base.join(" and ") : "1";
  const adopted = "t.provision_id in (select p.id from provisions p join instruments i on i.id = p.instrument_id where i.adoption_date <= @asOf)";
  return (db) => {
    const params = { asOf, status: filter.status ?? null, celex: filter.celex ?? null };
    const allAdopted = (db.prepare("select max(adoption_date) <= @asOf ok from instruments").get(params) as { ok: number }).ok === 1;
    const scope = allAdopted ? filters : `${filters} and ${adopted}`;
    db.prepare(`select count(*) n from (select 1 from transpositions t where ${scope} and ${transpositionAsOf} limit 10001)`).get(...states, params);
    const rows = db
      .prepare(
        `select t.id, t.state_code, ms.name, i.celex, i.short_name, p.id pid, p.kind, p.number, p.heading, t.status, t.relation, t.national_provision, t.note, t.assessed_at, t.verification
         from transpositions t join provisions p on p.id = t.provision_id join instruments i on i.id = p.instrument_id join member_states ms on ms.code = t.state_code
         where ${filters} and i.adoption_date <= @asOf and ${transpositionAsOf} order by t.state_code, t.id limit 25`,
      )
      .all(...states, params) as { id: number }[];
    if (rows.length)
      db.prepare(
        `select tm.transposition_id, m.key, m.title_original, m.language from transposition_measures tm join national_measures m on m.id = tm.measure_id where tm.transposition_id in (${rows.map(() => "?").join(",")}) order by m.id`,
      ).all(...rows.map((r) => r.id));
    filterOptions(db, true);
  };
}

/** /search?q=… : word-prefix and trigram matches, counted by kind, the first 20 by rank, then their records. */
export function rawSearch(term: string, asOf: string): RawCase {
  const hits = `with h as materialized (
      select rowid rid, 0 tier, bm25(search_words, 0.0, 3.0, 1.0) score from search_words where search_words match @words
      union all select rowid rid, 1 tier, bm25(search_trigram, 0.0, 3.0, 1.0) score from search_trigram where search_trigram match @tri),
    hits as materialized (select rid, min(tier * 1000 + score) score from h
      where (rid % 4 <> 1 or exists (select 1 from national_measures m where m.id = rid / 4 and ${measureAsOf("m")}))
        and (rid % 4 <> 2 or exists (select 1 from provisions p join instruments i on i.id = p.instrument_id where p.id = rid / 4 and i.adoption_date <= @asOf))
      group by rid)`;
  return (db) => {
    const params = { words: `"${term}"*`, tri: `"${term}"`, asOf };
    // One statement, the hits read once: the counts per kind, then the first 20 by rank.
    const rows = db
      .prepare(
        `${hits} select 0 part, rid % 4 rid, count(*) n from hits group by rid % 4 union all select * from (select 1, rid, score from hits order by score, rid limit 20)`,
      )
      .all(params) as { part: number; rid: number }[];
    const top = rows.filter((r) => r.part === 1);
    const measureIds = top.filter((h) => h.rid % 4 === 1).map((h) => Math.floor(h.rid / 4));
    const provisionIds = top.filter((h) => h.rid % 4 === 2).map((h) => Math.floor(h.rid / 4));
    if (measureIds.length)
      db.prepare(
        `select m.key, m.title_original, m.title_english, m.language, ms.name from national_measures m join member_states ms on ms.code = m.state_code where m.id in (${measureIds.join(",")})`,
      ).all();
    if (provisionIds.length)
      db.prepare(
        `select p.id, p.heading, p.summary, i.celex, i.short_name from provisions p join instruments i on i.id = p.instrument_id where p.id in (${provisionIds.join(",")})`,
      ).all();
  };
}

/** /instruments/<celex>: the instrument, its provisions with obligations, notifications, and the states × provisions grid. */
export function rawInstrument(celex: string, asOf: string): RawCase {
  return (db) => {
    const ins = db.prepare("select i.*, s.title source_title from instruments i join sources s on s.id = i.source_id where i.celex = ?").get(celex) as {
      id: number;
    };
    const provisions = db.prepare("select * from provisions where instrument_id = ? order by position").all(ins.id) as { id: number }[];
    const ids = provisions.map((p) => p.id).join(",");
    db.prepare(
      `select po.provision_id, o.id, o.key, o.duty, o.addressee, o.verification from provision_obligations po join obligations o on o.id = po.obligation_id where po.provision_id in (${ids}) order by o.id`,
    ).all();
    db.prepare(
      `select osp.* from obligation_security_properties osp where osp.obligation_id in (select obligation_id from provision_obligations where provision_id in (${ids}))`,
    ).all();
    db.prepare(
      `select ot.* from obligation_threats ot where ot.obligation_id in (select obligation_id from provision_obligations where provision_id in (${ids}))`,
    ).all();
    db.prepare(
      "select n.state_code, ms.name, n.status, n.notified_on, m.key, m.title_original, n.verification from notifications n join member_states ms on ms.code = n.state_code left join national_measures m on m.id = n.principal_measure_id where n.instrument_id = ? order by n.state_code",
    ).all(ins.id);
    db.prepare("select code, name from member_states where accession_date <= @asOf and (exit_date is null or exit_date > @asOf)").all({ asOf });
    const rows = db
      .prepare(
        `select t.id, t.state_code, t.provision_id, t.status, t.relation, t.national_provision, t.note, t.verification from transpositions t where t.provision_id in (${ids}) and ${transpositionAsOf}`,
      )
      .all({ asOf }) as { id: number }[];
    if (rows.length)
      db.prepare(
        `select tm.transposition_id, m.key, m.title_original, m.language from transposition_measures tm join national_measures m on m.id = tm.measure_id where tm.transposition_id in (${rows.map((r) => r.id).join(",")})`,
      ).all();
  };
}

/** /member-states/<code>: the state's measures by instrument, notifications, infringements, and its correspondence for every provision. */
export function rawMemberState(code: string, asOf: string): RawCase {
  return (db) => {
    db.prepare("select ms.*, s.title from member_states ms join sources s on s.id = ms.source_id where ms.code = ?").get(code);
    db.prepare("select id, celex, short_name, title, adoption_date from instruments order by adoption_date").all();
    db.prepare(
      "select nm.*, s.title source_title, mi.instrument_id from national_measures nm join measure_instruments mi on mi.measure_id = nm.id join sources s on s.id = nm.source_id where nm.state_code = ? order by nm.adopted_on, nm.id",
    ).all(code);
    db.prepare("select * from notifications where state_code = ?").all(code);
    const infringements = db
      .prepare(
        "select f.*, i.celex, i.short_name from infringements f join instruments i on i.id = f.instrument_id where f.state_code = ? order by i.adoption_date",
      )
      .all(code) as { id: number }[];
    if (infringements.length)
      db.prepare(`select * from infringement_stages where infringement_id in (${infringements.map((f) => f.id).join(",")}) order by id`).all();
    db.prepare(
      "select p.id, p.instrument_id, p.kind, p.number, p.heading, p.requires_transposition from provisions p join instruments i on i.id = p.instrument_id where i.adoption_date <= @asOf order by p.instrument_id, p.position",
    ).all({ asOf });
    db.prepare(
      `select t.id, t.provision_id, t.status, t.relation, t.national_provision, t.note, t.verification from transpositions t where t.state_code = @code and ${transpositionAsOf}`,
    ).all({ code, asOf });
    db.prepare(
      "select tm.transposition_id, m.key, m.title_original, m.language from transposition_measures tm join transpositions t on t.id = tm.transposition_id join national_measures m on m.id = tm.measure_id where t.state_code = ?",
    ).all(code);
  };
}

/**
 * / (dashboard) as of a date: the Scoreboard-style figures as SQL aggregates — per state the instruments due
 * (deadline or accession passed, in force) and those without a complete notification by the date, the months of
 * delay, the conformity deficit, open infringements, and provision coverage — plus the per-instrument and per-state counts.
 */
export function rawDashboard(asOf: string): RawCase {
  const due = `select ms.code, i.id iid, max(coalesce(i.transposition_deadline, i.adoption_date), ms.accession_date) deadline,
      (select n.status from notifications n where n.state_code = ms.code and n.instrument_id = i.id and (n.notified_on is null or n.notified_on <= @asOf)) nstatus,
      (select n.notified_on from notifications n where n.state_code = ms.code and n.instrument_id = i.id) notified_on
    from member_states ms cross join instruments i
    where ms.accession_date <= @asOf and (ms.exit_date is null or ms.exit_date > @asOf)
      and i.adoption_date <= @asOf and (i.repealed_from is null or i.repealed_from > @asOf)
      and max(coalesce(i.transposition_deadline, i.adoption_date), ms.accession_date) < @asOf`;
  return (db) => {
    db.prepare(
      `with d as (${due}) select code, count(*) due, sum(coalesce(nstatus, '') <> 'complete') missing,
         sum(case when coalesce(nstatus, '') <> 'complete' then (julianday(@asOf) - julianday(deadline)) / 30.44 else 0 end) delay_months,
         sum(coalesce(nstatus, '') <> 'complete' and julianday(@asOf) - julianday(deadline) >= 730) long_overdue
       from d group by code`,
    ).all({ asOf });
    db.prepare(
      `select t.state_code, p.instrument_id, sum(t.status = 'full') full_n, sum(t.status <> 'unknown') assessed, sum(t.status = 'non_conforming') nc, count(*) n
       from transpositions t join provisions p on p.id = t.provision_id join instruments i on i.id = p.instrument_id
       where i.adoption_date <= @asOf and p.requires_transposition = 1 group by t.state_code, p.instrument_id`,
    ).all({ asOf });
    db.prepare(
      `select f.state_code, count(*) open from infringements f where not exists (select 1 from infringement_stages s where s.infringement_id = f.id and s.stage in ('closed', 'withdrawn') and s.date <= @asOf)
         and exists (select 1 from infringement_stages s where s.infringement_id = f.id and s.date <= @asOf) group by f.state_code`,
    ).all({ asOf });
    db.prepare(
      `select i.celex, i.short_name, (select count(*) from provisions p where p.instrument_id = i.id) provisions,
         (select count(*) from measure_instruments mi where mi.instrument_id = i.id) measures,
         (select count(*) from notifications n where n.instrument_id = i.id and n.status = 'complete') complete,
         (select count(*) from transpositions t join provisions p on p.id = t.provision_id where p.instrument_id = i.id and t.status <> 'unknown') assessed
       from instruments i order by i.adoption_date`,
    ).all();
    db.prepare(
      "select ms.code, (select count(*) from national_measures m where m.state_code = ms.code) measures, (select count(*) from notifications n where n.state_code = ms.code) notifications from member_states ms order by ms.code",
    ).all();
  };
}

/** /gaps?instrument=<celex>: every state's status, national provision and note for each provision of the instrument. */
export function rawGapMatrix(celex: string, asOf: string): RawCase {
  return (db) => {
    const ins = db.prepare("select id from instruments where celex = ?").get(celex) as { id: number };
    db.prepare("select id, heading, kind, number, requires_transposition, deadline from provisions where instrument_id = ? order by position").all(ins.id);
    db.prepare(
      "select code, name, accession_date, exit_date from member_states where accession_date <= @asOf and (exit_date is null or exit_date > @asOf) order by code",
    ).all({ asOf });
    db.prepare(
      `select t.state_code, t.provision_id, t.status, t.relation, t.national_provision, t.note from transpositions t join provisions p on p.id = t.provision_id where p.instrument_id = @id and ${transpositionAsOf}`,
    ).all({ id: ins.id, asOf });
    db.prepare("select state_code, status, notified_on from notifications where instrument_id = ?").all(ins.id);
  };
}

/**
 * The rows and columns of the transpositions CSV export as of a date (db/tables/transpositions.ts: state, instrument,
 * provision, heading, status, relation, national provision, the cited measures' keys, note, assessed, verification),
 * with the as-of rule, for `sqlite3 -csv`.
 */
export function exportSql(asOf: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`not a date: ${asOf}`);
  return `select t.state_code, i.celex, case when p.kind = 'annex' then 'Annex ' else 'Art. ' end || p.number, p.heading, t.status, t.relation, t.national_provision,
    (select coalesce(group_concat(x.key, ' '), '') from (select m.key from transposition_measures tm join national_measures m on m.id = tm.measure_id where tm.transposition_id = t.id order by tm.measure_id) x),
    t.note, t.assessed_at, t.verification
  from transpositions t join provisions p on p.id = t.provision_id join instruments i on i.id = p.instrument_id
  where i.adoption_date <= @asOf and ${transpositionAsOf} order by t.id;`.replaceAll("@asOf", `'${asOf}'`);
}
