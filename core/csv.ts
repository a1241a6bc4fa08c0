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

/** A record as read, with the 1-based line of the file it starts on (quoted line breaks count). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * The one CSV reader. RFC 4180 with a chosen separator (Danish spreadsheets write `;`); a
 * byte-order mark at the start is skipped and a trailing line break ends the last record.
 * It reads every file to the end, the way a spreadsheet would, and names the first place that
 * breaks RFC 4180 (a quote inside an unquoted field, text after a closing quote, a quote that
 * never closes) in `problem`: a booking import keeps what it can read, while a reader of our
 * own exports treats any problem as a broken file (`parseCsv`).
 */
export function readCsv(text: string, separator = ','): { records: CsvRecord[]; problem: string | null } {
  const records: CsvRecord[] = [];
  let problem: string | null = null;
  const note = (what: string, offset: number) => {
    problem ??= `CSV: ${what} at offset ${offset}`;
  };
  let fields: string[] = [];
  let field = '';
  let started = false;
  let quoted = false;
  let quoteClosed = false;
  let quoteOpenedAt = 0;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    started = false;
    quoteClosed = false;
  };
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        quoteClosed = true;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      // Spaces before the opening quote, or a second quoted part, are read as spreadsheets do.
      if (started) note('quote inside an unquoted field', i);
      quoted = true;
      quoteOpenedAt = i;
      field = '';
      started = true;
    } else if (c === separator) {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      records.push({ line: recordLine, fields });
      fields = [];
      line++;
      recordLine = line;
    } else {
      if (c === '"') note('quote inside an unquoted field', i);
      else if (quoteClosed) note('text after a closing quote', i);
      field += c;
      started = true;
    }
  }
  if (quoted) note('quoted field never closes; it opened', quoteOpenedAt);
  if (started || fields.length > 0) {
    endField();
    records.push({ line: recordLine, fields });
  }
  return { records, problem };
}

/** Records of a file this product wrote (comma-separated); throws on anything that is not RFC 4180. */
export function parseCsv(text: string): string[][] {
  const { records, problem } = readCsv(text);
  if (problem !== null) throw new Error(problem);
  return records.map((record) => record.fields);
}
