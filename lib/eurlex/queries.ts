/**
 * The SPARQL queries the EUR-Lex import sends to CELLAR, in the Publications Office's Common Data Model
 * (CDM, prefix cdm: <http://publications.europa.eu/ontology/cdm#>). Each is one constant with the CELEX put in
 * at one place, so a property the Office renames is corrected here and nowhere else.
 *
 * What is confirmed and what is not (from published queries of other CELLAR clients; the live endpoint could
 * not be reached while this was written):
 * - confirmed in several independent clients: cdm:resource_legal_id_celex (an xsd:string literal: an untyped
 *   literal matches nothing), cdm:work_date_document, cdm:work_has_resource-type, cdm:expression_belongs_to_work,
 *   cdm:expression_uses_language, cdm:expression_title, cdm:resource_legal_eli,
 *   cdm:resource_legal_published_in_official-journal, cdm:resource_legal_repeals_resource_legal,
 *   cdm:resource_legal_amends_resource_legal, cdm:resource_legal_date_entry-into-force, and for national
 *   implementing measures cdm:measure_national_implementing_implements_resource_legal,
 *   cdm:measure_national_implementing_implemented_by_country, cdm:work_title,
 *   cdm:measure_national_implementing_type_act, _date_notification, _name_official_journal,
 *   _number_official_journal, _date_official_journal, _national_website_link, _reference_member-state.
 * - seen in one client only (UNCERTAIN): cdm:measure_national_implementing_page_official_journal,
 *   cdm:measure_national_implementing_reference_commission, cdm:resource_legal_id_local,
 *   cdm:official-journal_number, cdm:publication_general_date_publication,
 *   cdm:official-journal_part_of_collection_document.
 * - the transposition deadline (UNCERTAIN): one client's notes say CDM has cdm:directive_date_transposition
 *   (31995L0046 → 1998-10-24) and no cdm:resource_legal_date_transposition; other clients query the latter.
 *   Both are asked for, as OPTIONALs, and either answers.
 * All properties but the two that link a measure to its directive are OPTIONAL, so a wrong name costs a
 * field, not the import.
 */
import { isCelex } from "../links";

export const CELLAR_PREFIXES = `PREFIX cdm: <http://publications.europa.eu/ontology/cdm#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>`;

function celexLiteral(celex: string): string {
  // The CELEX pattern (digits and capitals only) is what makes interpolation safe; never pass anything else.
  if (!isCelex(celex)) throw new Error(`not a CELEX number: ${celex}`);
  return `"${celex}"^^xsd:string`;
}

/** The act itself: type, English title, date, ELI, deadline(s), Official Journal. One row per combination of multi-valued fields. */
export function instrumentQuery(celex: string): string {
  return `${CELLAR_PREFIXES}
# eurlex-import: instrument
SELECT ?work ?type ?title ?dateDocument ?eli ?deadline ?deadlineLegacy ?ojCollection ?ojNumber ?ojDate WHERE {
  ?work cdm:resource_legal_id_celex ${celexLiteral(celex)} .
  OPTIONAL { ?work cdm:work_has_resource-type ?type }
  OPTIONAL {
    ?expression cdm:expression_belongs_to_work ?work ;
                cdm:expression_uses_language <http://publications.europa.eu/resource/authority/language/ENG> ;
                cdm:expression_title ?title .
  }
  OPTIONAL { ?work cdm:work_date_document ?dateDocument }
  OPTIONAL { ?work cdm:resource_legal_eli ?eli }
  OPTIONAL { ?work cdm:directive_date_transposition ?deadline }
  OPTIONAL { ?work cdm:resource_legal_date_transposition ?deadlineLegacy }
  OPTIONAL {
    ?work cdm:resource_legal_published_in_official-journal ?oj .
    OPTIONAL { ?oj cdm:official-journal_part_of_collection_document ?ojCollection }
    OPTIONAL { ?oj cdm:official-journal_number ?ojNumber }
    OPTIONAL { ?oj cdm:publication_general_date_publication ?ojDate }
  }
}
LIMIT 200`;
}

/** Repeal and amendment relations in both directions, to other acts of secondary law (sector 3). */
export function relationsQuery(celex: string): string {
  return `${CELLAR_PREFIXES}
# eurlex-import: relations
SELECT DISTINCT ?relation ?otherCelex WHERE {
  ?work cdm:resource_legal_id_celex ${celexLiteral(celex)} .
  {
    ?work cdm:resource_legal_repeals_resource_legal ?other . BIND("repeals" AS ?relation)
  } UNION {
    ?other cdm:resource_legal_repeals_resource_legal ?work . BIND("repealed_by" AS ?relation)
  } UNION {
    ?work cdm:resource_legal_amends_resource_legal ?other . BIND("amends" AS ?relation)
  } UNION {
    ?other cdm:resource_legal_amends_resource_legal ?work . BIND("amended_by" AS ?relation)
  }
  ?other cdm:resource_legal_id_celex ?otherCelex .
  FILTER(STRSTARTS(STR(?otherCelex), "3"))
}
ORDER BY ?relation ?otherCelex
LIMIT 1000`;
}

/**
 * The national implementing measures' sector-7 CELEX numbers carry the directive's number after the 7
 * (72022L2555DEU_202501234); a measure notified for several directives carries one CELEX per directive, so
 * ?celex is kept to this directive's, one solution per measure and value of its multi-valued fields.
 */
function measurePattern(celex: string): string {
  return `  ?directive cdm:resource_legal_id_celex ${celexLiteral(celex)} .
  ?nim cdm:measure_national_implementing_implements_resource_legal ?directive ;
       cdm:resource_legal_id_celex ?celex .
  FILTER(STRSTARTS(STR(?celex), "7${celex.slice(1)}"))`;
}

/** How many measures there are, so the page can show a progress bar. */
export function measureCountQuery(celex: string): string {
  return `${CELLAR_PREFIXES}
# eurlex-import: measure count
SELECT (COUNT(DISTINCT ?nim) AS ?count) WHERE {
${measurePattern(celex)}
}`;
}

/** One page of the measures; ORDER BY makes LIMIT/OFFSET pages stable. */
export function measuresQuery(celex: string, limit: number, offset: number): string {
  return `${CELLAR_PREFIXES}
# eurlex-import: measures
SELECT ?nim ?celex ?country ?title ?typeAct ?dateDocument ?dateNotification ?ojName ?ojNumber ?ojDate ?ojPage
       ?referenceCommission ?referenceMemberState ?localId ?eli ?link ?dateInForce ?alsoImplements WHERE {
${measurePattern(celex)}
  OPTIONAL { ?nim cdm:measure_national_implementing_implemented_by_country ?country }
  OPTIONAL { ?nim cdm:work_title ?title }
  OPTIONAL { ?nim cdm:measure_national_implementing_type_act ?typeAct }
  OPTIONAL { ?nim cdm:work_date_document ?dateDocument }
  OPTIONAL { ?nim cdm:measure_national_implementing_date_notification ?dateNotification }
  OPTIONAL { ?nim cdm:measure_national_implementing_name_official_journal ?ojName }
  OPTIONAL { ?nim cdm:measure_national_implementing_number_official_journal ?ojNumber }
  OPTIONAL { ?nim cdm:measure_national_implementing_date_official_journal ?ojDate }
  OPTIONAL { ?nim cdm:measure_national_implementing_page_official_journal ?ojPage }
  OPTIONAL { ?nim cdm:measure_national_implementing_reference_commission ?referenceCommission }
  OPTIONAL { ?nim cdm:measure_national_implementing_reference_member-state ?referenceMemberState }
  OPTIONAL { ?nim cdm:resource_legal_id_local ?localId }
  OPTIONAL { ?nim cdm:resource_legal_eli ?eli }
  OPTIONAL { ?nim cdm:measure_national_implementing_national_website_link ?link }
  OPTIONAL { ?nim cdm:resource_legal_date_entry-into-force ?dateInForce }
  OPTIONAL {
    ?nim cdm:measure_national_implementing_implements_resource_legal ?other .
    ?other cdm:resource_legal_id_celex ?alsoImplements .
    FILTER(STRSTARTS(STR(?alsoImplements), "3"))
  }
}
ORDER BY ?nim ?celex
LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
}

/** Which query a text is, for the tests' fixture server (the marker comments above). */
export function queryKind(query: string): "instrument" | "relations" | "count" | "measures" | null {
  const m = /# eurlex-import: (instrument|relations|measure count|measures)\n/.exec(query);
  if (!m) return null;
  return m[1] === "measure count" ? "count" : (m[1] as "instrument" | "relations" | "measures");
}
