import { describe, expect, it } from 'vitest';
import { Announcer, type Announcement } from '../../renderer/src/lib/announcer.js';

/** A clock the test moves by hand: `wait` resolves only when `advance` passes its due time. */
function fakeTiming(start = 1_000_000) {
  let now = start;
  let timers: { due: number; resolve: () => void }[] = [];
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    wait: (ms: number) => new Promise<void>((resolve) => timers.push({ due: now + ms, resolve })),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        await flush();
        const next = timers.filter((t) => t.due <= until).sort((a, b) => a.due - b.due)[0];
        if (!next) break;
        now = next.due;
        timers = timers.filter((t) => t !== next);
        next.resolve();
      }
      now = until;
      await flush();
    },
  };
}

/** A sound that takes as long as the test says: each started announcement waits for `finish()`. */
function fakeSound() {
  const started: string[] = [];
  const finishers: (() => void)[] = [];
  return {
    started,
    perform: (a: Announcement) =>
      new Promise<void>((resolve) => {
        started.push(a.number);
        finishers.push(resolve);
      }),
    finish: () => finishers.shift()?.(),
  };
}

const call = (seq: number, number: string, at: number): Announcement => ({ seq, number, at, counterName: 'Skranke 1' });

describe('Announcer', () => {
  it('announces calls one at a time, in order, with the gap between them', async () => {
    const timing = fakeTiming();
    const sound = fakeSound();
    const announcer = new Announcer({ perform: sound.perform, timing, gapMs: 1000, maxDurationMs: 10_000, maxAgeMs: 60_000 });
    announcer.enqueue(call(1, 'M001', timing.now()));
    announcer.enqueue(call(2, 'M002', timing.now()));
    await timing.advance(0);
    expect(sound.started).toEqual(['M001']);

    sound.finish();
    await timing.advance(999);
    expect(sound.started).toEqual(['M001']);
    await timing.advance(1);
    expect(sound.started).toEqual(['M001', 'M002']);
  });

  it('repeats a recalled ticket as a new announcement', async () => {
    const timing = fakeTiming();
    const announced: string[] = [];
    const announcer = new Announcer({ perform: async (a) => void announced.push(`${a.seq}:${a.number}`), timing, gapMs: 500, maxDurationMs: 5000, maxAgeMs: 60_000 });
    announcer.enqueue(call(1, 'M001', timing.now()));
    announcer.enqueue(call(2, 'M001', timing.now()));
    await timing.advance(2000);
    await announcer.idle();
    expect(announced).toEqual(['1:M001', '2:M001']);
  });

  it('moves on when an announcement never reports that it has finished', async () => {
    const timing = fakeTiming();
    const sound = fakeSound();
    const announcer = new Announcer({ perform: sound.perform, timing, gapMs: 500, maxDurationMs: 8000, maxAgeMs: 60_000 });
    announcer.enqueue(call(1, 'M001', timing.now()));
    announcer.enqueue(call(2, 'P001', timing.now()));
    await timing.advance(8499);
    expect(sound.started).toEqual(['M001']);
    await timing.advance(1);
    expect(sound.started).toEqual(['M001', 'P001']);
  });

  it('keeps going after an announcement fails', async () => {
    const timing = fakeTiming();
    const announced: string[] = [];
    const perform = async (a: Announcement) => {
      if (a.number === 'M001') throw new Error('speech engine gone');
      announced.push(a.number);
    };
    const announcer = new Announcer({ perform, timing, gapMs: 100, maxDurationMs: 1000, maxAgeMs: 60_000 });
    announcer.enqueue(call(1, 'M001', timing.now()));
    announcer.enqueue(call(2, 'M002', timing.now()));
    await timing.advance(1000);
    await announcer.idle();
    expect(announced).toEqual(['M002']);
  });

  it('does not read out calls that are too old by the time their turn comes', async () => {
    const timing = fakeTiming();
    const announced: string[] = [];
    const announcer = new Announcer({ perform: async (a) => void announced.push(a.number), timing, gapMs: 100, maxDurationMs: 1000, maxAgeMs: 60_000 });
    announcer.enqueue(call(1, 'M001', timing.now() - 120_000));
    announcer.enqueue(call(2, 'M002', timing.now() - 30_000));
    await timing.advance(1000);
    await announcer.idle();
    expect(announced).toEqual(['M002']);
  });

  it('announces nothing more once stopped', async () => {
    const timing = fakeTiming();
    const sound = fakeSound();
    const announcer = new Announcer({ perform: sound.perform, timing, gapMs: 100, maxDurationMs: 1000, maxAgeMs: 60_000 });
    announcer.enqueue(call(1, 'M001', timing.now()));
    announcer.enqueue(call(2, 'M002', timing.now()));
    await timing.advance(0);
    announcer.stop();
    announcer.enqueue(call(3, 'M003', timing.now()));
    sound.finish();
    await timing.advance(5000);
    expect(sound.started).toEqual(['M001']);
  });
});
