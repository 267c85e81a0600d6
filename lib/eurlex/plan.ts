/**
 * The preview of an import: what CELLAR says, set against what the inventory holds. Pure: the caller loads
 * the inventory's side (db/queries/eurlex.ts) and applies the plan (db/writes/eurlex.ts).
 *
 * A notified measure matches a measure of the same state by, in order: its sector-7 CELEX (or the key an
 * earlier import gave the same act), its national identifier, or its title and date of the act. A matched
 * measure gets each field CELLAR fills or corrects; where the inventory's value is verified and differs, the
 * field is a conflict, applied only when the editor chooses it.
 */
import { eurLexUrl } from "../links";
import { measureInput, type MeasureInput } from "../validation/measure";
import type { CellarInstrument, NotifiedMeasure } from "./map";
import { measureTypeFromAct, publicationReference } from "./map";

export const EURLEX_SOURCE_TITLE_PREFIX = "EUR-Lex national transposition (official notification), retrieved";

/** The fields of a measure an import may fill or correct, as the preview names them. */
export const COMPARED_FIELDS = [
  "titleOriginal",
  "nationalIdentifier",
  "adoptedOn",
  "publishedOn",
  "inForceOn",
  "notifiedOn",
  "publicationReference",
  "url",
  "eli",
  "eurLexNimNumber",
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export const FIELD_LABELS: Record<ComparedField | "instruments", string> = {
  titleOriginal: "Title (original language)",
  nationalIdentifier: "National identifier",
  adoptedOn: "Adopted on",
  publishedOn: "Published on",
  inForceOn: "In force from",
  notifiedOn: "Notified on",
  publicationReference: "Publication reference",
  url: "Official URL",
  eli: "ELI",
  eurLexNimNumber: "EUR-Lex measure number",
  instruments: "Instruments",
};

export interface ExistingMeasure {
  id: number;
  version: number;
  key: string;
  stateCode: string;
  verification: "verified" | "unverified";
  titleOriginal: string;
  nationalIdentifier: string | null;
  adoptedOn: string | null;
  publishedOn: string | null;
  inForceOn: string | null;
  notifiedOn: string | null;
  publicationReference: string | null;
  url: string | null;
  eli: string | null;
  eurLexNimNumber: string | null;
  instruments: string[];
}

export interface ExistingNotification {
  id: number;
  version: number;
  stateCode: string;
  notifiedOn: string | null;
  principalMeasureKey: string | null;
}

export interface PlanContext {
  celex: string;
  retrievedAt: string;
  /** The instrument as the inventory has it, or null when the import creates it. */
  existingInstrument: { celex: string; shortName: string } | null;
  /** CELEX → short name of every instrument in the inventory. */
  inventoryInstruments: ReadonlyMap<string, string>;
  /** The lineage pairs already recorded, "instrument|relation|successor". */
  lineagePairs: ReadonlySet<string>;
  memberStates: ReadonlySet<string>;
  /** Every measure that could match (db/queries/eurlex.ts loads them by CELEX, identifier, state and date). */
  candidates: ExistingMeasure[];
  notifications: ExistingNotification[];
  /** Keys taken in the inventory, so a new measure gets a free one. */
  takenKeys: ReadonlySet<string>;
}

export interface FieldChange {
  field: ComparedField | "instruments";
  before: string | null;
  after: string | null;
}

export interface InstrumentPlan {
  status: "new" | "existing";
  celex: string;
  shortName: string;
  type: CellarInstrument["type"];
  title: string | null;
  adoptionDate: string | null;
  ojReference: string | null;
  eli: string | null;
  transpositionDeadline: string | null;
  /** Other deadlines CELLAR gives (a directive with staged deadlines): shown, the earliest is recorded. */
  otherDeadlines: string[];
  repealedBy: string | null;
  /** What stops creating it (lib/eurlex/words.ts words it). */
  problem: InstrumentProblem | null;
}

/** Why a new instrument cannot be created from CELLAR's metadata. */
export type InstrumentProblem = "noDocumentDate" | "noEnglishTitle";

/** Why a notified measure is left out of the import, as a code and its values (lib/eurlex/words.ts words it). */
export type SkipReason =
  | { code: "noCountry" }
  | { code: "unknownCountry"; country: string }
  | { code: "notInInventory"; state: string }
  | { code: "sameMeasure"; key: string; earlier: string }
  /** The measure schema's complaints, in its English words. */
  | { code: "invalid"; issues: string };

export interface LineagePlan {
  instrument: string;
  relation: "repealed_by" | "amended_by";
  successor: string;
  /** Recorded already, or not possible because the other act is not in the inventory. */
  status: "new" | "recorded" | "not_in_inventory";
}

export type MeasurePlan =
  | { kind: "new"; celex: string; stateCode: string; title: string; key: string; input: MeasureInput; eli: string | null; instruments: string[] }
  | {
      kind: "matched";
      celex: string;
      stateCode: string;
      title: string;
      measureId: number;
      measureKey: string;
      version: number;
      matchedBy: "celex" | "national_identifier" | "title_and_date";
      changes: FieldChange[];
      conflicts: FieldChange[];
      /** The measure's instrument list after the import (for the write). */
      instruments: string[];
    };

export interface NotificationPlan {
  notificationId: number;
  version: number;
  stateCode: string;
  /** The date the state's first notified measure was notified on, where the notification has none. */
  notifiedOn: string | null;
  /** The earliest notified measure, suggested as principal where none is chosen (never applied). */
  suggestedPrincipal: string | null;
}

export interface ImportPlan {
  celex: string;
  retrievedAt: string;
  sourceTitle: string;
  sourceUrl: string;
  instrument: InstrumentPlan;
  lineage: LineagePlan[];
  measures: MeasurePlan[];
  unchanged: number;
  skipped: { celex: string; reason: SkipReason }[];
  notifications: NotificationPlan[];
  summary: { notified: number; new: number; matched: number; unchanged: number; conflicts: number; skipped: number };
}

const norm = (s: string | null | undefined) =>
  (s ?? "")
    .normalize("NFKC")
    .toLocaleLowerCase("en")
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/[.;,\s]+$/, "")
    .trim();

/** The part of a sector-7 CELEX after the directive's number ("DEU_202501234"): the act's notification, shared by its CELEX numbers under other directives (UNCERTAIN: read from published examples). */
export function notificationSuffix(nimCelex: string): string | null {
  const m = /^7\d{4}[A-Z]{1,2}\d{4}([A-Z]{3}_?[A-Za-z0-9_()-]+)$/.exec(nimCelex);
  return m ? m[1]! : null;
}

/** The key an imported measure gets: de-eurlex-202501234 (kebab-case, as the measure form wants). */
export function importedMeasureKey(stateCode: string, nimCelex: string, taken: ReadonlySet<string>): string {
  const suffix = (notificationSuffix(nimCelex) ?? nimCelex).replace(/^[A-Z]{3}_?/, "");
  const slug =
    suffix
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "measure";
  const base = `${stateCode.toLowerCase()}-eurlex-${slug}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

function noteFor(m: NotifiedMeasure): string {
  const parts = [`Notified to the Commission as ${m.celex}`];
  if (m.referenceCommission) parts.push(`Commission reference ${m.referenceCommission}`);
  if (m.typeAct) parts.push(`type of act: ${m.typeAct}`);
  return `${parts.join("; ")}.`;
}

/** The values CELLAR gives for the compared fields. */
function notifiedValues(m: NotifiedMeasure): Record<ComparedField, string | null> {
  return {
    titleOriginal: m.title,
    nationalIdentifier: m.referenceMemberState ?? m.localId,
    adoptedOn: m.adoptedOn,
    publishedOn: m.publishedOn,
    inForceOn: m.inForceOn,
    notifiedOn: m.notifiedOn,
    publicationReference: publicationReference(m),
    url: m.link,
    eli: m.eli,
    eurLexNimNumber: m.celex,
  };
}

function sameValue(field: ComparedField, a: string, b: string): boolean {
  if (field === "url" || field === "eli") return a === b;
  return norm(a) === norm(b);
}

/** A date the inventory holds less precisely ("2004") that the notified day falls in is refined, not contradicted. */
function refines(field: ComparedField, before: string, after: string): boolean {
  return ["adoptedOn", "publishedOn", "inForceOn", "notifiedOn"].includes(field) && before.length < after.length && after.startsWith(before);
}

export function buildPlan(instrument: CellarInstrument, notified: NotifiedMeasure[], ctx: PlanContext): ImportPlan {
  const day = ctx.retrievedAt.slice(0, 10);
  const sourceTitle = `${EURLEX_SOURCE_TITLE_PREFIX} ${day}`;
  const sourceUrl = `https://eur-lex.europa.eu/legal-content/EN/NIM/?uri=CELEX:${ctx.celex}`;
  const inInventory = (celex: string) => celex === ctx.celex || ctx.inventoryInstruments.has(celex);

  const instrumentPlan: InstrumentPlan = {
    status: ctx.existingInstrument ? "existing" : "new",
    celex: ctx.celex,
    shortName: ctx.existingInstrument?.shortName ?? instrument.shortName,
    type: instrument.type,
    title: instrument.title,
    adoptionDate: instrument.adoptionDate,
    ojReference: instrument.ojReference,
    eli: instrument.eli,
    transpositionDeadline: instrument.deadlines[0] ?? null,
    otherDeadlines: instrument.deadlines.slice(1),
    repealedBy: instrument.relations.find((r) => r.relation === "repealed_by")?.celex ?? null,
    problem: ctx.existingInstrument ? null : !instrument.adoptionDate ? "noDocumentDate" : !instrument.title ? "noEnglishTitle" : null,
  };

  // Lineage is recorded from the older act to the newer: X repealed_by Y.
  const lineage: LineagePlan[] = instrument.relations.map((r) => {
    const [older, relation, newer] =
      r.relation === "repeals"
        ? [r.celex, "repealed_by", ctx.celex]
        : r.relation === "repealed_by"
          ? [ctx.celex, "repealed_by", r.celex]
          : r.relation === "amends"
            ? [r.celex, "amended_by", ctx.celex]
            : [ctx.celex, "amended_by", r.celex];
    const status =
      !inInventory(older!) || !inInventory(newer!) ? "not_in_inventory" : ctx.lineagePairs.has(`${older}|${relation}|${newer}`) ? "recorded" : "new";
    return { instrument: older!, relation: relation as LineagePlan["relation"], successor: newer!, status };
  });

  const byCelex = new Map<string, ExistingMeasure>();
  const byKey = new Map<string, ExistingMeasure>();
  const byIdentifier = new Map<string, ExistingMeasure>();
  const byTitleDate = new Map<string, ExistingMeasure>();
  const bySuffix = new Map<string, ExistingMeasure>();
  for (const e of ctx.candidates) {
    if (e.eurLexNimNumber) byCelex.set(e.eurLexNimNumber, e);
    const s = e.eurLexNimNumber ? notificationSuffix(e.eurLexNimNumber) : null;
    if (s) bySuffix.set(`${e.stateCode}|${s}`, e);
    byKey.set(e.key, e);
    if (e.nationalIdentifier) byIdentifier.set(`${e.stateCode}|${norm(e.nationalIdentifier)}`, e);
    if (e.adoptedOn) byTitleDate.set(`${e.stateCode}|${norm(e.titleOriginal)}|${e.adoptedOn}`, e);
  }

  const taken = new Set(ctx.takenKeys);
  const usedMeasures = new Map<number, string>();
  const measures: MeasurePlan[] = [];
  const skipped: ImportPlan["skipped"] = [];
  let unchanged = 0;
  const earliestByState = new Map<string, { notifiedOn: string; key: string }>();
  const noteEarliest = (state: string, notifiedOn: string | null, key: string) => {
    if (!notifiedOn) return;
    const seen = earliestByState.get(state);
    if (!seen || notifiedOn < seen.notifiedOn) earliestByState.set(state, { notifiedOn, key });
  };

  for (const m of [...notified].sort((a, b) => a.celex.localeCompare(b.celex))) {
    if (!m.stateCode) {
      skipped.push({
        celex: m.celex,
        reason: m.countryCode ? { code: "unknownCountry", country: m.countryCode } : { code: "noCountry" },
      });
      continue;
    }
    if (!ctx.memberStates.has(m.stateCode)) {
      skipped.push({ celex: m.celex, reason: { code: "notInInventory", state: m.stateCode } });
      continue;
    }
    const values = notifiedValues(m);
    const instruments = m.implements.filter(inInventory);
    const suffix = notificationSuffix(m.celex);
    const keyGuess = importedMeasureKey(m.stateCode, m.celex, new Set());
    const found: [ExistingMeasure, "celex" | "national_identifier" | "title_and_date"] | null = (() => {
      const c = byCelex.get(m.celex) ?? (suffix ? bySuffix.get(`${m.stateCode}|${suffix}`) : undefined) ?? byKey.get(keyGuess);
      if (c && c.stateCode === m.stateCode) return [c, "celex"];
      for (const id of [m.referenceMemberState, m.localId]) {
        const e = id ? byIdentifier.get(`${m.stateCode}|${norm(id)}`) : undefined;
        if (e) return [e, "national_identifier"];
      }
      const t = m.title && m.adoptedOn ? byTitleDate.get(`${m.stateCode}|${norm(m.title)}|${m.adoptedOn}`) : undefined;
      return t ? [t, "title_and_date"] : null;
    })();

    if (found) {
      const [e, matchedBy] = found;
      const earlier = usedMeasures.get(e.id);
      if (earlier) {
        skipped.push({ celex: m.celex, reason: { code: "sameMeasure", key: e.key, earlier } });
        continue;
      }
      usedMeasures.set(e.id, m.celex);
      const changes: FieldChange[] = [];
      const conflicts: FieldChange[] = [];
      for (const field of COMPARED_FIELDS) {
        const after = values[field];
        const before = e[field];
        if (after === null) continue;
        // The first import's measure number stays: the same act has one per directive.
        if (field === "eurLexNimNumber" && before !== null) continue;
        if (before === null || refines(field, before, after)) changes.push({ field, before, after });
        else if (!sameValue(field, before, after)) (e.verification === "verified" ? conflicts : changes).push({ field, before, after });
      }
      const merged = [...new Set([...e.instruments, ...instruments])].sort();
      if (merged.length !== e.instruments.length) changes.push({ field: "instruments", before: e.instruments.join(", ") || null, after: merged.join(", ") });
      noteEarliest(m.stateCode, values.notifiedOn ?? e.notifiedOn, e.key);
      if (changes.length === 0 && conflicts.length === 0) {
        unchanged++;
        continue;
      }
      measures.push({
        kind: "matched",
        celex: m.celex,
        stateCode: m.stateCode,
        title: e.titleOriginal,
        measureId: e.id,
        measureKey: e.key,
        version: e.version,
        matchedBy,
        changes,
        conflicts,
        instruments: merged,
      });
      continue;
    }

    const key = importedMeasureKey(m.stateCode, m.celex, taken);
    const parsed = measureInput.safeParse({
      stateCode: m.stateCode,
      key,
      titleOriginal: m.title ?? `Untitled measure notified as ${m.celex}`,
      titleEnglish: null,
      titleEnglishIsWorkingTranslation: false,
      language: m.language ?? "en",
      type: measureTypeFromAct(m.typeAct),
      nationalIdentifier: values.nationalIdentifier,
      adoptedOn: m.adoptedOn,
      publishedOn: m.publishedOn,
      inForceOn: m.inForceOn,
      notifiedOn: m.notifiedOn,
      repealedOn: null,
      publicationReference: values.publicationReference,
      url: m.link,
      status: "in_force",
      instruments,
      note: noteFor(m),
      sourceUrl,
      sourceTitle,
      sourceMethod: "official_notification",
      sourceKind: "official_journal",
      verification: "unverified",
    });
    if (!parsed.success) {
      skipped.push({
        celex: m.celex,
        reason: { code: "invalid", issues: parsed.error.issues.map((i) => `${i.path.join(".") || "record"}: ${i.message}`).join("; ") },
      });
      continue;
    }
    taken.add(key);
    noteEarliest(m.stateCode, m.notifiedOn, key);
    measures.push({ kind: "new", celex: m.celex, stateCode: m.stateCode, title: parsed.data.titleOriginal, key, input: parsed.data, eli: m.eli, instruments });
  }

  const notifications: NotificationPlan[] = [];
  for (const n of ctx.notifications) {
    const earliest = earliestByState.get(n.stateCode);
    if (!earliest) continue;
    const notifiedOn = n.notifiedOn === null ? earliest.notifiedOn : null;
    const suggestedPrincipal = n.principalMeasureKey === null ? earliest.key : null;
    if (notifiedOn || suggestedPrincipal)
      notifications.push({ notificationId: n.id, version: n.version, stateCode: n.stateCode, notifiedOn, suggestedPrincipal });
  }

  const conflicts = measures.reduce((sum, p) => sum + (p.kind === "matched" ? p.conflicts.length : 0), 0);
  return {
    celex: ctx.celex,
    retrievedAt: ctx.retrievedAt,
    sourceTitle,
    sourceUrl,
    instrument: instrumentPlan,
    lineage,
    measures,
    unchanged,
    skipped,
    notifications,
    summary: {
      notified: notified.length,
      new: measures.filter((p) => p.kind === "new").length,
      matched: measures.filter((p) => p.kind === "matched").length,
      unchanged,
      conflicts,
      skipped: skipped.length,
    },
  };
}

/** What an editor approves: the plan without the retrieval time, so a re-fetch that finds the same data is the same plan. */
export function planForFingerprint(plan: ImportPlan): unknown {
  const { retrievedAt: _r, sourceTitle: _s, ...rest } = plan;
  return { ...rest, measures: rest.measures.map((m) => (m.kind === "new" ? { ...m, input: { ...m.input, sourceTitle: null } } : m)) };
}

/** The instrument's EUR-Lex page, the source an imported instrument cites. */
export function instrumentSourceUrl(celex: string): string {
  return eurLexUrl(celex);
}

/** "measureId:field" for a conflict the editor chose to take from EUR-Lex. */
export const conflictChoice = (measureId: number, field: string) => `${measureId}:${field}`;
