// A planted client secret never shows up in a thrown message or a log line, even when the other
// side echoes it back (a misconfigured proxy that quotes the request in its error, which happens).
import { describe, expect, it } from 'vitest';
import { AuthFailure } from '../../../main/auth/auth-errors.ts';
import { createAppOnlyAuth } from '../../../main/auth/msal-app-only-auth.ts';
import type { HttpRequest, Transport } from '../../../main/tenant/transport.ts';
import { CLOUDS } from '../../../shared/clouds.ts';

const SECRET = 'Planted~Client.Secret_9f8e7d6c5b4a';

describe('secrets in errors and logs', () => {
  it('an echoed request body does not carry the client secret into the error or the log', async () => {
    const seen: HttpRequest[] = [];
    const echoingProxy: Transport = async (request) => {
      seen.push(request);
      return {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error: 'invalid_request', error_description: `Proxy refused the request: ${request.body} (secret ${SECRET})` }),
      };
    };
    const lines: string[] = [];
    const auth = createAppOnlyAuth({
      cloud: CLOUDS.global,
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'app-id',
      transport: echoingProxy,
      credential: { kind: 'client-secret', env: { ROOMREADY_CLIENT_SECRET: SECRET } },
      log: (level, message) => lines.push(`${level} ${message}`),
      logLevel: 'verbose',
    });
    const error = await auth.getToken('graph').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthFailure);
    // The secret really went out (so the test can fail), and came back in the answer...
    expect(seen.some((request) => request.body?.includes(encodeURIComponent(SECRET)) || request.body?.includes(SECRET))).toBe(true);
    // ...but not into anything RoomReady shows.
    const message = (error as Error).message;
    expect(message).toContain('Proxy refused the request');
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain(encodeURIComponent(SECRET));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(SECRET);
      expect(line).not.toContain(encodeURIComponent(SECRET));
    }
  });
});
