import { describe, expect, it } from 'vitest';
import { HashQueue } from '../../server/hash-queue.js';

/** A task that finishes when the test says so. */
function controllable() {
  let finish!: (value: string) => void;
  let started = false;
  const task = () => {
    started = true;
    return new Promise<string>((resolve) => (finish = resolve));
  };
  return { task, finish: (value: string) => finish(value), started: () => started };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('HashQueue', () => {
  it('runs at most `running` tasks at once; the next waits its turn in order', async () => {
    const queue = new HashQueue({ running: 2, waiting: 4, perKey: 9 });
    const tasks = [controllable(), controllable(), controllable(), controllable()];
    const results = tasks.map((t, i) => queue.run(`pc${i}`, t.task));
    await settle();
    expect(tasks.map((t) => t.started())).toEqual([true, true, false, false]);
    expect(queue.load).toEqual({ running: 2, waiting: 2, peakRunning: 2 });

    tasks[1]!.finish('b');
    await expect(results[1]).resolves.toBe('b');
    await settle();
    expect(tasks.map((t) => t.started())).toEqual([true, true, true, false]);
    tasks[0]!.finish('a');
    tasks[2]!.finish('c');
    await settle();
    tasks[3]!.finish('d');
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect(queue.load).toEqual({ running: 0, waiting: 0, peakRunning: 2 });
  });

  it('refuses at once, starting nothing, when the queue is full', async () => {
    const queue = new HashQueue({ running: 1, waiting: 1, perKey: 9 });
    const [a, b, c] = [controllable(), controllable(), controllable()];
    expect(queue.run('x', a.task)).not.toBeNull();
    expect(queue.run('y', b.task)).not.toBeNull();
    expect(queue.run('z', c.task)).toBeNull();
    await settle();
    expect(c.started()).toBe(false);
    a.finish('a');
    await settle();
    // A place is free again.
    expect(queue.run('z', c.task)).not.toBeNull();
  });

  it('lets no key hold more than its share, so one PC cannot fill the queue', async () => {
    const queue = new HashQueue({ running: 2, waiting: 8, perKey: 2 });
    const flood = Array.from({ length: 20 }, () => controllable());
    const admitted = flood.map((t) => queue.run('10.0.0.66', t.task)).filter((r) => r !== null);
    expect(admitted).toHaveLength(2);
    const colleague = controllable();
    expect(queue.run('10.0.0.7', colleague.task)).not.toBeNull();
    await settle();
    expect(queue.load.waiting).toBe(1);
    flood[0]!.finish('done');
    await settle();
    expect(colleague.started()).toBe(true);
  });

  it('frees the place of a task that fails', async () => {
    const queue = new HashQueue({ running: 1, waiting: 0, perKey: 1 });
    await expect(queue.run('x', () => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(queue.load.running).toBe(0);
    await expect(queue.run('x', async () => 'again')).resolves.toBe('again');
  });
});
