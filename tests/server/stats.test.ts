import { describe, expect, it } from 'vitest';
import { duration, none, staff, stats, useTwoOfficeDays } from '../support/stats-office-days.js';

/** /api/stats over the two hand-worked office days of tests/support/stats-office-days.ts. */
useTwoOfficeDays();

describe('GET /api/stats by day', () => {
  it('counts, durations, estimates, SLA, urgent, outcomes, counter time and ID checks of each Copenhagen day', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-26&groupBy=day');
    expect(report).toMatchObject({ from: '2026-10-24', to: '2026-10-26', groupBy: 'day' });
    expect(report.groups.map((g: any) => [g.key, g.label])).toEqual([
      ['2026-10-24', '2026-10-24'],
      ['2026-10-25', '2026-10-25'],
      ['2026-10-26', '2026-10-26'],
    ]);
    const [saturday, sunday, monday] = report.groups;

    // 23:30 on the 24th is the 24th's ticket (carried over: still waiting at midnight), 00:30 on the 25th the 25th's.
    expect(saturday).toEqual({
      key: '2026-10-24',
      label: '2026-10-24',
      issued: 7, // T1–T7; the continuation T2' is no new ticket
      served: 6, // T1, T2', T3, T4 (called back after its no-show), T5, T7
      walkUps: 1,
      noShow: 0,
      cancelled: 1,
      transferred: 1,
      open: 0,
      carriedOver: 1,
      // waits 4 10 15 28 28 70: mean 155/6; median between 15 and 28; p90 at rank 4.5: 28 + ½ × 42
      waitMinutes: duration(6, 25.8, 21.5, 49, 70),
      // walks 1 1 1 1 1 2 (T4's counts from its second call)
      walkMinutes: duration(6, 1.2, 1, 1.5, 2),
      // services 5 8 9 10 10 16: p90 at rank 4.5: 10 + ½ × 6
      serviceMinutes: duration(6, 9.7, 9.5, 13, 16),
      // real − promised: 10, 15, 4, 28 − 5, 70; within ±5 min: only T3
      estimate: { count: 5, meanSignedErrorMinutes: 24.4, meanAbsoluteErrorMinutes: 24.4, withinToleranceShare: 0.2 },
      sla: { count: 6, withinSla: 3, share: 0.5 },
      urgent: { issued: 1, byReason: { hospital_summons: 1, other: 0 }, waitMinutes: duration(1, 4, 4, 4, 4) },
      outcomes: { mitid_issued: 2, refused_no_valid_id: 1, referred: 1, other: 2 },
      // open: A 125 + B 120; serving T1 8, T2 12 (until the transfer), T2' 16, T3 10, T4 10, T5 5. T7 was served after midnight.
      capacity: { openMinutes: 245, servingMinutes: 61, idleMinutes: 184, utilisation: 0.249 },
      idChecks: {
        total: 2,
        byVerdict: { accepted: 1, supplement_required: 0, rejected: 1 },
        rejectReasons: expect.objectContaining({ expired: 1, unreadable: 0, too_young: 0 }),
      },
      // No bookings in this scenario (tests/server/stats-appointments.test.ts has them). Walk-ins
      // are the normal tickets: 10 15 28 28 70 (T3 is urgent); p90 at rank 3.6: 28 + 0.6 × 42.
      appointments: {
        waitMinutes: none,
        walkInWaitMinutes: duration(5, 30.2, 28, 53.2, 70),
        bookings: { total: 0, checkedIn: 0, early: 0, onTime: 0, late: 0, noShow: 0, cancelled: 0, stillBooked: 0 },
      },
    });

    expect(sunday).toMatchObject({
      issued: 3,
      served: 2,
      walkUps: 0,
      noShow: 1,
      cancelled: 0,
      transferred: 0,
      open: 0,
      carriedOver: 0,
      waitMinutes: duration(3, 11.7, 10, 18, 20), // 5 10 20: p90 at rank 1.8
      walkMinutes: duration(2, 1.5, 1.5, 1.9, 2),
      serviceMinutes: duration(2, 9, 9, 9.8, 10),
      estimate: { count: 3, meanSignedErrorMinutes: 11.7, meanAbsoluteErrorMinutes: 11.7, withinToleranceShare: 0.333 },
      sla: { count: 3, withinSla: 3, share: 1 }, // T8 waited exactly its 20 SLA minutes: within
      urgent: { issued: 1, byReason: { hospital_summons: 0, other: 1 }, waitMinutes: duration(1, 10, 10, 10, 10) },
      outcomes: { mitid_issued: 1, refused_no_valid_id: 0, referred: 0, other: 1 },
      // The 25-hour day: A 00:20+02 → 03:30+01 is 250 min; B 02:50+02 → midnight is 22 h 10 = 1330 min.
      // Serving: T7 9 (the 24th's ticket, served on the 25th), T8 8, T9 10.
      capacity: { openMinutes: 1580, servingMinutes: 27, idleMinutes: 1553, utilisation: 0.017 },
      idChecks: { total: 2, byVerdict: { accepted: 0, supplement_required: 1, rejected: 1 } },
    });
    expect(sunday.idChecks.rejectReasons).toMatchObject({ unreadable: 1, expired: 0 });

    // Nobody came on the 26th; counter 2 is still open, so it counts until now (12:00).
    expect(monday).toMatchObject({ issued: 0, served: 0, waitMinutes: none, estimate: { count: 0, meanSignedErrorMinutes: null } });
    expect(monday.capacity).toEqual({ openMinutes: 720, servingMinutes: 0, idleMinutes: 720, utilisation: 0 });
  });

  it('sums the range: every count adds up, and percentiles are taken over all tickets, not averaged per day', async () => {
    const { summary } = await stats('from=2026-10-24&to=2026-10-26&groupBy=day');
    expect(summary).toMatchObject({
      issued: 10,
      served: 8,
      walkUps: 1,
      noShow: 1,
      cancelled: 1,
      transferred: 1,
      open: 0,
      carriedOver: 1,
      // 4 5 10 10 15 20 28 28 70: mean 190/9; median the 5th; p90 at rank 7.2: 28 + 0.2 × 42
      waitMinutes: duration(9, 21.1, 15, 36.4, 70),
      walkMinutes: duration(8, 1.3, 1, 2, 2), // mean 10/8 = 1.25, rounded half up
      serviceMinutes: duration(8, 9.5, 9.5, 11.8, 16), // 5 8 8 9 10 10 10 16
      estimate: { count: 8, meanSignedErrorMinutes: 19.6, meanAbsoluteErrorMinutes: 19.6, withinToleranceShare: 0.25 },
      sla: { count: 9, withinSla: 6, share: 0.667 },
      urgent: { issued: 2, byReason: { hospital_summons: 1, other: 1 }, waitMinutes: duration(2, 7, 7, 9.4, 10) },
      outcomes: { mitid_issued: 3, refused_no_valid_id: 1, referred: 1, other: 3 },
      capacity: { openMinutes: 245 + 1580 + 720, servingMinutes: 88, idleMinutes: 2457, utilisation: 0.035 },
      idChecks: { total: 4, byVerdict: { accepted: 1, supplement_required: 1, rejected: 2 } },
    });
    expect(summary.issued).toBe(summary.served + summary.noShow + summary.cancelled + summary.open);
  });

  it('counts an open counter until the end of the range when the range is over', async () => {
    const { summary } = await stats('from=2026-10-24&to=2026-10-25');
    expect(summary.capacity).toEqual({ openMinutes: 1825, servingMinutes: 88, idleMinutes: 1737, utilisation: 0.048 });
  });

  it('leaves the 23:30 ticket out of a report of the 25th alone, and counts its day as not carried over by the 25th', async () => {
    const report = await stats('from=2026-10-25&to=2026-10-25');
    expect(report.summary).toMatchObject({ issued: 3, carriedOver: 0, waitMinutes: duration(3, 11.7, 10, 18, 20) });
  });
});

describe('GET /api/stats by hour, service, counter, clerk and priority', () => {
  it('puts both 02:30s of the 25-hour day in hour 02, with two clock hours of counter time', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=hour');
    const hour = (h: number) => report.groups.find((g: any) => g.key === h);
    // Counter 2 is open from 02:50 to midnight on the 25th, so every hour has counter time.
    expect(report.groups.map((g: any) => g.key)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(hour(2)).toMatchObject({
      label: '02:00–03:00',
      issued: 2,
      served: 1,
      noShow: 1,
      waitMinutes: duration(2, 7.5, 7.5, 9.5, 10),
      urgent: { issued: 1 },
      // A: both hours (120); B: 10 min of the first (from 02:50) and all of the second (60).
      capacity: { openMinutes: 190, servingMinutes: 10, idleMinutes: 180, utilisation: 0.053 },
      idChecks: { total: 1, byVerdict: { rejected: 1 } },
    });
    expect(hour(9)).toMatchObject({
      issued: 2,
      served: 2,
      transferred: 1,
      waitMinutes: duration(3, 17.7, 15, 25.4, 28), // T1 10, T2 15, T2' 28 (arrived 09:05)
      // A on the 24th and B on the 25th; serving T1 8 + T2 12 + T2' 16.
      capacity: { openMinutes: 120, servingMinutes: 36, idleMinutes: 84, utilisation: 0.3 },
    });
    expect(hour(23)).toMatchObject({ issued: 1, carriedOver: 1, waitMinutes: duration(1, 70, 70, 70, 70), capacity: { openMinutes: 60, servingMinutes: 0 } });
    expect(hour(8)).toMatchObject({ issued: 0, idChecks: { total: 1, byVerdict: { accepted: 1 } } });
  });

  it('groups by service in the kiosk order, with Danish names; the continuation counts where it was served', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=service');
    expect(report.groups.map((g: any) => [g.key, g.label, g.issued, g.served, g.transferred, g.noShow, g.cancelled])).toEqual([
      ['M', 'MitID', 4, 4, 0, 0, 0],
      ['P', 'Pas', 2, 1, 1, 0, 0],
      ['K', 'Kørekort', 2, 2, 0, 1, 0],
      ['A', 'Andet', 2, 1, 0, 0, 1],
    ]);
    expect(report.groups[0].waitMinutes).toEqual(duration(4, 15.5, 15, 25.6, 28)); // 4 10 20 28
    expect(report.groups[2].waitMinutes).toEqual(duration(3, 14.3, 10, 24.4, 28)); // T2' 28, T9 5, T10 10
    expect(report.groups[3]).toMatchObject({ walkUps: 1, waitMinutes: none });
    // Counter time and ID checks belong to no service.
    expect(report.groups.every((g: any) => g.capacity === null && g.idChecks === null)).toBe(true);
  });

  it('groups by counter with utilisation, and lists tickets never at a counter under "Ingen skranke"', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=counter');
    expect(report.groups.map((g: any) => [g.key, g.label])).toEqual([
      [1, 'Skranke 1'],
      [2, 'Skranke 2'],
      [null, 'Ingen skranke'],
    ]);
    const [one, two, nowhere] = report.groups;
    expect(one).toMatchObject({
      issued: 7,
      served: 6,
      noShow: 1,
      transferred: 1,
      waitMinutes: duration(8, 23.3, 17.5, 40.6, 70), // 5 10 10 15 20 28 28 70
      // open 125 + 250; serving 8 + 12 + 16 + 10 + 9 + 8 + 10
      capacity: { openMinutes: 375, servingMinutes: 73, idleMinutes: 302, utilisation: 0.195 },
      idChecks: null,
    });
    expect(two).toMatchObject({ issued: 2, served: 2, walkUps: 1, capacity: { openMinutes: 1450, servingMinutes: 15, idleMinutes: 1435, utilisation: 0.01 } });
    expect(nowhere).toMatchObject({ issued: 1, cancelled: 1, capacity: { openMinutes: 0, servingMinutes: 0, idleMinutes: 0, utilisation: null } });
  });

  it('groups by clerk with display names and idle time (open − serving)', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=clerk');
    expect(report.groups.map((g: any) => [g.key, g.label, g.issued, g.capacity?.idleMinutes])).toEqual([
      [staff.a.id, staff.a.displayName, 7, 302],
      [staff.b.id, staff.b.displayName, 2, 1435],
      [null, 'Ingen medarbejder', 1, 0],
    ]);
  });

  it('groups by priority class, all three always listed', async () => {
    const report = await stats('from=2026-10-24&to=2026-10-25&groupBy=priority');
    expect(report.groups.map((g: any) => [g.key, g.label, g.issued, g.served, g.noShow])).toEqual([
      ['urgent', 'Akut', 2, 1, 1],
      ['appointment', 'Tidsbestilling', 0, 0, 0],
      ['normal', 'Almindelig', 8, 7, 0],
    ]);
    expect(report.groups[0].waitMinutes).toEqual(duration(2, 7, 7, 9.4, 10));
  });
});
