import { describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS } from '../../../core/stats/figure-columns.js';
import { TICKET_COLUMNS } from '../../../core/stats/ticket-columns.js';

describe('column names of the exports', () => {
  it.each([
    ['figure', FIGURE_COLUMNS],
    ['ticket', TICKET_COLUMNS],
  ] as const)('%s columns have unique ids and unique headers in Danish and in English', (_, columns) => {
    for (const names of [columns.map((c) => c.id), columns.map((c) => c.header.da), columns.map((c) => c.header.en)]) {
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
