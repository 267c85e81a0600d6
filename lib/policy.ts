/**
 * Who may do what: the one place authorization is decided. The UI asks it
 * only to hide controls; every server action and route handler asks it
 * again on the server before it touches the database.
 */
import { ForbiddenError } from "./errors";
import type { roles } from "./vocabulary";

export type Role = (typeof roles)[number];

export type Actor = { kind: "anonymous" } | { kind: "user"; id: number; email: string; name: string; role: Role; memberStateCode: string | null };

export const ANONYMOUS: Actor = { kind: "anonymous" };

/** Records that can be changed directly by staff or proposed by a regulator. */
export const editableEntities = ["national_measure", "transposition", "notification"] as const;
export type EditableEntity = (typeof editableEntities)[number];

export type Action =
  | "inventory.edit" // create/update/delete measures, transpositions, notifications directly
  | "reference.edit" // provisions and the provision↔obligation mapping
  | "eurlex.import" // add instruments and notified national measures from EUR-Lex (CELLAR)
  | "record.restore"
  | "record.history"
  | "submission.propose" // needs the state the change is for
  | "submission.revise" // needs the submission's author and state
  | "submission.view" // needs the submission's author and state
  | "submission.review"
  | "token.manage"
  | "account.change_password"
  | "user.manage"
  | "audit.view"
  | "edition.publish"; // publish a dated edition: a frozen, citable copy of the inventory

export interface Resource {
  /** The Member State the record or change belongs to. */
  stateCode?: string | null;
  /** The user who created the submission, token, etc. */
  ownerId?: number | null;
}

/** The role → permission table. Regulators' permissions are further scoped to their own state in `can`. */
export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  admin: [
    "inventory.edit",
    "reference.edit",
    "eurlex.import",
    "record.restore",
    "record.history",
    "submission.view",
    "submission.review",
    "token.manage",
    "account.change_password",
    "user.manage",
    "audit.view",
    "edition.publish",
  ],
  editor: [
    "inventory.edit",
    "reference.edit",
    "eurlex.import",
    "record.restore",
    "record.history",
    "submission.view",
    "submission.review",
    "token.manage",
    "account.change_password",
    "audit.view",
    "edition.publish",
  ],
  regulator: ["submission.propose", "submission.revise", "submission.view", "record.history", "token.manage", "account.change_password"],
  researcher: ["record.history", "account.change_password"],
};

/** Actions a regulator holds only for its own Member State (and, for revisions, its own submissions). */
const STATE_SCOPED: ReadonlySet<Action> = new Set(["submission.propose", "submission.revise", "submission.view"]);

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (actor.kind !== "user") return false;
  if (!ROLE_PERMISSIONS[actor.role].includes(action)) return false;
  if (actor.role !== "regulator" || !STATE_SCOPED.has(action)) return true;
  // Deny unless the resource names the regulator's own state: a missing state never widens access.
  if (!actor.memberStateCode || !resource.stateCode || resource.stateCode !== actor.memberStateCode) return false;
  if (action === "submission.revise") return resource.ownerId === actor.id;
  return true;
}

export function authorize(actor: Actor, action: Action, resource?: Resource): asserts actor is Extract<Actor, { kind: "user" }> {
  if (!can(actor, action, resource)) throw new ForbiddenError(action);
}

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? actor.email : "anonymous";
}
