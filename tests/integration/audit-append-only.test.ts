/**
 * The audit trail holds against any connection: a plain SQLite connection
 * without the app's pragmas (no recursive_triggers) tries every way to
 * rewrite or remove an event, and each is refused by a trigger.
 */
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { readSeed } from "@/seed/read";
import { loadSeed } from "@/seed/load";
import { freshDatabase } from "../helpers/db";

let path: string;
beforeAll(() => {
  const handle = freshDatabase();
  loadSeed(handle, readSeed());
  path = handle.path;
  handle.sqlite.close();
});

describe("the audit trail against a plain connection", () => {
  it("refuses UPDATE, DELETE, REPLACE, INSERT OR REPLACE, an upsert and UPDATE OR REPLACE, and keeps every event as it was", () => {
    const plain = new Database(path);
    expect(plain.pragma("recursive_triggers", { simple: true })).toBe(0);
    const before = plain.prepare("select id, action, entity, record_id, reason from audit_events order by id").all() as { id: number }[];
    const first = before[0]!.id;
    const second = before[1]!.id;
    const attempts = [
      `update audit_events set reason = 'rewritten' where id = ${first}`,
      `delete from audit_events where id = ${first}`,
      `delete from audit_events`,
      `replace into audit_events (id, actor_label, action, entity) values (${first}, 'attacker', 'forged', 'x')`,
      `insert or replace into audit_events (id, actor_label, action, entity) values (${first}, 'attacker', 'forged', 'x')`,
      `insert into audit_events (id, actor_label, action, entity) values (${first}, 'attacker', 'forged', 'x') on conflict(id) do update set action = 'forged'`,
      `update or replace audit_events set id = ${first} where id = ${second}`,
    ];
    for (const statement of attempts) expect(() => plain.exec(statement), statement).toThrow(/append-only/);
    expect(plain.prepare("select id, action, entity, record_id, reason from audit_events order by id").all()).toEqual(before);
    // Appending stays possible.
    plain.prepare("insert into audit_events (actor_label, action, entity) values ('test', 'note', 'x')").run();
    expect(plain.prepare("select count(*) from audit_events").pluck().get()).toBe(before.length + 1);
    plain.close();
  });
});
