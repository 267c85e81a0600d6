import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { loadSeed } from "@/seed/load";
import { readSeed } from "@/seed/read";
import { recordLabels } from "@/app/history/record-labels";
import { translatorFor } from "@/server/translator";
import { freshDatabase } from "../helpers/db";

let h: DbHandle;
const en = translatorFor("en");
beforeAll(() => {
  h = freshDatabase();
  loadSeed(h, readSeed());
});

describe("records named in the audit trail and histories", () => {
  it("names every seeded event's record from its recorded version, never as 'null' or '[object Object]'", () => {
    const events = h.sqlite.prepare("select entity, record_id as id, after from audit_events").all() as {
      entity: string;
      id: string | null;
      after: string | null;
    }[];
    expect(events.length).toBeGreaterThan(1000);
    const named = new Map<string, number>();
    for (const e of events) {
      const name = recordLabels(h.db, e.entity, en).recordName(e.after ? (JSON.parse(e.after) as Record<string, unknown>) : null, Number(e.id));
      if (name === null) continue;
      expect(name, `${e.entity} ${e.id}`).not.toMatch(/\bnull\b|\bundefined\b|\[object/);
      named.set(e.entity, (named.get(e.entity) ?? 0) + 1);
    }
    for (const entity of ["national_measure", "transposition", "notification", "instrument", "provision", "instrument_lineage"])
      expect(named.get(entity) ?? 0, entity).toBeGreaterThan(0);
  });

  it("names a seeded correspondence as people do, and fields by the form's labels", () => {
    const at = recordLabels(h.db, "transposition", en);
    expect(at.recordName({ state: "AT", provision: { instrument: "31995L0046", kind: "article", number: "17" } }, 1)).toBe("95/46/EC Art. 17 — Austria");
    expect(recordLabels(h.db, "national_measure", en).fieldLabel("titleOriginal")).toBe("Title in the original language");
    expect(recordLabels(h.db, "national_measure", en).fieldLabel("someNewField")).toBe("Some new field");
  });

  it("names fields in the page's language, with the same labels as the form", () => {
    expect(recordLabels(h.db, "national_measure", translatorFor("fr")).fieldLabel("titleOriginal")).toBe("Titre dans la langue originale");
    expect(recordLabels(h.db, "transposition", translatorFor("de")).fieldLabel("nationalProvision")).toBe("Nationale Vorschrift(en)");
    expect(recordLabels(h.db, "transposition", translatorFor("de")).fieldLabel("status")).toBe("Status");
    // Fields the form does not show, which imports and the write itself set, are named in the language too.
    expect(recordLabels(h.db, "transposition", translatorFor("fr")).fieldLabel("assessedAt")).toBe("Évalué le");
    expect(recordLabels(h.db, "national_measure", translatorFor("de")).fieldLabel("eurLexNimNumber")).toBe("EUR-Lex-Nummer der nationalen Maßnahme");
    expect(recordLabels(h.db, "transposition", en).fieldLabel("assessorName")).toBe("Assessed by");
  });
});
