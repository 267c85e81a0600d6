import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { toCsv, type CsvValue } from "@/lib/csv";
import { csvLine, csvStream } from "@/lib/csv-stream";

async function collect(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(parts)), chunks: parts.length };
}

describe("streaming CSV", () => {
  it("neutralises formulas in text cells and keeps numbers as numbers", () => {
    expect(csvLine(["=SUM(A1)", "+1", "-x", "@cmd", "\tx", "\rx", -5, 3.5, true, null, "plain"])).toBe(
      `'=SUM(A1),'+1,'-x,'@cmd,'\tx,"'\rx",-5,3.5,true,,plain\r\n`,
    );
  });

  it("quotes commas, quotes and newlines in national titles and keeps non-Latin scripts byte for byte", () => {
    const rows: CsvValue[][] = [
      ['Loi n° 78-17 du 6 janvier 1978, "informatique et libertés"', "line one\nline two"],
      ["Νόμος 2472/1997 για την προστασία του ατόμου", "Закон за защита на личните данни"],
    ];
    const text = ["a,b", ...rows].map((r) => csvLine(Array.isArray(r) ? r : r.split(","))).join("");
    expect(text).toBe(toCsv(["a", "b"], rows));
    expect(parse(text)).toEqual([["a", "b"], ...rows.map((r) => r.map(String))]);
  });

  it("produces only when pulled, in bounded chunks, with an optional BOM, and reports the row count", async () => {
    let produced = 0;
    function* rows() {
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield [i, `row ${i}`] as CsvValue[];
      }
    }
    let closed: { rows: number } | null = null;
    const stream = csvStream(["n", "text"], rows(), { bom: true, chunkChars: 4096, onClose: (r) => (closed = r) });
    await new Promise((r) => setTimeout(r, 10));
    // The stream pulled once for its queue, not the whole iterator.
    expect(produced).toBeLessThan(1000);
    const { text, chunks } = await collect(stream);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1, 14)).toBe("n,text\r\n0,row");
    expect(chunks).toBeGreaterThan(20);
    expect(closed).toEqual({ rows: 10_000 });
  });

  it("closes the row iterator when the client goes away", async () => {
    let finished = false;
    function* rows() {
      try {
        for (let i = 0; ; i++) yield [i] as CsvValue[];
      } finally {
        finished = true;
      }
    }
    const stream = csvStream(["n"], rows(), { chunkChars: 100 });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
