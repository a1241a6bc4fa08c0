import type { CellValue } from './xlsx.js';

/** Excel's serial number of 1970-01-01 in the 1900 date system, as exceljs counts it. */
const EXCEL_SERIAL_OF_UNIX_EPOCH = 25569;
const DAY_MS = 86_400_000;

/**
 * A sheet's data rows as SpreadsheetML text, cell for cell what exceljs's streaming writer
 * writes (`<c r="B7" s="3"><v>12.5</v></c>`, text as `t="str"`, a date as its serial number, no
 * cell for an empty field), but without exceljs's row and cell objects: building a row object, a
 * cell object and a cell model per value, then rendering them through its generic XML builder,
 * was some 40 % of a million-ticket workbook's time when profiled (bench/README.md).
 * Rows collect here until `take()`, so the sheet's stream gets a few large writes.
 */
export class SheetRows {
  /** `A`, `B`, … per column: a cell's reference is its column letters and row number. */
  private readonly columnRefs: string[];
  /** ` s="3"` per column, or nothing for the default style, as exceljs leaves it out. */
  private readonly styleAttributes: string[];
  private readonly pending: string[] = [];
  private pendingChars = 0;

  /** `styleIds`: each column's cell style in the workbook's style sheet; `nextRow`: the number the first row added gets. */
  constructor(
    styleIds: readonly number[],
    private nextRow: number,
  ) {
    this.columnRefs = styleIds.map((_, i) => columnLetters(i + 1));
    this.styleAttributes = styleIds.map((id) => (id === 0 ? '' : ` s="${id}"`));
  }

  /** Adds the next row; returns how many characters wait to be taken. */
  add(values: readonly CellValue[]): number {
    const r = numberText(this.nextRow++);
    let xml = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === null || value === undefined) continue;
      const number = typeof value === 'number' ? value : typeof value === 'string' ? null : EXCEL_SERIAL_OF_UNIX_EPOCH + value.getTime() / DAY_MS;
      if (number !== null && !Number.isFinite(number)) continue; // no number a cell can hold: left empty, as a null
      const open = `<c r="${this.columnRefs[i]}${r}"${this.styleAttributes[i]}`;
      xml += number === null ? `${open} t="str"><v>${escapeXml(value as string)}</v></c>` : `${open}><v>${numberText(number)}</v></c>`;
    }
    xml += '</row>';
    this.pending.push(xml);
    return (this.pendingChars += xml.length);
  }

  /** The rows added since the last call, as one string ('' when none). */
  take(): string {
    const xml = this.pending.join('');
    this.pending.length = 0;
    this.pendingChars = 0;
    return xml;
  }
}

/**
 * A number's shortest round-trip text, as `String(n)` gives it. Not `String(n)` itself: V8 keeps
 * the text of a fractional number it converts in its number-to-string cache, allocated in the old
 * generation, and a million rows of times and minutes then grew the host's heap by some 150 MB
 * between two major collections (peak RSS 397 MB in bench/export.ts). JSON's writer makes the
 * same text without the cache, and faster.
 */
function numberText(value: number): string {
  return JSON.stringify(value);
}

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;
const XML_SPECIAL_ALL = new RegExp(XML_SPECIAL.source, 'g');
const XML_ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** As exceljs encodes text: the five entities, and the control characters XML 1.0 cannot hold dropped. */
export function escapeXml(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (c) => XML_ENTITIES[c] ?? '') : text;
}
