/**
 * The one wrapper every server action is built with:
 * session → actor (re-read from the database) → zod → policy → run,
 * and every failure mapped to a form state the UI can show.
 */
import { ConflictError, EditionReadOnlyError, InventoryError } from "@/lib/errors";
import { currentEditionScope } from "@/db/client";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getActor } from "@/server/auth/actor";
import { authorize, type Action, type Actor, type Resource } from "@/lib/policy";
import { fieldErrorsOf, formDataToObject, recordId, recordVersion, type FieldErrors } from "@/lib/validation/common";
import { errorFields, log, newRequestId } from "@/lib/log";
import { requestLocale } from "@/server/i18n";
import { translatorFor } from "@/server/translator";
import { translateFieldErrors, userMessageOf } from "@/server/form-errors";

export type ActionState =
  | { status: "idle" }
  | {
      status: "ok";
      message: string;
      submitted: number;
      /** What the action hands back to its form besides the message (e.g. the name of a drafted change). */
      result?: string;
    }
  | {
      status: "error";
      formError?: string;
      fieldErrors?: FieldErrors;
      /** The record as it is now, when a stale version was refused. */
      conflict?: Record<string, unknown>;
      values: Record<string, unknown>;
      submitted: number;
    };

export const IDLE: ActionState = { status: "idle" };

interface ActionConfig<S extends z.ZodType> {
  schema: S;
  permission: Action;
  /** The resource the permission is checked against (e.g. the state a change is for). */
  resource?: (input: z.infer<S>, actor: Actor) => Resource;
  /** Form fields that carry several values. */
  lists?: readonly string[];
  /** The action changes an existing record: the form carries its `id` and `version`, parsed apart from the fields. */
  record?: boolean;
}

export interface ActionContext {
  requestId: string;
  /** Set when the config has `record: true`. */
  record: { id: number; version: number };
}

/** A message for the form, or a message and a result. */
export type ActionOutcome = string | { message: string; result?: string };

const recordRef = z.object({ id: recordId, version: recordVersion });

export function action<S extends z.ZodType>(
  config: ActionConfig<S>,
  run: (input: z.infer<S>, actor: Extract<Actor, { kind: "user" }>, ctx: ActionContext) => ActionOutcome | Promise<ActionOutcome>,
): (previous: ActionState, form: FormData) => Promise<ActionState> {
  return async (previous, form) => {
    // The server stamps every request with an id (scripts/server.ts); the same id is in the log and the user's message.
    const requestId = (await headers()).get("x-request-id") ?? newRequestId();
    // The form's messages in the page's language (the proxy's header travels with the action's POST).
    const t = translatorFor(await requestLocale());
    const values = formDataToObject(form, config.lists);
    const submitted = ("submitted" in previous ? previous.submitted : 0) + 1;
    // The form's values go back so the user keeps their input — never secrets.
    const echoed = Object.fromEntries(Object.entries(values).filter(([key]) => !/password|token|secret/i.test(key)));
    const fail = (extra: Omit<Extract<ActionState, { status: "error" }>, "status" | "values" | "submitted">): ActionState => ({
      status: "error",
      values: echoed,
      submitted,
      ...extra,
    });
    try {
      // A page viewed as of an edition reads its frozen copy (db/client.ts): nothing may be written there.
      const scope = currentEditionScope();
      if (scope && "edition" in scope) throw new EditionReadOnlyError(scope.edition.name);
      const actor = await getActor();
      if (actor.kind !== "user") return fail({ formError: t("formErrors.sessionEnded") });
      const { id, version, ...fields } = values;
      let record = { id: 0, version: 0 };
      if (config.record) {
        const ref = recordRef.safeParse({ id, version });
        if (!ref.success) return fail({ formError: t("formErrors.lostRecord") });
        record = ref.data;
      }
      const parsed = config.schema.safeParse(config.record ? fields : values);
      if (!parsed.success) return fail({ fieldErrors: translateFieldErrors(fieldErrorsOf(parsed.error), t), formError: t("formErrors.fieldsNeedAttention") });
      authorize(actor, config.permission, config.resource?.(parsed.data, actor));
      const outcome = await run(parsed.data, actor, { requestId, record });
      return typeof outcome === "string"
        ? { status: "ok", message: outcome, submitted }
        : { status: "ok", message: outcome.message, result: outcome.result, submitted };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof InventoryError) {
        // A stale record's current state lets the form show what the other person changed; a stale submission is reloaded instead.
        const conflict = error instanceof ConflictError && error.entity !== "submission" ? { conflict: error.current } : {};
        return fail({
          formError: userMessageOf(error, t),
          ...(error.fieldMessages ? { fieldErrors: translateFieldErrors(error.fieldMessages, t) } : {}),
          ...conflict,
        });
      }
      log("error", "server action failed", { requestId, ...errorFields(error) });
      return fail({ formError: t("formErrors.unexpected", { requestId }) });
    }
  };
}
