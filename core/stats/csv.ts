/**
 * RFC 4180: fields separated by commas, records ended by CRLF, a field holding a comma, quote or
 * line break enclosed in double quotes with its quotes doubled.
 */
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES_OR_DEFUSING = /^[=+\-@\t\r]|[",\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or CR first) gets
 * a leading apostrophe, as OWASP advises for CSV files opened in Excel. For text fields only:
 * a negative number must stay a number.
 */
export function csvTextField(text: string): string {
  // One test for the usual text that needs neither: an export writes millions of fields.
  if (!NEEDS_QUOTES_OR_DEFUSING.test(text)) return text;
  return csvField(FORMULA_START.test(text) ? `'${text}` : text);
}

export function csvRecord(fields: readonly string[]): string {
  return `${fields.join(',')}\r\n`;
}

/**
 * Reads RFC 4180 text back into records of fields (a trailing line break ends the last record;
 * a byte-order mark at the start is skipped). Throws on a quote in the middle of an unquoted
 * field or a quoted field that never closes: a broken file should not read as data.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && !fieldStarted) {
      const close = readQuoted(text, i);
      field = close.value;
      i = close.next;
      fieldStarted = true;
      if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        throw new Error(`CSV: text after a closing quote at offset ${i}`);
      }
      continue;
    }
    if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      endField();
      records.push(record);
      record = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      if (c === '"') throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      field += c;
      fieldStarted = true;
    }
    i++;
  }
  if (fieldStarted || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

function readQuoted(text: string, open: number): { value: string; next: number } {
  let value = '';
  let i = open + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, next: i + 1 };
    }
    value += c;
    i++;
  }
  throw new Error(`CSV: quoted field opened at offset ${open} never closes`);
}
