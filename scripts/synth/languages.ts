/**
 * Words for synthetic national measure titles, per language: plausible legal
 * phrasing in each Member State's language (scripts, accents and Greek
 * included) so that search, sorting and folding meet real-looking text. These
 * are templates for generated data, not real titles.
 */
export interface LanguageWords {
  /** act, decree, regulation, administrative provision, other — in the order of `measureTypes`. */
  types: readonly [string, string, string, string, string];
  /** "implementing Directive" */
  implementing: string;
  /** "on" before the topic; empty where the topic carries its own case ending. */
  on: string;
  /** Six topics, in the order of ENGLISH.topics. */
  topics: readonly [string, string, string, string, string, string];
  /** How a national provision is cited, `{n}` for the number. */
  provisionRef: string;
}

export const ENGLISH: LanguageWords = {
  types: ["Act", "Order", "Regulations", "Guidance", "Notice"],
  implementing: "implementing Directive",
  on: "on",
  topics: ["data protection", "electronic signatures", "security of network and information systems", "privacy in electronic communications", "confidentiality of communications", "network integrity"],
  provisionRef: "section {n}",
};

export const LANGUAGES: Record<string, LanguageWords> = {
  en: ENGLISH,
  de: {
    types: ["Gesetz", "Verordnung", "Rechtsverordnung", "Verwaltungsvorschrift", "Bekanntmachung"],
    implementing: "zur Umsetzung der Richtlinie",
    on: "über",
    topics: ["den Datenschutz", "elektronische Signaturen", "die Sicherheit von Netz- und Informationssystemen", "den Schutz der Privatsphäre in der elektronischen Kommunikation", "die Vertraulichkeit der Kommunikation", "die Integrität öffentlicher Telekommunikationsnetze"],
    provisionRef: "§ {n}",
  },
  fr: {
    types: ["Loi", "Décret", "Arrêté", "Circulaire", "Avis"],
    implementing: "portant transposition de la directive",
    on: "relative à",
    topics: ["la protection des données à caractère personnel", "la signature électronique", "la sécurité des réseaux et de l'information", "la vie privée dans les communications électroniques", "la confidentialité des communications", "l'intégrité des réseaux"],
    provisionRef: "article {n}",
  },
  nl: {
    types: ["Wet", "Koninklijk besluit", "Ministeriële regeling", "Circulaire", "Bekendmaking"],
    implementing: "tot omzetting van richtlijn",
    on: "betreffende",
    topics: ["de bescherming van persoonsgegevens", "elektronische handtekeningen", "de beveiliging van netwerk- en informatiesystemen", "de persoonlijke levenssfeer in de elektronische communicatie", "het vertrouwelijk karakter van communicatie", "de integriteit van netwerken"],
    provisionRef: "artikel {n}",
  },
  bg: {
    types: ["Закон", "Постановление", "Наредба", "Указание", "Съобщение"],
    implementing: "за транспониране на Директива",
    on: "относно",
    topics: ["защитата на личните данни", "електронния подпис", "сигурността на мрежите и информацията", "неприкосновеността на личния живот в електронните съобщения", "поверителността на съобщенията", "целостта на мрежите"],
    provisionRef: "чл. {n}",
  },
  cs: {
    types: ["Zákon", "Nařízení vlády", "Vyhláška", "Metodický pokyn", "Sdělení"],
    implementing: "kterým se provádí směrnice",
    on: "o",
    topics: ["ochraně osobních údajů", "elektronickém podpisu", "bezpečnosti sítí a informací", "ochraně soukromí v elektronických komunikacích", "důvěrnosti komunikace", "integritě sítí"],
    provisionRef: "§ {n}",
  },
  da: {
    types: ["Lov", "Bekendtgørelse", "Bekendtgørelse", "Vejledning", "Meddelelse"],
    implementing: "om gennemførelse af direktiv",
    on: "om",
    topics: ["behandling af personoplysninger", "elektroniske signaturer", "net- og informationssikkerhed", "privatlivets fred i elektronisk kommunikation", "fortrolighed i kommunikation", "netintegritet"],
    provisionRef: "§ {n}",
  },
  et: {
    types: ["Seadus", "Määrus", "Ministri määrus", "Juhend", "Teadaanne"],
    implementing: "direktiivi ülevõtmiseks",
    on: "",
    topics: ["isikuandmete kaitse", "elektrooniline allkiri", "võrgu- ja infoturve", "eraelu kaitse elektroonilises side", "side konfidentsiaalsus", "võrkude terviklus"],
    provisionRef: "§ {n}",
  },
  el: {
    types: ["Νόμος", "Προεδρικό Διάταγμα", "Υπουργική Απόφαση", "Εγκύκλιος", "Ανακοίνωση"],
    implementing: "για την ενσωμάτωση της Οδηγίας",
    on: "για",
    topics: ["την προστασία των δεδομένων προσωπικού χαρακτήρα", "τις ηλεκτρονικές υπογραφές", "την ασφάλεια δικτύων και πληροφοριών", "την προστασία της ιδιωτικής ζωής στις ηλεκτρονικές επικοινωνίες", "το απόρρητο των επικοινωνιών", "την ακεραιότητα των δικτύων"],
    provisionRef: "άρθρο {n}",
  },
  es: {
    types: ["Ley", "Real Decreto", "Orden", "Instrucción", "Resolución"],
    implementing: "por la que se transpone la Directiva",
    on: "sobre",
    topics: ["protección de datos de carácter personal", "firma electrónica", "seguridad de las redes y de la información", "intimidad en las comunicaciones electrónicas", "secreto de las comunicaciones", "integridad de las redes"],
    provisionRef: "artículo {n}",
  },
  hr: {
    types: ["Zakon", "Uredba", "Pravilnik", "Naputak", "Obavijest"],
    implementing: "kojim se prenosi Direktiva",
    on: "o",
    topics: ["zaštiti osobnih podataka", "elektroničkom potpisu", "sigurnosti mreža i informacijskih sustava", "privatnosti u elektroničkim komunikacijama", "tajnosti komunikacija", "cjelovitosti mreža"],
    provisionRef: "članak {n}",
  },
  it: {
    types: ["Legge", "Decreto legislativo", "Decreto ministeriale", "Circolare", "Comunicato"],
    implementing: "di recepimento della direttiva",
    on: "in materia di",
    topics: ["protezione dei dati personali", "firme elettroniche", "sicurezza delle reti e dell'informazione", "riservatezza nelle comunicazioni elettroniche", "segretezza delle comunicazioni", "integrità delle reti"],
    provisionRef: "art. {n}",
  },
  lv: {
    types: ["Likums", "Ministru kabineta noteikumi", "Noteikumi", "Instrukcija", "Paziņojums"],
    implementing: "ar ko transponē direktīvu",
    on: "par",
    topics: ["fizisko personu datu aizsardzību", "elektroniskajiem parakstiem", "tīklu un informācijas drošību", "privātumu elektroniskajos sakaros", "saziņas konfidencialitāti", "tīklu integritāti"],
    provisionRef: "{n}. pants",
  },
  lt: {
    types: ["Įstatymas", "Nutarimas", "Įsakymas", "Rekomendacija", "Pranešimas"],
    implementing: "kuriuo perkeliama direktyva",
    on: "dėl",
    topics: ["asmens duomenų apsaugos", "elektroninio parašo", "tinklų ir informacijos saugumo", "privatumo elektroninių ryšių sektoriuje", "ryšių konfidencialumo", "tinklų vientisumo"],
    provisionRef: "{n} straipsnis",
  },
  hu: {
    types: ["Törvény", "Kormányrendelet", "Miniszteri rendelet", "Útmutató", "Közlemény"],
    implementing: "az irányelv átültetéséről",
    on: "a",
    topics: ["személyes adatok védelméről", "elektronikus aláírásról", "hálózat- és információbiztonságról", "elektronikus hírközlés magánszféra-védelméről", "közlések bizalmas jellegéről", "hálózatok integritásáról"],
    provisionRef: "{n}. §",
  },
  mt: {
    types: ["Att", "Ordni", "Regolamenti", "Linji gwida", "Avviż"],
    implementing: "li jittrasponi d-Direttiva",
    on: "dwar",
    topics: ["il-protezzjoni tad-data", "il-firem elettroniċi", "is-sigurtà tan-netwerks u l-informazzjoni", "il-privatezza fil-komunikazzjoni elettronika", "il-kunfidenzjalità tal-komunikazzjoni", "l-integrità tan-netwerks"],
    provisionRef: "artikolu {n}",
  },
  pl: {
    types: ["Ustawa", "Rozporządzenie Rady Ministrów", "Rozporządzenie", "Wytyczne", "Obwieszczenie"],
    implementing: "wdrażająca dyrektywę",
    on: "o",
    topics: ["ochronie danych osobowych", "podpisie elektronicznym", "bezpieczeństwie sieci i informacji", "prywatności w łączności elektronicznej", "tajemnicy komunikacji", "integralności sieci"],
    provisionRef: "art. {n}",
  },
  pt: {
    types: ["Lei", "Decreto-Lei", "Portaria", "Despacho", "Aviso"],
    implementing: "que transpõe a Diretiva",
    on: "sobre",
    topics: ["proteção de dados pessoais", "assinaturas eletrónicas", "segurança das redes e da informação", "privacidade nas comunicações eletrónicas", "confidencialidade das comunicações", "integridade das redes"],
    provisionRef: "artigo {n}.º",
  },
  ro: {
    types: ["Lege", "Hotărâre a Guvernului", "Ordin", "Instrucțiune", "Comunicat"],
    implementing: "de transpunere a Directivei",
    on: "privind",
    topics: ["protecția datelor cu caracter personal", "semnătura electronică", "securitatea rețelelor și a informațiilor", "viața privată în comunicațiile electronice", "confidențialitatea comunicațiilor", "integritatea rețelelor"],
    provisionRef: "art. {n}",
  },
  sl: {
    types: ["Zakon", "Uredba", "Pravilnik", "Navodilo", "Obvestilo"],
    implementing: "o prenosu Direktive",
    on: "o",
    topics: ["varstvu osebnih podatkov", "elektronskem podpisu", "varnosti omrežij in informacij", "zasebnosti v elektronskih komunikacijah", "zaupnosti komunikacij", "celovitosti omrežij"],
    provisionRef: "{n}. člen",
  },
  sk: {
    types: ["Zákon", "Nariadenie vlády", "Vyhláška", "Metodické usmernenie", "Oznámenie"],
    implementing: "ktorým sa transponuje smernica",
    on: "o",
    topics: ["ochrane osobných údajov", "elektronickom podpise", "bezpečnosti sietí a informácií", "ochrane súkromia v elektronických komunikáciách", "dôvernosti komunikácie", "integrite sietí"],
    provisionRef: "§ {n}",
  },
  fi: {
    types: ["Laki", "Asetus", "Valtioneuvoston asetus", "Ohje", "Tiedote"],
    implementing: "direktiivin täytäntöönpanosta",
    on: "",
    topics: ["henkilötietojen suojasta", "sähköisistä allekirjoituksista", "verkko- ja tietoturvasta", "yksityisyyden suojasta sähköisessä viestinnässä", "viestinnän luottamuksellisuudesta", "verkkojen eheydestä"],
    provisionRef: "{n} §",
  },
  sv: {
    types: ["Lag", "Förordning", "Föreskrift", "Allmänna råd", "Meddelande"],
    implementing: "om genomförande av direktiv",
    on: "om",
    topics: ["behandling av personuppgifter", "elektroniska signaturer", "nät- och informationssäkerhet", "integritetsskydd i elektronisk kommunikation", "kommunikationens konfidentialitet", "nätens integritet"],
    provisionRef: "{n} §",
  },
  /** The synthetic states' language: Esperanto, so their records are never mistaken for a real state's. */
  eo: {
    types: ["Leĝo", "Dekreto", "Regularo", "Instrukcio", "Avizo"],
    implementing: "por transpono de la Direktivo",
    on: "pri",
    topics: ["protekto de personaj datumoj", "elektronikaj subskriboj", "sekureco de retoj kaj informoj", "privateco en elektronika komunikado", "konfidenceco de komunikado", "integreco de retoj"],
    provisionRef: "artikolo {n}",
  },
};

/** Each real state's languages (the first is its most used for legislation), by EU code. */
export const STATE_LANGUAGES: Record<string, readonly string[]> = {
  AT: ["de"],
  BE: ["fr", "nl"],
  BG: ["bg"],
  CY: ["el"],
  CZ: ["cs"],
  DE: ["de"],
  DK: ["da"],
  EE: ["et"],
  EL: ["el"],
  ES: ["es"],
  FI: ["fi", "sv"],
  FR: ["fr"],
  HR: ["hr"],
  HU: ["hu"],
  IE: ["en"],
  IT: ["it"],
  LT: ["lt"],
  LU: ["fr", "de"],
  LV: ["lv"],
  MT: ["mt", "en"],
  NL: ["nl"],
  PL: ["pl"],
  PT: ["pt"],
  RO: ["ro"],
  SE: ["sv"],
  SI: ["sl"],
  SK: ["sk"],
  UK: ["en"],
};
