/** ISO dates are shown as the field writes them, inside <time> for machines. */
export function DateText({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  return <time dateTime={value}>{value}</time>;
}
