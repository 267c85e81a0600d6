/**
 * The controlled vocabularies' labels in the interface's language (messages/*.json "vocabulary", whose keys are
 * lib/vocabulary.ts's values — tests/unit/messages.test.ts holds them equal). lib/'s `label` stays the English one
 * for CSV and the API.
 */
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { label } from "@/lib/vocabulary";

type Label = (value: string | null | undefined) => string;

function labeller(t: { has: (key: never) => boolean; (key: never): string }): Label {
  return (value) => {
    if (value == null) return "—";
    return t.has(value as never) ? t(value as never) : label(value);
  };
}

/** For components that are not async (client or server). */
export function useLabel(): Label {
  return labeller(useTranslations("vocabulary") as never);
}

/** For async server components. */
export async function getLabel(): Promise<Label> {
  return labeller((await getTranslations("vocabulary")) as never);
}
