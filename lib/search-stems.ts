/**
 * Word stems for search queries (Snowball stemmers from @orama/stemmers), in the languages of the inventory's titles
 * that have one. A query has no language, so a word is stemmed in all of them; lib/search-text.ts keeps a stem only when it
 * is a real, modest shortening of the word. The stemmers read the word as typed, lower-cased: they know their
 * language's accents (French "données", Greek "νόμος").
 */
import { stemmer as bulgarian } from "@orama/stemmers/bulgarian";
import { stemmer as danish } from "@orama/stemmers/danish";
import { stemmer as dutch } from "@orama/stemmers/dutch";
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as finnish } from "@orama/stemmers/finnish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as greek } from "@orama/stemmers/greek";
import { stemmer as hungarian } from "@orama/stemmers/hungarian";
import { stemmer as italian } from "@orama/stemmers/italian";
import { stemmer as lithuanian } from "@orama/stemmers/lithuanian";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as romanian } from "@orama/stemmers/romanian";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as swedish } from "@orama/stemmers/swedish";

const STEMMERS: ((word: string) => string)[] = [
  bulgarian,
  danish,
  dutch,
  english,
  finnish,
  french,
  german,
  greek,
  hungarian,
  italian,
  lithuanian,
  portuguese,
  romanian,
  spanish,
  swedish,
];

/** The word's stems in every language, as the stemmers give them (not folded; a stemmer that fails on a word is skipped). */
export function wordStems(word: string): string[] {
  const stems = new Set<string>();
  for (const stem of STEMMERS) {
    try {
      stems.add(stem(word));
    } catch {
      // A stemmer that cannot read the word has no stem for it.
    }
  }
  return [...stems];
}
