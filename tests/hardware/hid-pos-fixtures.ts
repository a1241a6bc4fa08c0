/**
 * Report sequences as an Access-IS / Honeywell reader in HID POS mode sends them (64 bytes,
 * report ID first, as node-hid delivers numbered reports). Built field by field here, apart
 * from the encoder under test, so a shared misreading of the layout would not go unnoticed.
 * The documents are the public ICAO 9303 specimens (fictional state UTO).
 */

export const TD3_LINES = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
] as const;

export const TD1_LINES = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
] as const;

export const TD3_MRZ = TD3_LINES.join('\n');
export const TD1_MRZ = TD1_LINES.join('\n');

const CR = '\r';

export interface ReportFields {
  reportId?: number;
  /** Defaults to the length of `data`; set it to fake a corrupt length byte. */
  length?: number;
  aim?: string;
  data: string;
  symbology?: number;
  symbologyAt?: 61 | 62;
  more: boolean;
  size?: number;
}

export function report(fields: ReportFields): Uint8Array {
  const bytes = new Uint8Array(fields.size ?? 64);
  bytes[0] = fields.reportId ?? 0x02;
  bytes[1] = fields.length ?? fields.data.length;
  const aim = fields.aim ?? ']Z0';
  for (let i = 0; i < aim.length; i++) bytes[2 + i] = aim.charCodeAt(i);
  for (let i = 0; i < fields.data.length; i++) bytes[5 + i] = fields.data.charCodeAt(i);
  bytes[fields.symbologyAt ?? 61] = fields.symbology ?? 0x4f;
  bytes[63] = fields.more ? 0x01 : 0x00;
  return bytes;
}

/** TD3 as two reports: 56 bytes, then the remaining 34 (line 1 + CR + line 2 + CR = 90). */
export function td3Reports(symbologyAt: 61 | 62 = 61): Uint8Array[] {
  const wire = TD3_LINES.join(CR) + CR;
  return [
    report({ data: wire.slice(0, 56), more: true, symbologyAt }),
    report({ data: wire.slice(56), more: false, symbologyAt }),
  ];
}

/** TD1 as a reader that sends one MRZ line per report does it: three reports. */
export function td1Reports(): Uint8Array[] {
  return TD1_LINES.map((line, index) =>
    report({ data: line + CR, more: index < TD1_LINES.length - 1 }),
  );
}

/** A report of another ID (e.g. a status report) that is no part of any message. */
export const FOREIGN_REPORT = report({ reportId: 0x04, data: 'XX', more: false });

/** A scanned-data report whose length byte claims more than 56 data bytes. */
export const OVERLONG_REPORT = report({ length: 57, data: 'XX', more: true });

/**
 * The first report of the TD3 above, written out byte by byte, to pin the layout itself:
 * 02 | 38 (56) | 5d 5a 30 (]Z0) | 56 data bytes | 4f at 61 | 00 at 62 | 01 at 63.
 */
export const TD3_FIRST_REPORT_HEX =
  '02' +
  '38' +
  '5d5a30' +
  Buffer.from('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\rL898902C36U', 'latin1').toString(
    'hex',
  ) +
  '4f' +
  '00' +
  '01';
