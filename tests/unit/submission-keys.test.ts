import { describe, expect, it } from "vitest";
import { applicationOrder, citedKeys, draftedKeys, draftedMeasureOptions, introducedKey, unresolvedKeys, type KeyedChange } from "@/lib/submission-keys";

const newMeasure = (key: string, stateCode = "FR"): KeyedChange => ({
  entity: "national_measure",
  operation: "create",
  payload: { stateCode, key, titleOriginal: `Texte ${key}` },
});
const newEntry = (...measureKeys: string[]): KeyedChange => ({
  entity: "transposition",
  operation: "create",
  payload: { stateCode: "FR", provisionId: 1, measureKeys },
});
const notification = (principalMeasureKey: string | null): KeyedChange => ({
  entity: "notification",
  operation: "update",
  payload: { stateCode: "FR", instrument: "31995L0046", principalMeasureKey },
});

describe("which keys a change introduces and cites", () => {
  it("a new or updated measure introduces its key; a deletion introduces none", () => {
    expect(introducedKey(newMeasure("fr-a"))).toBe("fr-a");
    expect(introducedKey({ entity: "national_measure", operation: "update", payload: { key: "fr-b" } })).toBe("fr-b");
    expect(introducedKey({ entity: "national_measure", operation: "delete", payload: null })).toBeNull();
    expect(introducedKey(newEntry("fr-a"))).toBeNull();
  });

  it("an entry cites its measure keys, a notification its principal measure", () => {
    expect(citedKeys(newEntry("fr-a", "fr-b"))).toEqual([
      { field: "measureKeys", key: "fr-a" },
      { field: "measureKeys", key: "fr-b" },
    ]);
    expect(citedKeys(notification("fr-a"))).toEqual([{ field: "principalMeasureKey", key: "fr-a" }]);
    expect(citedKeys(notification(null))).toEqual([]);
    expect(citedKeys(newMeasure("fr-a"))).toEqual([]);
  });

  it("a measure drafted for another state introduces nothing for this one", () => {
    expect([...draftedKeys([newMeasure("fr-a"), newMeasure("de-b", "DE")], "FR")]).toEqual(["fr-a"]);
  });
});

describe("unresolvedKeys: within-submission key resolution", () => {
  const existing = new Set(["fr-loi-78-17"]);

  it("accepts a key of the state's measures and a key a new measure of the submission introduces, in either order", () => {
    expect(unresolvedKeys([newMeasure("fr-new"), newEntry("fr-new", "fr-loi-78-17")], "FR", existing)).toEqual([]);
    expect(unresolvedKeys([newEntry("fr-new"), newMeasure("fr-new")], "FR", existing)).toEqual([]);
    expect(unresolvedKeys([newMeasure("fr-new"), notification("fr-new")], "FR", existing)).toEqual([]);
  });

  it("refuses an unknown key, and a key only another state's measure introduces, naming the change and field", () => {
    const unknown = unresolvedKeys([newMeasure("fr-new"), newEntry("fr-new", "fr-nowhere")], "FR", existing);
    expect(unknown).toEqual([
      { index: 1, field: "measureKeys", key: "fr-nowhere", message: expect.stringContaining("Change 2: no measure of FR has the key fr-nowhere") },
    ]);
    const otherState = unresolvedKeys([newMeasure("fr-x", "DE"), newEntry("fr-x")], "FR", existing);
    expect(otherState).toHaveLength(1);
    expect(otherState[0]).toMatchObject({ index: 1, key: "fr-x" });
    expect(unresolvedKeys([notification("fr-gone")], "FR", existing)[0]).toMatchObject({ index: 0, field: "principalMeasureKey" });
  });
});

describe("applicationOrder", () => {
  it("keeps the drafted order when every measure comes before the changes citing it", () => {
    expect(applicationOrder([newMeasure("fr-a"), newEntry("fr-a"), notification("fr-a")])).toEqual([0, 1, 2]);
    expect(applicationOrder([newEntry("fr-loi-78-17"), newMeasure("fr-a")])).toEqual([0, 1]);
  });

  it("moves a measure drafted later just before the first change citing it", () => {
    expect(applicationOrder([newEntry("fr-a"), newMeasure("fr-a")])).toEqual([1, 0]);
    expect(
      applicationOrder([newMeasure("fr-z"), newEntry("fr-b"), notification("fr-b"), newEntry("fr-c", "fr-b"), newMeasure("fr-c"), newMeasure("fr-b")]),
    ).toEqual([0, 5, 1, 2, 4, 3]);
  });

  it("applies every change exactly once", () => {
    const changes = [newEntry("fr-a", "fr-b"), newMeasure("fr-b"), newEntry("fr-b"), newMeasure("fr-a")];
    const order = applicationOrder(changes);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(order.indexOf(3)).toBeLessThan(order.indexOf(0));
    expect(order.indexOf(1)).toBeLessThan(order.indexOf(0));
  });
});

describe("draftedMeasureOptions", () => {
  it("offers the draft's measures of the state by name, with the key as entered", () => {
    expect(draftedMeasureOptions([newMeasure("fr-a"), newMeasure("de-b", "DE"), newEntry("fr-a"), newMeasure("fr-a")], "FR")).toEqual([
      { value: "fr-a", label: "Texte fr-a (fr-a) — new, in this draft" },
    ]);
  });
});
