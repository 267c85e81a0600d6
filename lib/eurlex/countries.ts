/**
 * The Publications Office's country authority table names countries by ISO 3166-1 alpha-3 code
 * (http://publications.europa.eu/resource/authority/country/DEU); the inventory writes them as the EU does
 * (EL for Greece, UK for the United Kingdom). Only the states that have been members are mapped: any other
 * code is reported, never guessed.
 */
const ALPHA3_TO_EU: Readonly<Record<string, string>> = {
  AUT: "AT",
  BEL: "BE",
  BGR: "BG",
  HRV: "HR",
  CYP: "CY",
  CZE: "CZ",
  DNK: "DK",
  EST: "EE",
  FIN: "FI",
  FRA: "FR",
  DEU: "DE",
  GRC: "EL",
  HUN: "HU",
  IRL: "IE",
  ITA: "IT",
  LVA: "LV",
  LTU: "LT",
  LUX: "LU",
  MLT: "MT",
  NLD: "NL",
  POL: "PL",
  PRT: "PT",
  ROU: "RO",
  SVK: "SK",
  SVN: "SI",
  ESP: "ES",
  SWE: "SE",
  GBR: "UK",
};

/** The main language of each state's official journal, for a title the endpoint gives without a language tag. */
const DEFAULT_LANGUAGE: Readonly<Record<string, string>> = {
  AT: "de",
  BE: "fr",
  BG: "bg",
  HR: "hr",
  CY: "el",
  CZ: "cs",
  DK: "da",
  EE: "et",
  FI: "fi",
  FR: "fr",
  DE: "de",
  EL: "el",
  HU: "hu",
  IE: "en",
  IT: "it",
  LV: "lv",
  LT: "lt",
  LU: "fr",
  MT: "mt",
  NL: "nl",
  PL: "pl",
  PT: "pt",
  RO: "ro",
  SK: "sk",
  SI: "sl",
  ES: "es",
  SE: "sv",
  UK: "en",
};

const AUTHORITY_PREFIX = "http://publications.europa.eu/resource/authority/country/";

/** The authority code at the end of a country URI ("DEU"), or the value itself when it is a bare code. */
export function authorityCode(value: string): string {
  const trimmed = value.trim();
  const tail = trimmed.startsWith("http") ? trimmed.slice(trimmed.lastIndexOf("/") + 1) : trimmed;
  return tail.toUpperCase();
}

/** DEU → DE, GRC → EL, GBR → UK; null for a code that is not a (former) Member State. */
export function memberStateFromAuthority(value: string): string | null {
  return ALPHA3_TO_EU[authorityCode(value)] ?? null;
}

export function authorityUri(stateCode: string): string | null {
  const entry = Object.entries(ALPHA3_TO_EU).find(([, eu]) => eu === stateCode);
  return entry ? `${AUTHORITY_PREFIX}${entry[0]}` : null;
}

export function defaultLanguage(stateCode: string): string {
  return DEFAULT_LANGUAGE[stateCode] ?? "en";
}
