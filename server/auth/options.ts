/**
 * next-auth configuration: email + password, JWT sessions that carry only
 * the user's id and when they signed in. Role, state and deactivation are
 * read from the database on every request (server/auth/actor.ts).
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { eq } from "drizzle-orm";
import { getLiveDb } from "@/db/client";
import { recordAudit } from "@/db/audit";
import { users } from "@/db/schema";
import { checkPasswordSignIn, clientAddress } from "@/server/auth/sign-in";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-lifetime";

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await checkPasswordSignIn(getLiveDb(), credentials, clientAddress(req?.headers));
        if (result.ok) return { id: String(result.user.id), email: result.user.email, name: result.user.name };
        // next-auth passes the message to the sign-in page as ?error=…; both say nothing about whether the account exists.
        throw new Error(result.reason === "throttled" ? `throttled:${result.retryAfterSeconds}` : "invalid");
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.authTime = Date.now(); // milliseconds: a session started right after a revocation must still count as after it
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, authTime: token.authTime };
    },
  },
  events: {
    // Signing out revokes every session of the account issued until now.
    signOut({ token }) {
      const uid = token?.uid;
      if (typeof uid !== "number") return;
      const db = getLiveDb();
      const now = new Date().toISOString();
      db.update(users).set({ sessionsValidAfter: now }).where(eq(users.id, uid)).run();
      recordAudit(db, { actor: { kind: "system", label: String(token.email ?? uid) }, action: "auth.sign_out", entity: "user", recordId: uid });
    },
  },
};

declare module "next-auth" {
  interface Session {
    uid?: number;
    authTime?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    authTime?: number;
  }
}
