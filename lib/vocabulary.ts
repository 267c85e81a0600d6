/**
 * The controlled vocabularies of the inventory (DESIGN §3). The database
 * schema, the seed schema and (later) the forms and API all derive their
 * enums from these lists, so they cannot drift apart.
 */
export const verificationStates = ["verified", "unverified"] as const;
export type VerificationState = (typeof verificationStates)[number];

export const sourceMethods = [
  "eur_lex",
  "official_journal",
  "national_gazette",
  "official_notification",
  "commission_report",
  "court_judgment",
  "desk_research",
] as const;

/**
 * What kind of publisher a source is, so a reader can weigh it (official
 * texts first): an official journal, gazette or official legal database; a
 * government, parliament or national agency page; a Commission document or
 * press release; a court; a data-protection authority; commentary (law
 * firms, academics, news, unofficial reproductions of a text).
 */
export const sourceKinds = ["official_journal", "government", "commission", "court", "dpa", "commentary"] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** How precise a date is: as precise as its source ("December 1999" is a month). */
export const datePrecisions = ["day", "month", "year"] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** How one instrument relates to a later one in its line of law. */
export const lineageRelations = ["repealed_by", "amended_by", "replaced_by"] as const;
export type LineageRelation = (typeof lineageRelations)[number];

export const instrumentTypes = ["directive", "regulation", "decision"] as const;
export const provisionKinds = ["article", "paragraph", "annex"] as const;

export const addressees = [
  "controller",
  "processor",
  "provider",
  "certification_service_provider",
  "member_state",
  "supervisory_authority",
  "network_operator",
] as const;

/** COM(2001)298 §2.1 */
export const securityProperties = ["availability", "authentication", "integrity", "confidentiality"] as const;

/** COM(2001)298 §2.2 */
export const threatCategories = [
  "interception",
  "unauthorised_access",
  "network_disruption",
  "malicious_software",
  "misrepresentation",
  "environmental_unintentional",
] as const;

export const measureTypes = ["act", "decree", "regulation", "administrative_provision", "other"] as const;
export const measureStatuses = ["in_force", "amended", "repealed"] as const;

export const notificationStatuses = ["complete", "partial", "none"] as const;

export const infringementTypes = ["non_communication", "non_conformity", "bad_application"] as const;
export const infringementStages = [
  "letter_of_formal_notice",
  "reasoned_opinion",
  "referral",
  "judgment",
  "art260_letter",
  "art260_referral",
  "art260_judgment",
  "closed",
  "withdrawn",
] as const;

/** `unknown` means not yet assessed and is never to be read as `not_transposed`. */
export const transpositionStatuses = ["unknown", "not_transposed", "partial", "full", "non_conforming", "not_applicable"] as const;
export type TranspositionStatus = (typeof transpositionStatuses)[number];

/** How the national text relates to the directive's (NIST OLIR / OSCAL mapping vocabulary). */
export const transpositionRelations = ["equal", "subset", "superset", "intersect"] as const;

export const roles = ["admin", "editor", "regulator", "researcher"] as const;
export const submissionStatuses = ["pending", "approved", "rejected", "changes_requested"] as const;
export const submissionOperations = ["create", "update", "delete"] as const;

/** Human labels for the vocabularies, used wherever a value is shown. */
export const labels: Record<string, string> = {
  verified: "Verified",
  unverified: "Unverified",
  eur_lex: "EUR-Lex",
  official_journal: "Official Journal",
  national_gazette: "National gazette",
  official_notification: "Official notification",
  commission_report: "Commission report",
  court_judgment: "Court judgment",
  desk_research: "Desk research",
  government: "Government or parliament",
  commission: "Commission document",
  court: "Court",
  dpa: "Data-protection authority",
  commentary: "Commentary",
  repealed_by: "Repealed by",
  amended_by: "Amended by",
  replaced_by: "Replaced by",
  in_force: "In force",
  amended: "Amended",
  repealed: "Repealed",
  act: "Act",
  decree: "Decree",
  regulation: "Regulation",
  administrative_provision: "Administrative provision",
  other: "Other",
  directive: "Directive",
  decision: "Decision",
  complete: "Complete",
  partial: "Partial",
  none: "None",
  unknown: "Unknown (not assessed)",
  not_transposed: "Not transposed",
  full: "Full",
  non_conforming: "Non-conforming",
  not_applicable: "Not applicable",
  controller: "Controller",
  processor: "Processor",
  provider: "Service provider",
  certification_service_provider: "Certification-service-provider",
  member_state: "Member State",
  supervisory_authority: "Supervisory authority",
  network_operator: "Network operator",
  availability: "Availability",
  authentication: "Authentication",
  integrity: "Integrity",
  confidentiality: "Confidentiality",
  interception: "Interception",
  unauthorised_access: "Unauthorised access",
  network_disruption: "Network disruption",
  malicious_software: "Malicious software",
  misrepresentation: "Misrepresentation",
  environmental_unintentional: "Environmental and unintentional events",
  non_communication: "Non-communication",
  non_conformity: "Non-conformity",
  bad_application: "Bad application",
  letter_of_formal_notice: "Letter of formal notice",
  reasoned_opinion: "Reasoned opinion",
  referral: "Referral to the Court",
  judgment: "Judgment",
  art260_letter: "Art. 260 letter",
  art260_referral: "Art. 260 referral",
  art260_judgment: "Art. 260 judgment",
  closed: "Closed",
  withdrawn: "Withdrawn",
};

export function label(value: string | null | undefined): string {
  if (value == null) return "—";
  return labels[value] ?? value;
}
