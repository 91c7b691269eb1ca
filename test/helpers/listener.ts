/** A local HTTP listener that records every connection and request made to it. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingListener {
  readonly origin: string;
  readonly port: number;
  readonly requests: string[];
  /** connections counts TCP connections, including ones that never send a request (preconnects). */
  connections(): number;
  close(): Promise<void>;
}

/** startListener listens on 127.0.0.1 on a port the system picks. */
export async function startListener(): Promise<RecordingListener> {
  const requests: string[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'text/plain');
    res.end('reached');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
