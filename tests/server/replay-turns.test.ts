import { describe, expect, it } from 'vitest';
import { ReplayTurns } from '../../server/replay-turns.js';

describe('replays taking turns on the event loop', () => {
  it('runs steps in order, one turn at a time, and lets other callbacks in between turns', async () => {
    const turns = new ReplayTurns(1000);
    const ran: string[] = [];
    let stepsBeforeOthers = -1;
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
    // Queued behind the first turn: it runs once that turn is over, before the second.
    setImmediate(() => (stepsBeforeOthers = ran.length));
    await new Promise<void>((resolve) => {
      const wait = () => (ran.length === 100 ? resolve() : setImmediate(wait));
      wait();
    });
    expect(ran.slice(0, 6)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(stepsBeforeOthers).toBe(2);
  });
});
