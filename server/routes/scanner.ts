import { ErrorAnswers, NotJson } from '../../contract/errors.js';
import { DevScanAccepted, DevScannerRequest, DevScannerStatus, DevScanRequest } from '../../contract/host.js';
import { SimulatedScanner } from '../../hardware/simulated-scanner.js';
import { isLoopbackAddress } from '../auth.js';
import type { App, HostContext } from '../context.js';
import { conflict, forbidden } from '../errors.js';

/**
 * The host scanner's verdicts for the kiosk page on this PC. Only loopback callers may listen:
 * a verdict belongs to the citizen standing at this kiosk, not to other screens.
 */
export function scannerRoutes(app: App, { hostScanner, config }: HostContext): void {
  app.get('/api/scanner/events', { schema: { tags: ['scanner'], summary: "Verdicts of the host's own reader (loopback only)", response: { 200: NotJson('text/event-stream', 'Server-Sent Events: status and verdict'), ...ErrorAnswers } } }, (request, reply) => {
    if (!isLoopbackAddress(request.socket.remoteAddress)) throw forbidden('Only the kiosk on the host PC receives its scanner.');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' });
    const write = (type: string, data: unknown) => res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    write('status', hostScanner.status());
    const stopVerdicts = hostScanner.onVerdict((verdict) => write('verdict', verdict));
    const stopStatus = hostScanner.onStatus((status) => write('status', status));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      stopVerdicts();
      stopStatus();
    });
  });

  const simulator = hostScanner.scanner instanceof SimulatedScanner ? hostScanner.scanner : null;
  // Development and tests only: absent in production and without SCANNER=simulator.
  if (config.production || !simulator) return;

  app.post(
    '/api/dev/scans',
    { schema: { tags: ['dev'], summary: 'The simulated reader reads this document (development only)', body: DevScanRequest, response: { 202: DevScanAccepted, ...ErrorAnswers } } },
    async (request, reply) => {
      if (!simulator.scan(request.body.mrz)) throw conflict('scanner_disconnected', 'The simulated reader is unplugged.');
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    '/api/dev/scanner',
    { schema: { tags: ['dev'], summary: 'Unplug or plug in the simulated reader (development only)', body: DevScannerRequest, response: { 200: DevScannerStatus, ...ErrorAnswers } } },
    async (request) => {
      if (request.body.connected) simulator.plugIn();
      else simulator.unplug();
      return simulator.status();
    },
  );
}
