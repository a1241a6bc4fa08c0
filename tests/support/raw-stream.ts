import net from 'node:net';

/**
 * A raw TCP client that asks for a live stream and then never reads: what an attacker (or a
 * frozen PC) does. `localAddress` picks one of the many loopback addresses (127.x.y.z), so a test
 * can be many different client PCs at once.
 */
export function openUnreadStream(hostUrl: string, route: string, localAddress: string): Promise<net.Socket> {
  const url = new URL(hostUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port), localAddress }, () => {
      socket.write(`GET ${route} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\n\r\n`);
      resolve(socket);
    });
    socket.on('error', reject);
    // No 'data' listener and paused: the socket's buffers fill and the host sees it stop reading.
    socket.pause();
  });
}

/** The n-th of many distinct loopback client addresses. */
export function loopbackAddress(n: number): string {
  return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}
