/**
 * Generates a large CELLAR answer for a directive (the speed case: 1,500 notified measures), in the format of
 * the fixtures in tests/fixtures/cellar/ — marked synthetic in every title, never seeded.
 */
import type { CellarDataset } from "./cellar-server";

const XS = "http://www.w3.org/2001/XMLSchema#";
const COUNTRIES = [
  "AUT",
  "BEL",
  "BGR",
  "HRV",
  "CYP",
  "CZE",
  "DNK",
  "EST",
  "FIN",
  "FRA",
  "DEU",
  "GRC",
  "HUN",
  "IRL",
  "ITA",
  "LVA",
  "LTU",
  "LUX",
  "MLT",
  "NLD",
  "POL",
  "PRT",
  "ROU",
  "SVK",
  "SVN",
  "ESP",
  "SWE",
];

const date = (d: string) => ({ type: "typed-literal", datatype: `${XS}date`, value: d });

export function generateDirective(celex: string, measures: number): CellarDataset {
  const year = Number(celex.slice(1, 5));
  const instrument = {
    head: { vars: ["work", "type", "title", "dateDocument", "eli", "deadline"] },
    results: {
      bindings: [
        {
          work: { type: "uri", value: `http://publications.europa.eu/resource/cellar/synthetic-${celex}` },
          type: { type: "uri", value: "http://publications.europa.eu/resource/authority/resource-type/DIR" },
          title: { type: "literal", "xml:lang": "en", value: `Synthetic directive ${celex} (generated for the speed test)` },
          dateDocument: date(`${year}-03-01`),
          eli: { type: "uri", value: `http://data.europa.eu/eli/dir/${year}/${Number(celex.slice(-4))}/oj` },
          deadline: date(`${year + 2}-03-01`),
        },
      ],
    },
  };
  const rows = [];
  for (let i = 0; i < measures; i++) {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const n = String(100000 + i);
    const day = `${year + 1 + (i % 3)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    rows.push({
      nim: { type: "uri", value: `http://publications.europa.eu/resource/cellar/synthetic-nim-${n}` },
      celex: { type: "literal", datatype: `${XS}string`, value: `7${celex.slice(1)}${country}_${n}` },
      country: { type: "uri", value: `http://publications.europa.eu/resource/authority/country/${country}` },
      title: { type: "literal", value: `Synthetic notified measure ${n} of ${country}` },
      typeAct: { type: "literal", value: i % 4 === 0 ? "Decree" : "Act" },
      dateDocument: date(day),
      dateNotification: date(day.replace(/-\d\d$/, "-28")),
      ojName: { type: "literal", value: `Official Journal of ${country}` },
      ojNumber: { type: "literal", value: `${i}/${year + 1}` },
      ojDate: date(day),
      referenceMemberState: { type: "literal", value: `${country}-SYN-${n}` },
    });
  }
  return {
    instrument,
    relations: { head: { vars: ["relation", "otherCelex"] }, results: { bindings: [] } },
    measures: { head: { vars: Object.keys(rows[0] ?? {}) }, results: { bindings: rows } },
  };
}
