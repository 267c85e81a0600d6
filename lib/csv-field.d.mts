/** The types of csv-field.mjs. */
export type CsvValue = string | number | boolean | null | undefined;
export function csvCell(value: CsvValue): string;
export function csvField(value: CsvValue): string;
export function csvLine(values: readonly CsvValue[]): string;
