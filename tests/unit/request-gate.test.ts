import { describe, expect, it } from "vitest";
import { hasWellFormedPath, isCrossOriginAction, refuseRequest } from "@/lib/request-gate";
import { parseParams } from "@/server/export/params";
import { apiTables } from "@/server/export/registry";
import { formDataToObject } from "@/lib/validation/common";
import { measureInput } from "@/lib/validation/measure";

describe("paths with malformed percent-encoding", () => {
  it("are told apart from well-formed ones, in every segment", () => {
    for (const ok of ["/", "/measures/de-bdsg-2001", "/search?q=%2", "/instruments/%33%31995L0046", "/measures/%C3%A9"])
      expect(hasWellFormedPath(ok), ok).toBe(true);
    for (const bad of ["/measures/%2", "/instruments/%E0%A4%A", "/member-states/%zz", "/history/national_measure/%", "/api/v1/export/%ff.csv"])
      expect(hasWellFormedPath(bad), bad).toBe(false);
  });

  it("are refused with 400", () => {
    expect(refuseRequest({ method: "GET", url: "/measures/%2", headers: {} })).toMatchObject({ status: 400 });
    expect(refuseRequest({ method: "GET", url: "/measures/de-bdsg-2001", headers: {} })).toBeNull();
  });
});

describe("an API query naming __proto__", () => {
  it("is refused with 400 at the gate, however it is spelled, and only on the API", () => {
    for (const url of ["/api/v1/measures?__proto__=a", "/api/v1/measures?state=DE&%5F%5Fproto%5F%5F=1", "/api/v1/export/measures.csv?__proto__"])
      expect(refuseRequest({ method: "GET", url, headers: {} }), url).toMatchObject({ status: 400 });
    expect(refuseRequest({ method: "GET", url: "/api/v1/measures?q=__proto__", headers: {} })).toBeNull();
    expect(refuseRequest({ method: "GET", url: "/measures?__proto__=a", headers: {} })).toBeNull();
  });
});

describe("a server action from another origin", () => {
  const action = (origin: string | undefined, host = "localhost:3000") => ({
    method: "POST",
    url: "/staff/measures/1",
    headers: { "next-action": "abc", host, ...(origin ? { origin } : {}) },
  });

  it("is refused with 403; the same origin, a plain POST and a missing Origin are left to Next", () => {
    expect(isCrossOriginAction(action("https://attacker.example"))).toBe(true);
    expect(refuseRequest(action("https://attacker.example"))).toMatchObject({ status: 403 });
    expect(isCrossOriginAction(action("not a url"))).toBe(true);
    expect(isCrossOriginAction(action("http://localhost:3000"))).toBe(false);
    expect(isCrossOriginAction(action(undefined))).toBe(false);
    expect(isCrossOriginAction({ method: "POST", url: "/api/v1/submissions", headers: { origin: "https://attacker.example", host: "localhost:3000" } })).toBe(
      false,
    );
  });

  it("behind a trusted proxy compares with the forwarded host", () => {
    const proxied = {
      method: "POST",
      url: "/x",
      headers: { "next-action": "a", host: "127.0.0.1:3000", "x-forwarded-host": "nis.example.eu", origin: "https://nis.example.eu" },
    };
    expect(isCrossOriginAction(proxied, "x-forwarded-host")).toBe(false);
    expect(isCrossOriginAction(proxied)).toBe(true);
  });
});

describe("parameters named after object properties", () => {
  it("are unknown parameters like any other, answered with field errors rather than a crash", () => {
    for (const name of ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "__defineGetter__"]) {
      const parsed = parseParams(apiTables.measures.spec, "api", new URLSearchParams([[name, "1"]]));
      expect(parsed.ok, name).toBe(false);
      if (!parsed.ok) expect(Object.keys(parsed.errors), name).toEqual([name]);
    }
  });

  it("in a form are refused by the strict schema, never set on the prototype", () => {
    const form = new FormData();
    form.append("__proto__", "x");
    form.append("constructor", "y");
    const object = formDataToObject(form);
    expect(Object.keys(object).sort()).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const parsed = measureInput.safeParse(object);
    expect(parsed.success).toBe(false);
  });
});
