/** The dashboard's collections (lib/collections.ts) named in the interface's language: messages/*.json "collections". */
import { useTranslations } from "next-intl";
import { COLLECTION_LABELS, LINES_OF_LAW, type CollectionId } from "@/lib/collections";

export function useCollectionLabel(): (id: CollectionId) => string {
  const t = useTranslations("collections");
  const lines = useTranslations("linesOfLaw");
  return (id) => {
    const line = LINES_OF_LAW.find((l) => l.id === id);
    if (line) return t("lineOfLaw", { line: lines(line.id) });
    return id in COLLECTION_LABELS && t.has(id as never) ? t(id as never) : COLLECTION_LABELS[id];
  };
}
