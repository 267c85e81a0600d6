import { describe, expect, it } from "vitest";
import { eventView, visibleChanges } from "@/lib/history-view";

const approval = { actorLabel: "editor@example.eu", submissionId: 12, reason: "Submission #12: Décret n° 2005-1309, per the Journal officiel" };

describe("a record's history for the public", () => {
  it("shows staff who acted, through which submission and with which message", () => {
    expect(eventView(approval, true)).toEqual({ who: "editor@example.eu", submissionId: 12, throughSubmission: false, reason: approval.reason });
  });

  it("shows researchers and regulators that staff acted, not who, nor the submission's number or message", () => {
    const view = eventView(approval, false);
    expect(view).toEqual({ who: "Commission staff", submissionId: null, throughSubmission: true, reason: null });
    expect(JSON.stringify(view)).not.toMatch(/example\.eu|#12|Décret/);
  });

  it("keeps a public reason and names the seed", () => {
    expect(eventView({ actorLabel: "admin@example.eu", submissionId: null, reason: "duplicate of fr-loi-78-17" }, false)).toMatchObject({
      who: "Commission staff",
      reason: "duplicate of fr-loi-78-17",
    });
    expect(eventView({ actorLabel: "seed", submissionId: null, reason: "initial seed from seed/data" }, false).who).toBe("the inventory's initial data");
  });

  it("names hidden actors in the words the page passes (its language), never the account", () => {
    const words = { seed: "les données initiales de l'inventaire", staff: "les services de la Commission" };
    expect(eventView({ actorLabel: "admin@example.eu", submissionId: null, reason: null }, false, words).who).toBe("les services de la Commission");
    expect(eventView({ actorLabel: "seed", submissionId: null, reason: null }, false, words).who).toBe("les données initiales de l'inventaire");
    expect(eventView({ actorLabel: "admin@example.eu", submissionId: null, reason: null }, true, words).who).toBe("admin@example.eu");
  });

  it("leaves out the assessor fields for the public only", () => {
    const changes = [
      { field: "status", before: "unknown", after: "full" },
      { field: "assessorName", before: "", after: "Erik Editor" },
      { field: "assessorId", before: "", after: "3" },
    ];
    expect(visibleChanges(changes, false).map((c) => c.field)).toEqual(["status"]);
    expect(visibleChanges(changes, true)).toHaveLength(3);
  });
});
