import { describe, expect, it } from "vitest";
import { readNdjson } from "@/lib/ndjson";

/** A response body delivered in the given chunks, split wherever the network splits it. */
function bodyOf(chunks: string[]) {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const c of chunks) controller.enqueue(encoder.encode(c));
        controller.close();
      },
    }),
  ).body!;
}

describe("readNdjson", () => {
  it("hands on each event whole, however the lines are split across chunks, multi-byte characters included", async () => {
    const events: unknown[] = [];
    await readNdjson(bodyOf(['{"type":"progress","do', 'ne":1}\n{"type":"error","message":"Déjà vu', ' — über"}\n', "\n"]), (e) => events.push(e));
    expect(events).toEqual([
      { type: "progress", done: 1 },
      { type: "error", message: "Déjà vu — über" },
    ]);
  });
});
