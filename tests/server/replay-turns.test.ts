import { describe, expect, it } from 'vitest';
import { ReplayTurns } from '../../server/replay-turns.js';

describe('replays taking turns on the event loop', () => {
  it('runs steps in order, and lets timers and I/O in between turns however long the replays are', async () => {
    const turns = new ReplayTurns(1000);
    const ran: string[] = [];
    let stepsBeforeTimer = -1;
    const replay = (name: string, steps: number) => {
      let left = steps;
      const step = () => {
        ran.push(name);
        if (--left > 0) turns.enqueue(step);
      };
      turns.enqueue(step);
    };
    replay('a', 50);
    replay('b', 50);
    setTimeout(() => (stepsBeforeTimer = ran.length), 0);
    await new Promise<void>((resolve) => {
      const wait = () => (ran.length === 100 ? resolve() : setImmediate(wait));
      wait();
    });
    expect(ran.slice(0, 6)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(stepsBeforeTimer).toBeGreaterThanOrEqual(0);
    expect(stepsBeforeTimer).toBeLessThan(10);
  });
});
