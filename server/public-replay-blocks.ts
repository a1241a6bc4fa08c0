import { eventForViewer } from '../core/events.js';
import type { Store } from '../db/store.js';
import { sseEvent } from './sse-writer.js';

interface PublicEntry {
  seq: number;
  at: number;
  text: string;
}

/**
 * The public stream's replay text, read and formatted once per block of sequence numbers and
 * shared by every screen that replays it. A block is kept only once it is complete (the log is
 * append-only, so it cannot change); the newest, still-growing one is read afresh.
 *
 * Every waiting-room screen that reconnects asks for the same stretch of today; formatting it
 * again for each was most of the host's work when a hundred clients asked at once, and the
 * garbage it left stalled the event loop in collection pauses.
 */
interface Block {
  entries: PublicEntry[];
  /** The whole block's text, encoded once: most replays want all of it, and a Buffer is written without copying. */
  whole: Buffer;
}

export class PublicReplayBlocks {
  private readonly blocks = new Map<number, Block>();

  constructor(
    private readonly store: Store,
    readonly blockSize: number,
    private readonly maxBlocks: number,
  ) {}

  /**
   * The public events after `cursor` to the end of its block, as SSE text, and the sequence that
   * block ends at; or null when that block is not complete yet.
   */
  after(cursor: number, notBefore: number): { text: string | Buffer; through: number } | null {
    const index = Math.floor(cursor / this.blockSize);
    const through = (index + 1) * this.blockSize;
    const block = this.block(index, through);
    if (!block) return null;
    const first = block.entries[0];
    if (first && first.seq > cursor && first.at >= notBefore) return { text: block.whole, through };
    let text = '';
    for (const entry of block.entries) if (entry.seq > cursor && entry.at >= notBefore) text += entry.text;
    return { text, through };
  }

  private block(index: number, through: number): Block | null {
    const cached = this.blocks.get(index);
    if (cached) {
      // Most recently used last, so the first key is the one to evict.
      this.blocks.delete(index);
      this.blocks.set(index, cached);
      return cached;
    }
    if (this.store.events.lastSeq() < through) return null;
    const entries: PublicEntry[] = [];
    for (const event of this.store.events.since(index * this.blockSize, this.blockSize)) {
      if (event.seq > through) break;
      const visible = eventForViewer(event, 'public');
      if (visible) entries.push({ seq: event.seq, at: event.at, text: sseEvent(event.seq, event.type, visible) });
    }
    const block = { entries, whole: Buffer.from(entries.map((entry) => entry.text).join('')) };
    this.blocks.set(index, block);
    if (this.blocks.size > this.maxBlocks) this.blocks.delete(this.blocks.keys().next().value!);
    return block;
  }
}
