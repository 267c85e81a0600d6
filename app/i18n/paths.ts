/**
 * A same-site path in the interface's language, for what is not a <Link>: a GET form's action, a plain <a>, an
 * href handed to a client router. (<Link> from ./navigation adds the language itself.)
 */
import { useLocale } from "next-intl";
import { getLocale } from "next-intl/server";
import { localizedPath } from "@/lib/i18n";

export function useLocalePath(): (path: string) => string {
  const locale = useLocale();
  return (path) => localizedPath(locale, path);
}

export async function getLocalePath(): Promise<(path: string) => string> {
  const locale = await getLocale();
  return (path) => localizedPath(locale, path);
}
