/**
 * The words of a form's errors in the reader's language. lib/ and db/ say what is wrong in English (the API's
 * problem+json `detail` and `errors` stay English, as documented); a form shows the same message from the catalogue:
 * an InventoryError by its `userText` key, a field's message by the English template it was made from
 * (`formErrors.field` in messages/en.json, whose `{arguments}` are read back out of the English text). A message no
 * template matches (a new one, or zod's own) stays English rather than being lost.
 */
import { InventoryError } from "@/lib/errors";
import type { FieldErrors } from "@/lib/validation/common";
import type { MessageKey, Translate } from "@/lib/translate";
import en from "@/messages/en.json";

interface Template {
  key: MessageKey;
  pattern: RegExp;
  args: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `Use at most {max} characters.` → /^Use at most (.+?) characters\.$/ with args ["max"]. */
function template(name: string, text: string): Template {
  const args: string[] = [];
  const pattern = text
    .split(/(\{\w+\})/)
    .map((part) => {
      const arg = /^\{(\w+)\}$/.exec(part);
      if (!arg) return escape(part);
      args.push(arg[1]!);
      return "(.+?)";
    })
    .join("");
  return { key: `formErrors.field.${name}` as MessageKey, pattern: new RegExp(`^${pattern}$`), args };
}

const TEMPLATES: Template[] = Object.entries(en.formErrors.field).map(([name, text]) => template(name, text));

/** One English field message in the language of `t`; unchanged when no template matches. */
export function translateFieldMessage(message: string, t: Translate): string {
  for (const { key, pattern, args } of TEMPLATES) {
    const match = pattern.exec(message);
    if (!match) continue;
    // A number stays a number, so a plural in the translation can count it.
    const values = Object.fromEntries(args.map((arg, i) => [arg, /^\d+$/.test(match[i + 1]!) ? Number(match[i + 1]) : match[i + 1]!]));
    return t(key, values);
  }
  return message;
}

export function translateFieldErrors(errors: FieldErrors, t: Translate): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map((m) => translateFieldMessage(m, t))]));
}

/** What a person reads on a form about an expected failure, in the language of `t`. */
export function userMessageOf(error: InventoryError, t: Translate): string {
  const text = error.userText;
  return text ? t(text.key, text.values) : translateFieldMessage(error.userMessage, t);
}
