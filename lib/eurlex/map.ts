/**
 * From CELLAR's rows to the inventory's shapes: pure functions, no database, no network. A national measure
 * comes as one row per value of its multi-valued fields (and per other directive it implements); the rows are
 * grouped by the measure's CELLAR work, so an act notified for several directives is one record.
 */
import { instrumentTypes, measureTypes } from "../vocabulary";
import { authorityCode, defaultLanguage, memberStateFromAuthority } from "./countries";
import type { SparqlRow } from "./sparql-results";

/** A national implementing measure as CELLAR describes it, already cleaned (dates checked, placeholders dropped). */
export interface NotifiedMeasure {
  workUri: string;
  /** The sector-7 CELEX under the imported directive, e.g. 72022L2555DEU_202501234. */
  celex: string;
  /** The authority code as given (DEU) and the inventory's state (DE), null when it is not a Member State. */
  countryCode: string | null;
  stateCode: string | null;
  title: string | null;
  language: string | null;
  typeAct: string | null;
  adoptedOn: string | null;
  notifiedOn: string | null;
  publishedOn: string | null;
  inForceOn: string | null;
  ojName: string | null;
  ojNumber: string | null;
  ojPage: string | null;
  referenceCommission: string | null;
  referenceMemberState: string | null;
  localId: string | null;
  eli: string | null;
  link: string | null;
  /** Every directive (sector-3 CELEX) the measure is notified for, the imported one included. */
  implements: string[];
}

export interface CellarInstrument {
  celex: string;
  workUri: string;
  type: (typeof instrumentTypes)[number];
  resourceType: string | null;
  shortName: string;
  title: string | null;
  adoptionDate: string | null;
  eli: string | null;
  /** Transposition deadline(s), earliest first. */
  deadlines: string[];
  ojReference: string | null;
  relations: { relation: "repeals" | "repealed_by" | "amends" | "amended_by"; celex: string }[];
}

/**
 * A day from a CDM date literal ("2025-01-15", "2025-01-15+01:00", "2025-01-15T00:00:00"), or null. The
 * Publications Office writes unknown dates as placeholders such as 1001-01-01 (and open ends as 9999-12-31):
 * those, and any date before 1800, are missing, never facts.
 */
export function cleanDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1800 || year >= 9999) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day) ? day : null;
}

/** Text as given, trimmed; empty and template placeholders ("$BUILD_INFO$") are missing. */
export function cleanText(value: string | null | undefined, max = 1000): string | null {
  if (value == null) return null;
  const t = value.replace(/\s+/g, " ").trim();
  if (!t || /^\$[^$]*\$$/.test(t)) return null;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Only http(s) addresses are kept as links (lib/links.ts renders nothing else either). */
export function cleanUrl(value: string | null | undefined): string | null {
  const t = cleanText(value, 2000);
  if (!t) return null;
  try {
    const url = new URL(t);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const earliest = (values: (string | null)[]) => values.filter((v): v is string => v !== null).sort()[0] ?? null;

/** Groups one directive's measure rows into one record per CELLAR work. Rows without a work or CELEX are not measures. */
export function groupMeasureRows(rows: SparqlRow[], directiveCelex: string): NotifiedMeasure[] {
  const byWork = new Map<string, SparqlRow[]>();
  for (const row of rows) {
    const work = row.values.nim;
    if (!work || !row.values.celex) continue;
    const list = byWork.get(work);
    if (list) list.push(row);
    else byWork.set(work, [row]);
  }
  return [...byWork.entries()].map(([workUri, group]) => measureFromRows(workUri, group, directiveCelex));
}

function measureFromRows(workUri: string, rows: SparqlRow[], directiveCelex: string): NotifiedMeasure {
  const all = (name: string) => [...new Set(rows.map((r) => r.values[name]).filter((v): v is string => typeof v === "string" && v.trim() !== ""))].sort();
  const first = (name: string, max?: number) => cleanText(all(name)[0], max);
  const celex = all("celex")[0]!;
  const country = all("country")[0] ?? null;
  const countryCode = country ? authorityCode(country) : null;
  const stateCode = country ? memberStateFromAuthority(country) : null;
  // A state with several official languages may give the title in each: the state's main language first.
  const titles = rows.filter((r) => r.values.title).map((r) => ({ text: cleanText(r.values.title), lang: r.langs.title?.slice(0, 2).toLowerCase() ?? null }));
  const preferred = stateCode ? defaultLanguage(stateCode) : null;
  const title = titles.find((t) => t.text && t.lang === preferred) ?? titles.filter((t) => t.text).sort((a, b) => a.text!.localeCompare(b.text!))[0] ?? null;
  const implemented = new Set(all("alsoImplements").filter((c) => /^3\d{4}[A-Z]{1,2}\d{4}$/.test(c)));
  implemented.add(directiveCelex);
  return {
    workUri,
    celex,
    countryCode,
    stateCode,
    title: title?.text ?? null,
    language: title?.lang && /^[a-z]{2}$/.test(title.lang) ? title.lang : stateCode ? defaultLanguage(stateCode) : null,
    typeAct: first("typeAct", 200),
    adoptedOn: earliest(all("dateDocument").map(cleanDate)),
    notifiedOn: earliest(all("dateNotification").map(cleanDate)),
    publishedOn: earliest(all("ojDate").map(cleanDate)),
    inForceOn: earliest(all("dateInForce").map(cleanDate)),
    ojName: first("ojName", 200),
    ojNumber: first("ojNumber", 50),
    ojPage: first("ojPage", 50),
    referenceCommission: first("referenceCommission", 100),
    referenceMemberState: first("referenceMemberState", 200),
    localId: first("localId", 200),
    eli: cleanUrl(all("eli")[0]),
    link: cleanUrl(all("link")[0]),
    implements: [...implemented].sort(),
  };
}

/** "Bundesgesetzblatt I Nr. 301, 5.12.2025, p. 12": the national Official Journal reference as EUR-Lex shows it. */
export function publicationReference(m: Pick<NotifiedMeasure, "ojName" | "ojNumber" | "publishedOn" | "ojPage">): string | null {
  if (!m.ojName && !m.ojNumber) return null;
  const parts = [[m.ojName, m.ojNumber].filter(Boolean).join(" ")];
  if (m.publishedOn) parts.push(formatDay(m.publishedOn));
  if (m.ojPage) parts.push(`p. ${m.ojPage}`);
  return parts.join(", ");
}

/** 27.12.2022, the way the Official Journal dates itself. */
export function formatDay(day: string): string {
  const [y, mo, d] = day.split("-");
  return `${Number(d)}.${Number(mo)}.${y}`;
}

/**
 * The national type of act, in the national language, to the inventory's coarse types. UNCERTAIN: the values of
 * cdm:measure_national_implementing_type_act were not seen; matched by words in several languages, else "other".
 */
export function measureTypeFromAct(typeAct: string | null): (typeof measureTypes)[number] {
  if (!typeAct) return "other";
  const t = typeAct.toLowerCase();
  if (/d[ée]cret|decreto|dekret|decree|nařízení vlády|asetus|förordning|bekendtgørelse|besluit/.test(t)) return "decree";
  if (/verordnung|regulation|règlement|reglamento|regolamento|rozporządzenie|regulamento|regulament|statutory instrument|vyhláška|uredba/.test(t))
    return "regulation";
  if (/circul|instruction|guideline|richtlinie der verwaltung|administrat|arrêté|orden|ordinanza|ordonnance|beschluss|decision/.test(t))
    return "administrative_provision";
  if (
    /gesetz|\blaw\b|\bact\b|\bloi\b|\bley\b|legge|\bwet\b|zákon|ustawa|\blei\b|\blag\b|laki|lov|törvény|likums|įstatymas|seadus|zakon|νόμος|закон|\blegea\b|\bstatute\b/.test(
      t,
    )
  )
    return "act";
  return "other";
}

function resourceTypeToInstrumentType(resourceType: string | null, celex: string): (typeof instrumentTypes)[number] {
  const code = resourceType ? resourceType.slice(resourceType.lastIndexOf("/") + 1).toUpperCase() : "";
  if (code.startsWith("DIR")) return "directive";
  if (code.startsWith("REG")) return "regulation";
  if (code.startsWith("DEC")) return "decision";
  const letter = celex.slice(5).replace(/\d+$/, "");
  return letter === "R" ? "regulation" : letter === "D" ? "decision" : "directive";
}

/**
 * The number people cite an act by: 2013/40/EU, 95/46/EC, 90/388/EEC, 910/2014; from 2015 the year comes first
 * and the institution's suffix is dropped (2016/1148, 2016/679).
 */
export function shortNameFromCelex(celex: string, type: (typeof instrumentTypes)[number]): string {
  const year = Number(celex.slice(1, 5));
  const number = Number(celex.slice(-4));
  if (year >= 2015) return `${year}/${number}`;
  if (type === "regulation") return `${number}/${year}`;
  const suffix = year < 1993 ? "EEC" : year < 2010 ? "EC" : "EU";
  const shortYear = year < 1999 ? String(year).slice(2) : String(year);
  return `${shortYear}/${number}/${suffix}`;
}

/** The instrument from its metadata rows and relation rows; null when CELLAR has no act with the CELEX. */
export function instrumentFromRows(celex: string, rows: SparqlRow[], relationRows: SparqlRow[]): CellarInstrument | null {
  if (rows.length === 0) return null;
  const all = (name: string) => [...new Set(rows.map((r) => r.values[name]).filter((v): v is string => typeof v === "string" && v.trim() !== ""))].sort();
  const resourceType = all("type")[0] ?? null;
  const type = resourceTypeToInstrumentType(resourceType, celex);
  const deadlines = [...new Set([...all("deadline"), ...all("deadlineLegacy")].map(cleanDate).filter((d): d is string => d !== null))].sort();
  const collection = all("ojCollection")[0];
  const series = collection ? collection.slice(collection.lastIndexOf("/") + 1).replace(/^OJ-/, "") : null;
  const ojNumber = all("ojNumber")[0] ?? null;
  const ojDate = cleanDate(all("ojDate")[0]);
  const ojReference = series || ojNumber ? `OJ ${[series, ojNumber].filter(Boolean).join(" ")}${ojDate ? `, ${formatDay(ojDate)}` : ""}` : null;
  const relations = relationRows
    .map((r) => ({ relation: r.values.relation, celex: r.values.otherCelex }))
    .filter(
      (r): r is CellarInstrument["relations"][number] =>
        ["repeals", "repealed_by", "amends", "amended_by"].includes(r.relation ?? "") && /^3\d{4}[A-Z]{1,2}\d{4}$/.test(r.celex ?? "") && r.celex !== celex,
    );
  return {
    celex,
    workUri: all("work")[0] ?? "",
    type,
    resourceType,
    shortName: shortNameFromCelex(celex, type),
    title: cleanText(all("title")[0], 1000),
    adoptionDate: earliest(all("dateDocument").map(cleanDate)),
    eli: cleanUrl(all("eli")[0]),
    deadlines: type === "directive" ? deadlines : [],
    ojReference,
    relations,
  };
}
