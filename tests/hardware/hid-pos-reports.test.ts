import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  decodeHidPosReport,
  encodeHidPosReports,
  HID_POS_LAYOUTS,
  HidPosReassembler,
  mrzTextFromReader,
  type ReassemblyStep,
} from '../../hardware/hid-pos-reports.js';
import {
  FOREIGN_REPORT,
  OVERLONG_REPORT,
  TD1_LINES,
  TD1_MRZ,
  TD3_FIRST_REPORT_HEX,
  TD3_LINES,
  TD3_MRZ,
  report,
  td1Reports,
  td3Reports,
} from './hid-pos-fixtures.js';

function messages(steps: ReassemblyStep[]): string[] {
  return steps.flatMap((step) =>
    step.kind === 'message' ? [mrzTextFromReader(step.message.text)] : [],
  );
}

function feed(reassembler: HidPosReassembler, reports: Uint8Array[], at = 1000): ReassemblyStep[] {
  return reports.map((bytes) => reassembler.push(bytes, at));
}

describe('decodeHidPosReport', () => {
  it('reads the fields of a literal report at their byte positions', () => {
    const bytes = Uint8Array.from(Buffer.from(TD3_FIRST_REPORT_HEX, 'hex'));
    expect(bytes).toHaveLength(64);
    const decoded = decodeHidPosReport(bytes);
    expect(decoded).toEqual({
      ok: true,
      report: {
        aimId: ']Z0',
        vendorSymbology: 0x4f,
        data: Uint8Array.from(Buffer.from(`${TD3_LINES[0]}\rL898902C36U`, 'latin1')),
        moreFollows: true,
      },
    });
  });

  it('takes the vendor symbology code from byte 62 for the Quio/Unitech layout', () => {
    const bytes = report({ data: 'ABC', symbology: 0x21, symbologyAt: 62, more: false });
    const standard = decodeHidPosReport(bytes, HID_POS_LAYOUTS.standard);
    const at62 = decodeHidPosReport(bytes, HID_POS_LAYOUTS['symbology-at-62']);
    expect(at62.ok && at62.report.vendorSymbology).toBe(0x21);
    expect(standard.ok && standard.report.vendorSymbology).toBe(0);
  });

  it('reports no AIM identifier when the field does not start with "]"', () => {
    const decoded = decodeHidPosReport(report({ aim: '\0\0\0', data: 'A', more: false }));
    expect(decoded.ok && decoded.report.aimId).toBeNull();
  });

  it('rejects another report ID, a short report and an over-long length byte', () => {
    expect(decodeHidPosReport(FOREIGN_REPORT)).toEqual({ ok: false, problem: 'foreign-report-id' });
    expect(decodeHidPosReport(report({ data: 'A', more: false, size: 40 }))).toEqual({
      ok: false,
      problem: 'short-report',
    });
    expect(decodeHidPosReport(new Uint8Array(0))).toEqual({ ok: false, problem: 'short-report' });
    expect(decodeHidPosReport(OVERLONG_REPORT)).toEqual({
      ok: false,
      problem: 'length-over-capacity',
    });
  });

  it('accepts the full capacity of 56 data bytes', () => {
    const decoded = decodeHidPosReport(report({ data: 'A'.repeat(56), more: false }));
    expect(decoded.ok && decoded.report.data).toHaveLength(56);
  });
});

describe('HidPosReassembler', () => {
  it('joins a TD3 passport sent as two reports', () => {
    const steps = feed(new HidPosReassembler(), td3Reports());
    expect(steps.map((step) => step.kind)).toEqual(['partial', 'message']);
    expect(messages(steps)).toEqual([TD3_MRZ]);
  });

  it('joins a TD1 card sent as one report per line', () => {
    const steps = feed(new HidPosReassembler(), td1Reports());
    expect(steps.map((step) => step.kind)).toEqual(['partial', 'partial', 'message']);
    expect(messages(steps)).toEqual([TD1_MRZ]);
  });

  it('keeps the AIM identifier and vendor symbology of the message', () => {
    const steps = feed(
      new HidPosReassembler({ layout: HID_POS_LAYOUTS['symbology-at-62'] }),
      td3Reports(62),
    );
    const last = steps.at(-1);
    expect(last?.kind === 'message' && last.message).toMatchObject({
      aimId: ']Z0',
      vendorSymbology: 0x4f,
    });
  });

  it('skips a report of another ID inside a message without breaking the message', () => {
    const [first, second] = td3Reports();
    const steps = feed(new HidPosReassembler(), [first!, FOREIGN_REPORT, second!]);
    expect(steps[1]).toEqual({
      kind: 'skipped',
      problem: 'foreign-report-id',
      droppedPartial: false,
    });
    expect(messages(steps)).toEqual([TD3_MRZ]);
  });

  it('drops a half message after a corrupt report and delivers the next message whole', () => {
    const [first] = td3Reports();
    const steps = feed(new HidPosReassembler(), [first!, OVERLONG_REPORT, ...td1Reports()]);
    expect(steps[1]).toEqual({
      kind: 'skipped',
      problem: 'length-over-capacity',
      droppedPartial: true,
    });
    expect(messages(steps)).toEqual([TD1_MRZ]);
  });

  it('rejects garbage between messages without losing the next one', () => {
    const garbage = [FOREIGN_REPORT, OVERLONG_REPORT, report({ data: 'A', more: false, size: 8 })];
    const steps = feed(new HidPosReassembler(), [
      ...garbage,
      ...td3Reports(),
      ...garbage,
      ...td1Reports(),
    ]);
    expect(messages(steps)).toEqual([TD3_MRZ, TD1_MRZ]);
  });

  it('drops a stale partial message instead of gluing the next scan onto it', () => {
    const reassembler = new HidPosReassembler({ staleAfterMs: 500 });
    const [first] = td3Reports();
    expect(reassembler.push(first!, 1000).kind).toBe('partial');
    const later = td1Reports().map((bytes) => reassembler.push(bytes, 1501));
    expect(messages(later)).toEqual([TD1_MRZ]);
  });

  it('still joins reports that arrive just within the stale limit', () => {
    const reassembler = new HidPosReassembler({ staleAfterMs: 500 });
    const [first, second] = td3Reports();
    reassembler.push(first!, 1000);
    expect(messages([reassembler.push(second!, 1500)])).toEqual([TD3_MRZ]);
  });

  it('forgets a partial message on reset', () => {
    const reassembler = new HidPosReassembler();
    const [first, second] = td3Reports();
    reassembler.push(first!, 0);
    expect(reassembler.hasPartial).toBe(true);
    reassembler.reset();
    expect(reassembler.hasPartial).toBe(false);
    const step = reassembler.push(second!, 0);
    // Only the second report's own data: the first half is gone, not glued on.
    expect(step.kind === 'message' && step.message.text).toBe(
      `${TD3_LINES.join('\r')}\r`.slice(56),
    );
  });

  it('gives up on a message that never ends', () => {
    const reassembler = new HidPosReassembler({ maxMessageBytes: 100 });
    const chunk = report({ data: 'A'.repeat(56), more: true });
    expect(reassembler.push(chunk, 0).kind).toBe('partial');
    expect(reassembler.push(chunk, 0)).toEqual({
      kind: 'skipped',
      problem: 'length-over-capacity',
      droppedPartial: true,
    });
    expect(messages(feed(reassembler, td1Reports()))).toEqual([TD1_MRZ]);
  });

  it('never throws on arbitrary bytes and recovers for the next real message', () => {
    // Many full-size reports with the scanned-data ID, so length and flag bytes get exercised.
    const garbageReport = fc.oneof(
      fc.uint8Array({ maxLength: 70 }),
      fc
        .tuple(fc.constantFrom(0x02, 0x02, 0x04), fc.uint8Array({ minLength: 63, maxLength: 63 }))
        .map(([id, rest]) => Uint8Array.of(id, ...rest)),
    );
    fc.assert(
      fc.property(fc.array(garbageReport, { maxLength: 20 }), (garbage) => {
        const reassembler = new HidPosReassembler();
        feed(reassembler, garbage);
        reassembler.push(report({ data: '', more: false }), 1000); // whatever was open ends here
        expect(messages(feed(reassembler, td3Reports()))).toEqual([TD3_MRZ]);
      }),
    );
  });
});

describe('encodeHidPosReports', () => {
  it('produces what the reassembler turns back into the same text, for any length', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('A', '<', '0', '\r'), maxLength: 400, size: 'max' }),
        (text) => {
          const reports = encodeHidPosReports(text);
          expect(reports.length).toBe(Math.max(1, Math.ceil(text.length / 56)));
          const steps = feed(new HidPosReassembler(), reports);
          const last = steps.at(-1);
          expect(last?.kind === 'message' && last.message.text).toBe(text);
        },
      ),
    );
  });

  it('writes the same bytes as a reader for the TD3 specimen', () => {
    const wire = `${TD3_LINES.join('\r')}\r`;
    expect(encodeHidPosReports(wire, { vendorSymbology: 0x4f })).toEqual(td3Reports());
  });

  it('refuses characters a reader cannot send', () => {
    expect(() => encodeHidPosReports('Ø€')).toThrow(RangeError);
    expect(() => encodeHidPosReports('A', { aimId: 'Z0' })).toThrow(RangeError);
  });
});

describe('mrzTextFromReader', () => {
  it('turns CR, CR LF and trailing breaks into lines separated by one \\n', () => {
    expect(mrzTextFromReader(`${TD1_LINES.join('\r\n')}\r\n`)).toBe(TD1_MRZ);
    expect(mrzTextFromReader(`\r${TD3_LINES.join('\r')}\r\r`)).toBe(TD3_MRZ);
  });

  it('leaves the characters alone (padding repair is the ID check’s job)', () => {
    expect(mrzTextFromReader('P_UTO__\rL89__')).toBe('P_UTO__\nL89__');
  });
});
