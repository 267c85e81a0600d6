import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  describeMatch,
  explainMatch,
  highlightSegments,
  matchForms,
  nearMatchExpression,
  searchTerms,
  trigramFilterExpression,
  trigramMatchExpression,
  wordMatchExpression,
  type SearchTerm,
} from "@/lib/search-text";

const marked = (text: string, terms: SearchTerm[]) =>
  highlightSegments(text, matchForms(terms))
    .filter((s) => s.isMatch)
    .map((s) => s.text);

describe("query words and their stems", () => {
  it("stems each word as typed in the inventory's languages, then folds the stem like the index", () => {
    expect(searchTerms("données personnelles")).toEqual([
      { typed: "données", word: "donnees", stem: "donne" },
      { typed: "personnelles", word: "personnelles", stem: "personnel" },
    ]);
    // Greek: the stemmer needs the accents, the index holds the folded stem.
    expect(searchTerms("Προστασία δεδομένων").map((t) => t.stem)).toEqual(["προστασ", "δεδομεν"]);
    expect(searchTerms("Datenschutzes")[0]?.stem).toBe("datenschutz");
    // Case and Unicode normalisation of the query change nothing.
    expect(searchTerms("DONNÉES PERSONNELLES")).toEqual(searchTerms("données personnelles"));
    expect(searchTerms("donne\u0301es")).toEqual(searchTerms("données"));
  });

  it("keeps only stems that are a real, modest shortening of the word", () => {
    // No stem for a word already at its stem, or too short to shorten.
    expect(searchTerms("datenschutz loi dati")).toEqual([
      { typed: "datenschutz", word: "datenschutz", stem: null },
      { typed: "loi", word: "loi", stem: null },
      { typed: "dati", word: "dati", stem: null },
    ]);
    // German "sicherheit" → "sich" keeps 40 % of the word and would find the pronoun "sich": dropped.
    const sicherheit = searchTerms("Sicherheit")[0]!;
    expect(sicherheit.stem).not.toBe("sich");
    for (const t of searchTerms("communications électroniques télécommunications signatures Sicherheit νόμος")) {
      if (t.stem === null) continue;
      expect(t.word.startsWith(t.stem)).toBe(true);
      expect(t.stem.length).toBeGreaterThanOrEqual(Math.max(4, Math.ceil(t.word.length * 0.6)));
      expect(t.stem.length).toBeLessThan(t.word.length);
    }
  });

  it("builds each term as its word or its stem, terms AND-ed, and a NEAR group over the stems", () => {
    const terms = searchTerms("données personnelles");
    expect(wordMatchExpression(terms)).toBe('("donnees"* OR "donne"*) AND ("personnelles"* OR "personnel"*)');
    expect(trigramMatchExpression(terms)).toBe('("donnees" OR "donne") AND ("personnelles" OR "personnel")');
    // Where only which records match counts, a stem's substring finds every record its word's does.
    expect(trigramFilterExpression(terms)).toBe('"donne" AND "personnel"');
    expect(trigramFilterExpression(searchTerms("datenschutz"))).toBe('"datenschutz"');
    expect(trigramFilterExpression(searchTerms("de datenschutz"))).toBeNull();
    expect(nearMatchExpression(terms)).toBe('NEAR("donne"* "personnel"*, 10)');
    expect(nearMatchExpression(searchTerms("personnelles"))).toBeNull();
    expect(wordMatchExpression(searchTerms("loi"))).toBe('"loi"*');
  });

  it("highlights the stem forms that matched, not only the typed words", () => {
    const terms = searchTerms("données personnelles");
    expect(marked("Loi relative aux données à caractère personnel", terms)).toEqual(["données", "personnel"]);
    expect(marked("Loi relative à la protection des données personnelles", terms)).toEqual(["données", "personnelles"]);
    // "δεδομένα" finds "δεδομένων" by its stem, and only the stem is marked.
    expect(marked("Προστασία δεδομένων προσωπικού χαρακτήρα", searchTerms("προστασία δεδομένα"))).toEqual(["Προστασία", "δεδομέν"]);
  });
});

describe("why a record matched", () => {
  const title = "Loi n° 2004-801 du 6 août 2004 relative à la protection des personnes physiques à l'égard des traitements de données à caractère personnel";

  it("names the word of the text that matched each query word, and how", () => {
    const why = explainMatch([title, "Act of 6 August 2004"], searchTerms("Données personnelles"));
    expect(why).toEqual([
      { typed: "données", found: "données", how: "word", form: "donnees" },
      { typed: "personnelles", found: "personnel", how: "stem", form: "personnel" },
    ]);
    expect(why.map(describeMatch)).toEqual(["données (as typed)", "personnel (a form of “personnelles”)"]);
    expect(explainMatch([title], searchTerms("donnees")).map(describeMatch)).toEqual(["données (as typed)"]);
    expect(explainMatch([title], searchTerms("trait")).map(describeMatch)).toEqual(["traitements (begins with “trait”)"]);
  });

  it("says when a word matched only inside a longer word (the substring hits)", () => {
    expect(explainMatch(["Bundesdatenschutzgesetz (BDSG)"], searchTerms("Datenschutz")).map(describeMatch)).toEqual([
      "Bundesdatenschutzgesetz (contains “datenschutz”)",
    ]);
    expect(explainMatch(["Bundesdatenschutzgesetz"], searchTerms("Datenschutzes")).map(describeMatch)).toEqual([
      "Bundesdatenschutzgesetz (contains “datenschutz”, a form of “datenschutzes”)",
    ]);
    // The English body counts too; a word found nowhere is left out rather than invented.
    expect(explainMatch(["Datenschutzgesetz", "Federal Data Protection Act"], searchTerms("protection zzz")).map(describeMatch)).toEqual([
      "Protection (as typed)",
    ]);
  });
});

describe("what a person types never becomes FTS5 syntax", () => {
  let db: Database.Database;
  const rows = [
    "Loi relative aux données à caractère personnel",
    "Loi relative à la protection des données personnelles",
    "Bundesdatenschutzgesetz",
    "Alpha beta",
    "Νόμος 2472/1997 για την προστασία δεδομένων προσωπικού χαρακτήρα",
  ];
  beforeAll(() => {
    db = new Database(":memory:");
    // The tokenizers of migration 0004.
    db.exec(`create virtual table w using fts5(title, tokenize = "unicode61 remove_diacritics 2");
      create virtual table t using fts5(title, tokenize = "trigram remove_diacritics 1");`);
    const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/ς/g, "σ");
    rows.forEach((r, i) => {
      db.prepare("insert into w(rowid, title) values (?, ?)").run(i + 1, fold(r));
      db.prepare("insert into t(rowid, title) values (?, ?)").run(i + 1, fold(r));
    });
  });
  afterAll(() => db.close());

  const words = (q: string) => {
    const e = wordMatchExpression(searchTerms(q));
    return e ? (db.prepare("select rowid from w where w match ? order by rowid").pluck().all(e) as number[]) : [];
  };
  const near = (q: string) => {
    const e = nearMatchExpression(searchTerms(q));
    return e ? (db.prepare("select rowid from w where w match ? order by rowid").pluck().all(e) as number[]) : [];
  };

  it("finds other forms of a word through its stem, and only with every word present", () => {
    expect(words("données personnelles")).toEqual([1, 2]);
    expect(words("personnelles")).toEqual([1, 2]);
    expect(words("personnel")).toEqual([1, 2]);
    expect(words("données zzz")).toEqual([]);
    expect(words("δεδομένα ΠΡΟΣΤΑΣΙΑ")).toEqual([5]);
    expect(near("données personnelles")).toEqual([1, 2]);
  });

  it("treats OR, AND, NOT, NEAR, quotes, stars, carets and column filters as words or nothing", () => {
    expect(words("alpha OR zzz")).toEqual([]);
    expect(words("alpha NOT beta")).toEqual([]);
    expect(words("NEAR(alpha beta)")).toEqual([]);
    expect(words('"alpha" AND beta')).toEqual([]);
    expect(words('"alpha" "beta')).toEqual([4]);
    expect(words("title:alpha* ^beta -x")).toEqual([]);
    expect(words("^alpha* +beta")).toEqual([4]);
  });

  it("builds expressions SQLite accepts from any input, a few hundred random strings", () => {
    // A small seeded generator (mulberry32) so a failure replays.
    let seed = 0x5eed17;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = [
      ..."\"'*^:()+-{}[],.;\\/ \t\n\u0000AaéÉßςΣ語😀\u0301\u200b",
      "OR",
      "AND",
      "NOT",
      "NEAR",
      "NEAR(",
      "title:",
      "données",
      "personnelles",
      "ΠΡΟΣΤΑΣΊΑ",
      "İ",
      "ﬁ",
    ];
    const queries: string[] = [];
    for (let i = 0; i < 400; i++) {
      let q = "";
      const n = Math.floor(random() * 24);
      for (let k = 0; k < n; k++) q += alphabet[Math.floor(random() * alphabet.length)];
      queries.push(q);
    }
    queries.push("a".repeat(500), "é".repeat(300), "x ".repeat(100));
    for (const q of queries) {
      const terms = searchTerms(q);
      expect(terms.length).toBeLessThanOrEqual(8);
      for (const [table, expression] of [
        ["w", wordMatchExpression(terms)],
        ["t", trigramMatchExpression(terms)],
        ["t", trigramFilterExpression(terms)],
        ["w", nearMatchExpression(terms)],
      ] as const) {
        if (expression === null) continue;
        // Outside quoted forms only the builder's own syntax remains.
        expect(expression.replace(/"(?:[^"]|"")*"/g, "")).toMatch(/^(?:[ ()*,0-9]|AND|OR|NEAR)*$/);
        expect(() => db.prepare(`select rowid from ${table} where ${table} match ?`).all(expression), `${JSON.stringify(q)} → ${expression}`).not.toThrow();
      }
      const scored = trigramMatchExpression(terms);
      if (scored !== null) {
        const rowids = (e: string) => db.prepare("select rowid from t where t match ? order by rowid").pluck().all(e);
        expect(rowids(trigramFilterExpression(terms)!), JSON.stringify(q)).toEqual(rowids(scored));
      }
      expect(() => explainMatch(rows, terms).map(describeMatch)).not.toThrow();
    }
  });
});
