"use client";

/** Opens the browser's print dialog (the page's A4 print stylesheet lays the report out); hidden when printed. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
