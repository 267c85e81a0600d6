/**
 * Opening a connection while another process holds the write lock (the indicator warm-up, another worker's write)
 * neither waits for the lock nor fails: a page opening the app's connection then answered 500 at start-up at scale.
 */
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { tempPath } from "../helpers/db";

const path = tempPath();
const holder = openDatabase(path);
afterAll(() => holder.sqlite.close());

it("opens at once, with its busy timeout intact, while another connection holds the write lock", () => {
  holder.sqlite.exec("create table t (x integer); insert into t values (1);");
  holder.sqlite.exec("begin immediate; insert into t values (2);");
  try {
    const started = performance.now();
    const opened = openDatabase(path);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(opened.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(opened.sqlite.prepare("select count(*) from t").pluck().get()).toBe(1);
    opened.sqlite.close();
  } finally {
    holder.sqlite.exec("commit");
  }
  expect(new Database(path, { readonly: true }).prepare("select count(*) from t").pluck().get()).toBe(2);
});
