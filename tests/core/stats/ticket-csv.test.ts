import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/csv.js';
import { CopenhagenTime } from '../../../core/stats/local-time.js';
import { TICKET_COLUMNS, type TicketExportRecord } from '../../../core/stats/ticket-columns.js';
import { ticketCsvChunks, UTF8_BOM } from '../../../core/stats/ticket-csv.js';
import { newTicket } from '../../../core/ticket-lifecycle.js';

const T0 = Date.parse('2026-10-25T02:30:00+01:00');
const MIN = 60_000;

function record(i: number, fields: Partial<TicketExportRecord> = {}): TicketExportRecord {
  return {
    ticket: {
      ...newTicket({ number: `M${String(i).padStart(3, '0')}`, officeDay: '2026-10-25', serviceCode: 'M', arrivedAt: T0 }),
      id: i,
      status: 'done',
      calledAt: T0 + 10 * MIN + 29_999,
      startedAt: T0 + 11 * MIN,
      finishedAt: T0 + 20 * MIN,
      estimatedWaitMinutes: 5,
      outcome: 'mitid_issued',
    },
    counterName: 'Skranke "Vest", 2',
    clerkUsername: 'clerk1',
    transferredFromNumber: null,
    transferredFromService: null,
    idCheckVerdict: 'accepted',
    ...fields,
  };
}

const text = (records: TicketExportRecord[]) => [...ticketCsvChunks(records, new CopenhagenTime())].join('');

describe('the tickets CSV', () => {
  it('starts with a BOM and the fixed header, and writes one record per ticket', () => {
    const csv = text([record(1)]);
    expect(csv.startsWith(`${UTF8_BOM}number,office_day,service,`)).toBe(true);
    const [header, row] = parseCsv(csv);
    expect(header).toEqual(TICKET_COLUMNS.map((c) => c.id));
    expect(row).toEqual([
      'M001', '2026-10-25', 'M', 'normal', '', 'done', 'mitid_issued',
      '2026-10-25T02:30:00+01:00', '2026-10-25T02:40:29+01:00', '2026-10-25T02:41:00+01:00', '2026-10-25T02:50:00+01:00',
      '10.5', '0.5', '9.0', '5', 'Skranke "Vest", 2', 'clerk1', '0', '', '', 'accepted', '', '',
    ]); // prettier-ignore
  });

  it('comes in chunks of about 64 KiB that join to the whole file', () => {
    const records = Array.from({ length: 3000 }, (_, i) => record(i));
    const chunks = [...ticketCsvChunks(records, new CopenhagenTime())];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.slice(0, -1).every((c) => c.length >= 64 * 1024 && c.length < 65 * 1024)).toBe(true);
    expect(parseCsv(chunks.join(''))).toHaveLength(3001);
    expect(chunks.join('').split(UTF8_BOM)).toHaveLength(2);
  });

  it('reads records only as chunks are taken', () => {
    let read = 0;
    function* counted() {
      for (let i = 0; i < 10_000; i++) {
        read++;
        yield record(i);
      }
    }
    const chunks = ticketCsvChunks(counted(), new CopenhagenTime());
    chunks.next();
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(1000);
  });
});
