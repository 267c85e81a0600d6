import { afterEach, describe, expect, it } from "vitest";
import { connectionAccepted, requestEnded, requestsInFlight, requestStarted, serverIsBusy } from "@/server/cache/requests-in-flight";

afterEach(() => {
  while (requestsInFlight() > 0) requestEnded();
  connectionAccepted(-1e12);
});

describe("whether the server is busy", () => {
  it("is busy while a request is answered, and idle once it ends", () => {
    const now = 1_000_000;
    expect(serverIsBusy(now)).toBe(false);
    requestStarted();
    requestStarted();
    requestEnded();
    expect(serverIsBusy(now)).toBe(true);
    requestEnded();
    expect(serverIsBusy(now)).toBe(false);
    // More ends than starts do not make the count negative.
    requestEnded();
    expect(requestsInFlight()).toBe(0);
  });

  it("counts a connection just accepted as busy, before its request is read", () => {
    connectionAccepted(1_000_000);
    expect(serverIsBusy(1_000_010)).toBe(true);
    expect(serverIsBusy(1_000_100)).toBe(false);
  });
});
