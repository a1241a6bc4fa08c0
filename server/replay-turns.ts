/**
 * Shares the event loop between all replays at once. Each replay step (one chunk of events) waits
 * its turn here; one turn of the event loop runs steps, round-robin, for at most `budgetMs`, then
 * lets the loop serve requests and sockets before the next turn. A chunk each was not enough: a
 * hundred clients replaying together took a hundred chunks per turn, and `/api/display` waited
 * most of a second behind them.
 */
export class ReplayTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly budgetMs: number) {}

  /** Runs `step` in a coming turn, after the steps already waiting. */
  enqueue(step: () => void): void {
    this.waiting.push(step);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.runTurn);
  }

  private readonly runTurn = (): void => {
    this.scheduled = false;
    const until = performance.now() + this.budgetMs;
    // Only the steps waiting now: a step that enqueues its next one waits for the next turn.
    for (let left = this.waiting.length; left > 0 && performance.now() < until; left--) this.waiting.shift()!();
    if (this.waiting.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(this.runTurn);
    }
  };
}
