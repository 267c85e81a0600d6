/**
 * db/queries/ only reads (README, "Folder map"): writes live in db/writes/, the caches' fills in db/cache/. This reads
 * the source of every query module and fails on a write statement or a call of a writer.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";

const tables = Object.entries(schema)
  .filter(([, value]) => is(value, SQLiteTable))
  .map(([name]) => name);

const WRITES: [string, RegExp][] = [
  // drizzle's builders take the table: `db.insert(apiTokens)` (a Map's or a hash's .delete/.update take other things).
  ["a drizzle insert, update or delete", new RegExp(`\\.(insert|update|delete)\\(\\s*(?:schema\\.)?(?:${tables.join("|")})\\s*\\)`)],
  // An EntityWriter's methods take the connection first: `writer.insert(db, actor, input)`.
  ["a writer's insert, update or remove", /\.(insert|update|remove)\(\s*(db|tx)\b/],
  ["an INSERT or REPLACE statement", /\b(insert|replace)\s+(or\s+\w+\s+)?into\b/i],
  ["an UPDATE statement", /\bupdate\s+[\w"`]+\s+set\b/i],
  ["a DELETE statement", /\bdelete\s+from\b/i],
  ["a write path of db/", /\b(writeTransaction|recordAudit|writeDerived|createIn|updateIn|deleteIn|createSubmission)\b/],
];

/** Comments name writes ("the writes: db/writes/…") without making one. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

function writesIn(source: string): string[] {
  const code = withoutComments(source);
  return WRITES.filter(([, pattern]) => pattern.test(code)).map(([what]) => what);
}

const dir = join(process.cwd(), "db", "queries");
const queryFiles = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));

describe("db/queries only reads", () => {
  it.each(queryFiles)("db/queries/%s makes no write", (file) => {
    expect(writesIn(readFileSync(join(dir, file), "utf8"))).toEqual([]);
  });

  it("would notice the writes that moved out of it", () => {
    const read = (path: string) => writesIn(readFileSync(join(process.cwd(), path), "utf8"));
    expect(read("db/writes/api-tokens.ts")).toEqual(expect.arrayContaining(["a drizzle insert, update or delete", "a write path of db/"]));
    expect(read("db/writes/correspondence-import.ts")).toContain("a write path of db/");
    expect(read("db/cache/indicator-cache.ts")).toEqual(expect.arrayContaining(["a drizzle insert, update or delete", "a DELETE statement"]));
    expect(writesIn("const id = writer.insert(db, actor, input);")).toEqual(["a writer's insert, update or remove"]);
    expect(writesIn('db.$client.prepare("update users set name = ?").run(name);')).toEqual(["an UPDATE statement"]);
    expect(writesIn("byName.delete(key); hash.update(buffer);")).toEqual([]);
  });
});
