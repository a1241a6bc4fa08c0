import { EventEmitter } from 'node:events';

/** A response whose socket takes `room` more writes before its buffer is full. */
export class FakeResponse extends EventEmitter {
  written: string[] = [];
  destroyed = false;
  ended = false;
  room = Infinity;
  write(text: string | Buffer): boolean {
    this.written.push(String(text));
    this.room--;
    return this.room > 0;
  }
  writeHead(): this {
    return this;
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
  drain(room: number): void {
    this.room = room;
    this.emit('drain');
  }
}
