import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../contract/shell-bridge.js';
import { startScannerAgent } from '../../electron/scanner-agent.js';
import type { DocumentScanner, DocumentScannerEvents, ScannerStatus } from '../../hardware/document-scanner.js';
import { SimulatedScanner } from '../../hardware/simulated-scanner.js';
import { recordingLog } from './recording-log.js';

// ICAO 9303's specimen passport: not a real person, but treated as if it were.
const MRZ = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function deliveries(accept = true) {
  const events: ScanEvent[] = [];
  return { events, deliver: (event: ScanEvent) => (events.push(event), accept) };
}

describe('startScannerAgent', () => {
  it('forwards each document and every status change to the page', async () => {
    const scanner = new SimulatedScanner();
    const { events, deliver } = deliveries();
    await startScannerAgent(scanner, deliver, recordingLog());
    scanner.scan(MRZ);
    await settle();
    scanner.unplug();
    expect(events).toEqual([
      { kind: 'status', status: { state: 'connected', detail: 'simulated reader' } },
      { kind: 'document', mrz: MRZ },
      { kind: 'status', status: { state: 'disconnected', detail: 'simulated reader unplugged' } },
    ]);
  });

  it('never writes the MRZ, or any part of it, to the log, also when the page could not take it', async () => {
    const scanner = new SimulatedScanner();
    const log = recordingLog();
    await startScannerAgent(scanner, deliveries(false).deliver, log);
    scanner.scan(MRZ);
    await settle();
    expect(log.entries).toContainEqual({ level: 'warn', message: 'scan dropped: the page is not ready', fields: { reader: 'simulator' } });
    for (const fragment of ['ERIKSSON', 'ANNA', 'L898902C3', '740812']) expect(log.text()).not.toContain(fragment);
  });

  it('tells a freshly loaded page the current reader state', async () => {
    const scanner = new SimulatedScanner({ pluggedIn: false });
    const { events, deliver } = deliveries();
    const agent = await startScannerAgent(scanner, deliver, recordingLog());
    events.length = 0;
    agent.announceStatus();
    expect(events).toEqual([{ kind: 'status', status: { state: 'disconnected', detail: 'simulated reader unplugged' } }]);
  });

  it('stops the reader and forwards nothing afterwards', async () => {
    const scanner = new SimulatedScanner();
    const { events, deliver } = deliveries();
    const agent = await startScannerAgent(scanner, deliver, recordingLog());
    await agent.stop();
    events.length = 0;
    expect(scanner.scan(MRZ)).toBe(false);
    await settle();
    expect(events).toEqual([]);
    expect(scanner.listenerCount('document')).toBe(0);
    expect(scanner.listenerCount('status')).toBe(0);
  });

  it('keeps going when the reader fails to start, and says so in the log', async () => {
    class FailingScanner extends EventEmitter<DocumentScannerEvents> implements DocumentScanner {
      readonly kind = 'hid-pos' as const;
      async start(): Promise<void> {
        throw new Error('node-hid could not be loaded');
      }
      async stop(): Promise<void> {}
      status(): ScannerStatus {
        return { state: 'error', detail: 'node-hid could not be loaded' };
      }
    }
    const log = recordingLog();
    const agent = await startScannerAgent(new FailingScanner(), deliveries().deliver, log);
    expect(log.entries).toEqual([
      { level: 'error', message: 'document reader did not start', fields: { reader: 'hid-pos', detail: 'node-hid could not be loaded' } },
    ]);
    await expect(agent.stop()).resolves.toBeUndefined();
  });
});
