import { Link } from "@/app/i18n/navigation";

/** Beyond this many instruments a picker is a CELEX field: 2,000 options would weigh more than the page they pick for. */
export const INSTRUMENT_SELECT_LIMIT = 100;

/**
 * The instrument a view is drawn for (gap matrix, timeline chart): a select
 * while the inventory is small, a CELEX field beyond INSTRUMENT_SELECT_LIMIT.
 * The label is the caller's (it names what is picked for).
 */
export function InstrumentPicker({
  id,
  instruments,
  selected,
}: {
  id: string;
  instruments: readonly { celex: string; shortName: string }[];
  selected: string;
}) {
  if (instruments.length <= INSTRUMENT_SELECT_LIMIT)
    return (
      <select id={id} name="instrument" defaultValue={selected}>
        {instruments.map((i) => (
          <option key={i.celex} value={i.celex}>
            {i.shortName}
          </option>
        ))}
      </select>
    );
  return (
    <>
      <input
        id={id}
        type="text"
        name="instrument"
        defaultValue={selected}
        size={14}
        maxLength={20}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
      />
      <span id={`${id}-hint`} className="muted hint">
        CELEX number (<Link href="/instruments">list of instruments</Link>)
      </span>
    </>
  );
}
