import { describe, expect, it } from 'vitest';
import { computeStats } from '../../core/stats/accumulator.js';
import { FIGURE_COLUMNS } from '../../core/stats/figure-columns.js';
import type { GroupBy } from '../../core/stats/grouping.js';
import { parseStatsRange } from '../../core/stats/range.js';
import { newTicket } from '../../core/ticket-lifecycle.js';
import type { Service, Ticket } from '../../core/types.js';
import { FIGURE_TABLES, figureRows, formatFigure, tableSplitsByGroup } from '../../renderer/src/lib/statistics-tables.js';

const DAY = '2026-11-25';
const at = (clock: string) => Date.parse(`${DAY}T${clock}:00+01:00`);
const SERVICES: Service[] = [
  { code: 'M', names: { da: 'MitID', en: 'MitID' }, needsIdCheck: true, slaMinutes: 10, active: true },
  { code: 'P', names: { da: 'Pas', en: 'Passport' }, needsIdCheck: false, slaMinutes: 30, active: true },
];

function report(groupBy: GroupBy) {
  const parsed = parseStatsRange(DAY, DAY);
  if (!parsed.ok) throw new Error(parsed.message);
  // M: waited 10 min, served 12 min. P: waited 30 min, no-show.
  const tickets: Ticket[] = [
    { ...newTicket({ number: 'M001', officeDay: DAY, serviceCode: 'M', arrivedAt: at('09:00') }), id: 1, status: 'done', calledAt: at('09:10'), startedAt: at('09:10'), finishedAt: at('09:22'), outcome: 'mitid_issued', counterId: 1, staffId: 1 },
    { ...newTicket({ number: 'P001', officeDay: DAY, serviceCode: 'P', arrivedAt: at('09:05') }), id: 2, status: 'no_show', calledAt: at('09:35'), finishedAt: at('09:40'), counterId: 1, staffId: 1 },
  ];
  return computeStats(
    { range: parsed.range, groupBy, now: at('23:00'), names: { services: SERVICES, counters: new Map([[1, 'Skranke 1']]), staff: new Map([[1, 'Anna']]) }, counterEvents: [] },
    tickets,
    [{ at: at('08:55'), verdict: 'rejected', reasons: ['expired'] }],
  );
}

describe('the statistics page’s tables', () => {
  it('show every figure of the workbook exactly once', () => {
    const shown = FIGURE_TABLES.flatMap((table) => table.columns.map((c) => c.id));
    expect([...shown].sort()).toEqual(FIGURE_COLUMNS.map((c) => c.id).sort());
  });

  it('have a row per group and the total, with the figures formatted in the reader’s language', () => {
    const byService = report('service');
    const wait = FIGURE_TABLES.find((t) => t.id === 'wait')!;
    expect(figureRows(wait, byService, (g) => String(g.key), 'Total', 'en')).toEqual([
      { header: 'M', cells: ['10.0', '10.0', '10.0', '10.0'], total: false },
      { header: 'P', cells: ['30.0', '30.0', '30.0', '30.0'], total: false },
      { header: 'Total', cells: ['20.0', '20.0', '28.0', '30.0'], total: true },
    ]);
    const tickets = FIGURE_TABLES.find((t) => t.id === 'tickets')!;
    expect(figureRows(tickets, byService, (g) => String(g.key), 'I alt', 'da').at(-1)).toEqual({
      header: 'I alt',
      cells: ['2', '1', '0', '1', '0', '0', '0', '0'],
      total: true,
    });
  });

  it('give only the total where the figures cannot be split by the grouping', () => {
    const capacity = FIGURE_TABLES.find((t) => t.id === 'capacity')!;
    const idChecks = FIGURE_TABLES.find((t) => t.id === 'idChecks')!;
    expect(tableSplitsByGroup(capacity, 'service')).toBe(false);
    expect(tableSplitsByGroup(capacity, 'counter')).toBe(true);
    expect(tableSplitsByGroup(idChecks, 'clerk')).toBe(false);
    expect(tableSplitsByGroup(idChecks, 'hour')).toBe(true);
    const rows = figureRows(idChecks, report('service'), (g) => String(g.key), 'Total', 'en');
    expect(rows).toEqual([{ header: 'Total', cells: ['1', '0', '0', '1'], total: true }]);
  });

  it('format each unit, and a missing figure as a dash', () => {
    expect(formatFigure('count', 1234, 'da')).toBe('1.234');
    expect(formatFigure('minutes', 7.25, 'en')).toBe('7.3');
    expect(formatFigure('share', 0.5, 'en')).toBe('50%');
    expect(formatFigure('minutes', null, 'da')).toBe('–');
  });
});
