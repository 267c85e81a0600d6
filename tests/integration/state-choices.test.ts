import { describe, expect, it } from "vitest";
import { stateChoices } from "@/db/queries/options";
import { freshDatabase } from "../helpers/db";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";

const h = freshDatabase();
if ((h.sqlite.prepare("select count(*) n from member_states").get() as { n: number }).n === 0) loadSeed(h, readSeed());

describe("the Member State choices of a form", () => {
  it("are named and ordered as the form's language names them, each with its code", () => {
    const en = stateChoices(h.db);
    const fr = stateChoices(h.db, "fr");
    const de = stateChoices(h.db, "de");
    expect(en.length).toBeGreaterThanOrEqual(27);
    expect(fr).toHaveLength(en.length);
    expect(en.find((s) => s.value === "DE")?.label).toBe("Germany (DE)");
    expect(fr.find((s) => s.value === "DE")?.label).toBe("Allemagne (DE)");
    expect(de.find((s) => s.value === "AT")?.label).toBe("Österreich (AT)");
    // Ordered by the name in the language: Allemagne comes first in French, Belgien before Bulgarien in German.
    expect(fr[0]?.value).toBe("DE");
    expect(de.findIndex((s) => s.value === "BE")).toBeLessThan(de.findIndex((s) => s.value === "BG"));
    // Österreich sorts with O in German (a collator, not code points: Ö is after Z in them).
    expect(de.findIndex((s) => s.value === "AT")).toBeLessThan(de.findIndex((s) => s.value === "PL"));
    const names = (xs: { label: string }[]) => xs.map((s) => s.label);
    expect(names(en)).toEqual([...names(en)].sort((a, b) => a.localeCompare(b, "en")));
  });
});
