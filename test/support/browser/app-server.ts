// Serves the built renderer on http://127.0.0.1:<free port> through the app's own app:// protocol
// handler (main/shell/app-protocol.ts) with the production Content-Security-Policy, so the page
// the browser tests load is the page Electron loads, headers included. node:http only translates:
// http://127.0.0.1:port/x -> app://roomready/x -> the handler's Response.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ORIGIN, createAppProtocolHandler } from '../../../main/shell/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../main/shell/content-security-policy.ts';

export interface AppServer {
  /** http://127.0.0.1:port */
  origin: string;
  /** Requests answered with anything but 200 (a missing asset is a bug the page may hide). */
  failures: string[];
  close(): Promise<void>;
}

export async function startAppServer(rendererRoot: string): Promise<AppServer> {
  const handle = createAppProtocolHandler({ rendererRoot, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  const failures: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = `${APP_ORIGIN}${request.url ?? '/'}`;
    handle(new Request(url, { method: request.method ?? 'GET' }))
      .then(async (answer) => {
        if (answer.status !== 200 && request.url !== '/favicon.ico') failures.push(`${request.method} ${request.url} -> ${answer.status}`);
        response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch((error: unknown) => {
        failures.push(`${request.method} ${request.url} -> ${String(error)}`);
        response.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    failures,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
