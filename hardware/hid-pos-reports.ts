/**
 * Pure decoding of HID POS input reports (USB HID usage page 0x8C, "Bar Code Scanner"), as sent
 * by Access-IS and Honeywell document readers switched to HID POS mode. One 64-byte input
 * report carries at most 56 bytes of text, so a passport MRZ (2 × 44 characters plus line
 * breaks) arrives as two or more reports that must be glued back together.
 *
 * Report layout (node-hid hands us the report ID as byte 0 of numbered reports):
 *   0      report ID 0x02 (scanned data)
 *   1      number of data bytes in this report
 *   2–4    AIM symbology identifier: `]` + 2 characters
 *   5–60   data (at most 56 bytes)
 *   61/62  the vendor's own symbology code (byte 61 for Access-IS and Honeywell; Quio and
 *          Unitech use byte 62, hence the per-device layout)
 *   63     bit 0 set: more reports of this message follow
 *
 * No clock here: every function that cares about time takes it as an argument.
 */

export interface HidPosReportLayout {
  /** Byte index of the vendor's own symbology code. */
  readonly vendorSymbologyOffset: number;
}

/** Named layouts, so a configuration file can say `"layout": "symbology-at-62"`. */
export const HID_POS_LAYOUTS = {
  /** Access-IS, Honeywell. */
  standard: { vendorSymbologyOffset: 61 },
  /** Quio, Unitech. */
  'symbology-at-62': { vendorSymbologyOffset: 62 },
} as const satisfies Record<string, HidPosReportLayout>;

export type HidPosLayoutName = keyof typeof HID_POS_LAYOUTS;

export const HID_POS_USAGE_PAGE = 0x8c;
export const SCANNED_DATA_REPORT_ID = 0x02;
export const HID_POS_REPORT_LENGTH = 64;
export const HID_POS_DATA_OFFSET = 5;
export const HID_POS_DATA_CAPACITY = 56;
const LENGTH_OFFSET = 1;
const AIM_OFFSET = 2;
const CONTINUATION_OFFSET = 63;
const AIM_FLAG = 0x5d; // ']'

export interface HidPosReport {
  /** `]` + 2 characters, or null when the reader left the field empty. */
  aimId: string | null;
  vendorSymbology: number;
  data: Uint8Array;
  moreFollows: boolean;
}

export type HidPosReportProblem =
  /** Not a scanned-data report (another report ID): not ours to judge, so it is skipped. */
  | 'foreign-report-id'
  /** Shorter than a full report: the fields we need are not all there. */
  | 'short-report'
  /** Claims more data than a report can hold: the report is corrupt. */
  | 'length-over-capacity';

export type DecodedHidPosReport =
  { ok: true; report: HidPosReport } | { ok: false; problem: HidPosReportProblem };

export function decodeHidPosReport(
  bytes: Uint8Array,
  layout: HidPosReportLayout = HID_POS_LAYOUTS.standard,
): DecodedHidPosReport {
  if (bytes.length > 0 && bytes[0] !== SCANNED_DATA_REPORT_ID) {
    return { ok: false, problem: 'foreign-report-id' };
  }
  if (bytes.length < HID_POS_REPORT_LENGTH) return { ok: false, problem: 'short-report' };
  const dataLength = bytes[LENGTH_OFFSET]!;
  if (dataLength > HID_POS_DATA_CAPACITY) return { ok: false, problem: 'length-over-capacity' };
  const hasAim = bytes[AIM_OFFSET] === AIM_FLAG;
  return {
    ok: true,
    report: {
      aimId: hasAim ? latin1(bytes.subarray(AIM_OFFSET, AIM_OFFSET + 3)) : null,
      vendorSymbology: bytes[layout.vendorSymbologyOffset]!,
      data: bytes.slice(HID_POS_DATA_OFFSET, HID_POS_DATA_OFFSET + dataLength),
      moreFollows: (bytes[CONTINUATION_OFFSET]! & 0x01) === 1,
    },
  };
}

export interface HidPosMessage {
  /** The data of all reports of the message, as the reader sent it (CR between MRZ lines). */
  text: string;
  aimId: string | null;
  vendorSymbology: number;
}

export type ReassemblyStep =
  | { kind: 'message'; message: HidPosMessage }
  /** A report of a message that continues in later reports. */
  | { kind: 'partial' }
  | { kind: 'skipped'; problem: HidPosReportProblem; droppedPartial: boolean };

export interface HidPosReassemblerOptions {
  layout?: HidPosReportLayout;
  /**
   * A partial message whose last report is older than this is dropped when the next report
   * arrives: the reports of one message follow each other within a few USB polls (≈ 1–10 ms),
   * so a long silence means the rest was lost (reader unplugged, report dropped) and gluing
   * the next scan onto the remains would produce a wrong document.
   */
  staleAfterMs?: number;
  /** Upper bound on one message, so a reader stuck on "more follows" cannot grow memory forever. */
  maxMessageBytes?: number;
}

export const DEFAULT_STALE_AFTER_MS = 500;
export const DEFAULT_MAX_MESSAGE_BYTES = 4096;

interface PendingMessage {
  chunks: Uint8Array[];
  size: number;
  lastAt: number;
}

/** Collects the reports of one reader into whole messages. One instance per open device. */
export class HidPosReassembler {
  readonly #layout: HidPosReportLayout;
  readonly #staleAfterMs: number;
  readonly #maxMessageBytes: number;
  #partial: PendingMessage | null = null;

  constructor(options: HidPosReassemblerOptions = {}) {
    this.#layout = options.layout ?? HID_POS_LAYOUTS.standard;
    this.#staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    this.#maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  }

  /** True while reports of an unfinished message are held. */
  get hasPartial(): boolean {
    return this.#partial !== null;
  }

  /** Forgets any unfinished message (e.g. the device failed mid-message). */
  reset(): void {
    this.#partial = null;
  }

  push(bytes: Uint8Array, now: number): ReassemblyStep {
    if (this.#partial && now - this.#partial.lastAt > this.#staleAfterMs) this.#partial = null;

    const decoded = decodeHidPosReport(bytes, this.#layout);
    if (!decoded.ok) {
      // A report of another ID is some other report of the device, not part of the message.
      // A corrupt scanned-data report may have been a piece of it, so the rest cannot be trusted.
      const dropsPartial = decoded.problem !== 'foreign-report-id' && this.#partial !== null;
      if (dropsPartial) this.#partial = null;
      return { kind: 'skipped', problem: decoded.problem, droppedPartial: dropsPartial };
    }

    const { report } = decoded;
    const partial = this.#partial ?? { chunks: [], size: 0, lastAt: now };
    partial.chunks.push(report.data);
    partial.size += report.data.length;
    partial.lastAt = now;

    if (partial.size > this.#maxMessageBytes) {
      this.#partial = null;
      return { kind: 'skipped', problem: 'length-over-capacity', droppedPartial: true };
    }
    if (report.moreFollows) {
      this.#partial = partial;
      return { kind: 'partial' };
    }
    this.#partial = null;
    return {
      kind: 'message',
      message: {
        text: partial.chunks.map(latin1).join(''),
        aimId: report.aimId,
        vendorSymbology: report.vendorSymbology,
      },
    };
  }
}

/**
 * Readers end MRZ lines with CR (some CR LF, some add a trailing one). The product's MRZ text
 * has lines separated by a single '\n' and no trailing line break (the `mrz` parser throws on
 * one). Characters are left alone: upper-casing and `_`-for-`<` repair belong to the ID check.
 */
export function mrzTextFromReader(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.length > 0)
    .join('\n');
}

export interface EncodeOptions {
  layout?: HidPosReportLayout;
  /** `]` + 2 characters; ISO/IEC 15424 uses `]Z` for data not read from a bar code. */
  aimId?: string;
  vendorSymbology?: number;
}

/**
 * The reports a reader would send for `text`: used by the simulator so simulated scans take the
 * same decoding path as real ones.
 */
export function encodeHidPosReports(text: string, options: EncodeOptions = {}): Uint8Array[] {
  const layout = options.layout ?? HID_POS_LAYOUTS.standard;
  const aimId = options.aimId ?? ']Z0';
  if (!/^\][\x20-\x7e]{2}$/.test(aimId))
    throw new RangeError('AIM identifier must be "]" + 2 characters');
  const bytes = Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new RangeError('a HID POS reader sends single-byte characters only');
    return code;
  });

  const reports: Uint8Array[] = [];
  let offset = 0;
  do {
    const chunk = bytes.subarray(offset, offset + HID_POS_DATA_CAPACITY);
    offset += chunk.length;
    const report = new Uint8Array(HID_POS_REPORT_LENGTH);
    report[0] = SCANNED_DATA_REPORT_ID;
    report[LENGTH_OFFSET] = chunk.length;
    report.set(
      Uint8Array.from(aimId, (c) => c.charCodeAt(0)),
      AIM_OFFSET,
    );
    report.set(chunk, HID_POS_DATA_OFFSET);
    report[layout.vendorSymbologyOffset] = options.vendorSymbology ?? 0;
    report[CONTINUATION_OFFSET] = offset < bytes.length ? 1 : 0;
    reports.push(report);
  } while (offset < bytes.length);
  return reports;
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
