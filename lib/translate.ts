/**
 * The words lib/ code puts into text it builds (reports, the changes feed), without lib/ importing next-intl: the
 * caller passes a translator for fully qualified keys ("report.countryTitle"), which the app gets from next-intl
 * (`await getTranslations()`), so the catalogues in messages/<locale>.json stay the one source of every word.
 */
import type en from "@/messages/en.json";

type Catalogue = typeof en;
type Namespace = keyof Catalogue;
/** "namespace.key" of every message (a leaf of its namespace; groups looked up by value are not keys). */
export type MessageKey = {
  [N in Namespace]: { [K in keyof Catalogue[N]]: Catalogue[N][K] extends string ? `${N}.${K & string}` : never }[keyof Catalogue[N]];
}[Namespace];

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
