import { describe, expect, it } from 'vitest';
import { intervalsText, nextOpeningText } from '../../renderer/src/lib/opening-hours-texts.js';

describe('the kiosk says when the office opens again, in Copenhagen time', () => {
  const thursdayEvening = Date.parse('2026-11-26T18:00:00Z'); // 19:00 in Copenhagen

  it('says today, tomorrow, or the weekday and date', () => {
    expect(nextOpeningText('2026-11-27T09:00:00.000Z', thursdayEvening, 'da')).toBe('Vi åbner igen i morgen kl. 10:00.');
    expect(nextOpeningText('2026-11-27T09:00:00.000Z', thursdayEvening, 'en')).toBe('We open again tomorrow at 10:00.');
    expect(nextOpeningText('2026-11-26T19:30:00.000Z', thursdayEvening, 'en')).toBe('We open again today at 20:30.');
    expect(nextOpeningText('2026-11-30T09:00:00.000Z', thursdayEvening, 'da')).toBe('Vi åbner igen mandag den 30. november kl. 10:00.');
    expect(nextOpeningText('2026-11-30T09:00:00.000Z', thursdayEvening, 'en')).toBe('We open again Monday 30 November at 10:00.');
  });

  it('uses the Copenhagen day, not the UTC day, around midnight', () => {
    const lateSunday = Date.parse('2026-11-29T23:30:00Z'); // Monday 00:30 in Copenhagen
    expect(nextOpeningText('2026-11-30T09:00:00.000Z', lateSunday, 'en')).toBe('We open again today at 10:00.');
  });

  it('lists a day’s intervals, or says closed', () => {
    expect(intervalsText([{ opens: '10:00', closes: '12:00' }, { opens: '13:00', closes: '17:30' }], 'da')).toBe('10:00–12:00, 13:00–17:30');
    expect(intervalsText([], 'da')).toBe('Lukket');
    expect(intervalsText([], 'en')).toBe('Closed');
  });
});
