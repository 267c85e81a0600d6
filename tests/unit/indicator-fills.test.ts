/** The primary's runner of the past dates its workers ask it to fill (server/cache/warm-up.ts, `indicatorFills`). */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { indicatorFills, type FillProcess } from "@/server/cache/warm-up";

function standIns() {
  const started: { asOf: string; process: EventEmitter & { killed: string | null } }[] = [];
  const start = (asOf: string): FillProcess => {
    const process = Object.assign(new EventEmitter(), {
      killed: null as string | null,
      kill(signal?: NodeJS.Signals | number) {
        process.killed = String(signal);
        return true;
      },
    });
    started.push({ asOf, process });
    return process;
  };
  return { started, start, dates: () => started.map((s) => s.asOf) };
}

describe("the past dates the workers ask the primary to fill", () => {
  it("fills a date once however many workers ask while it is filled or waiting, one date at a time", () => {
    const { start, started, dates } = standIns();
    const fills = indicatorFills(start);
    fills.request("2020-06-30");
    fills.request("2020-06-30");
    fills.request("2010-01-01");
    fills.request("2010-01-01");
    expect(dates()).toEqual(["2020-06-30"]);
    started[0]!.process.emit("exit", 0);
    expect(dates()).toEqual(["2020-06-30", "2010-01-01"]);
    fills.request("2010-01-01");
    expect(dates()).toEqual(["2020-06-30", "2010-01-01"]);
  });

  it("fills a date again when asked after its fill ended, and goes on after a process that could not start", () => {
    const { start, started, dates } = standIns();
    const fills = indicatorFills(start);
    fills.request("2020-06-30");
    fills.request("2001-06-06");
    started[0]!.process.emit("error", new Error("spawn failed"));
    started[0]!.process.emit("exit", 1);
    expect(dates()).toEqual(["2020-06-30", "2001-06-06"]);
    started[1]!.process.emit("exit", 0);
    fills.request("2020-06-30");
    expect(dates()).toEqual(["2020-06-30", "2001-06-06", "2020-06-30"]);
  });

  it("on stop ends the fill under way, drops the waiting dates and starts no other", () => {
    const { start, started, dates } = standIns();
    const fills = indicatorFills(start);
    fills.request("2020-06-30");
    fills.request("2010-01-01");
    fills.stop();
    expect(started[0]!.process.killed).toBe("SIGTERM");
    started[0]!.process.emit("exit", null);
    fills.request("2005-01-01");
    expect(dates()).toEqual(["2020-06-30"]);
  });
});
