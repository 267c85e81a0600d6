/**
 * Throttling that cannot be turned against users, against the real server:
 * guesses from 127.0.0.2 slow that address down, and the same account signs
 * in at once from 127.0.0.1. The address is the socket's peer: a forged
 * X-Forwarded-For changes nothing without TRUST_PROXY.
 */
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { DEMO } from "./session";

const PORT = Number(process.env.E2E_PORT ?? 3100);

interface Answer {
  status: number;
  cookies: string[];
  body: string;
}

function send(localAddress: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: PORT,
        localAddress,
        method,
        path,
        headers: { ...headers, ...(body ? { "Content-Length": String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!), body: text }));
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

/** next-auth's credentials flow as the sign-in form runs it: the outcome is "ok" or the error code it redirects with. */
async function signInFrom(localAddress: string, email: string, password: string, extraHeaders: Record<string, string> = {}): Promise<string> {
  const csrf = await send(localAddress, "GET", "/api/auth/csrf", extraHeaders);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `http://localhost:${PORT}/` }).toString();
  const answer = await send(
    localAddress,
    "POST",
    "/api/auth/callback/credentials",
    { ...extraHeaders, "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.cookies.join("; ") },
    form,
  );
  const url = (JSON.parse(answer.body) as { url?: string }).url ?? "";
  const error = new URL(url, `http://localhost:${PORT}`).searchParams.get("error");
  if (error) return error;
  return answer.cookies.some((c) => c.includes("session-token=")) ? "ok" : `no session (${answer.status})`;
}

test.describe("sign-in throttling by address", () => {
  test("guesses from one address slow that address only; the account signs in from another at once", async () => {
    const account = DEMO.researcher;
    for (let i = 0; i < 3; i++) expect(await signInFrom("127.0.0.2", account.email, `wrong guess ${i}`)).toBe("invalid");
    // From the guessing address even the right password now waits, and the answer says how long.
    const throttled = await signInFrom("127.0.0.2", account.email, account.password);
    expect(throttled).toMatch(/^throttled:\d+$/);
    const seconds = Number(throttled.split(":")[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(30);
    // The owner, elsewhere, is not delayed.
    expect(await signInFrom("127.0.0.1", account.email, account.password)).toBe("ok");
  });

  test("a forged X-Forwarded-For does not move the guesses to another address", async () => {
    const account = DEMO.regulatorDE;
    for (let i = 0; i < 3; i++) expect(await signInFrom("127.0.0.3", account.email, `wrong ${i}`, { "X-Forwarded-For": `198.51.100.${i}` })).toBe("invalid");
    expect(await signInFrom("127.0.0.3", account.email, account.password, { "X-Forwarded-For": "198.51.100.99" })).toMatch(/^throttled:/);
    expect(await signInFrom("127.0.0.1", account.email, account.password)).toBe("ok");
  });
});
