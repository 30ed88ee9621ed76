// MSAL's network client over a Transport: the request MSAL makes is the request the transport
// sees, and the answer comes back in MSAL's shape.
import { AuthError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { msalNetworkClient } from '../../../main/auth/msal-network-client.ts';
import { TransportError, type HttpRequest, type HttpResponse, type Transport } from '../../../main/tenant/transport.ts';

function recordingTransport(answer: (request: HttpRequest) => HttpResponse | Promise<HttpResponse>) {
  const seen: HttpRequest[] = [];
  const transport: Transport = async (request) => {
    seen.push(request);
    return answer(request);
  };
  return { seen, transport };
}

describe('MSAL network client', () => {
  it('sends MSAL POSTs through the transport unchanged and parses the JSON answer', async () => {
    const { seen, transport } = recordingTransport(() => ({ status: 200, headers: { 'x-ms-request-id': 'r1' }, body: '{"token_type":"Bearer","expires_in":3599}' }));
    const response = await msalNetworkClient(transport).sendPostRequestAsync<{ expires_in: number }>('https://login.microsoftonline.com/t/oauth2/v2.0/token', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=x',
    });
    expect(seen).toEqual([
      { method: 'POST', url: 'https://login.microsoftonline.com/t/oauth2/v2.0/token', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=x' },
    ]);
    expect(response).toEqual({ status: 200, headers: { 'x-ms-request-id': 'r1' }, body: { token_type: 'Bearer', expires_in: 3599 } });
  });

  it('sends GETs without a body and gives error statuses back for MSAL to read', async () => {
    const { seen, transport } = recordingTransport(() => ({ status: 400, headers: {}, body: '{"error":"invalid_grant","error_description":"AADSTS70008: expired"}' }));
    const response = await msalNetworkClient(transport).sendGetRequestAsync<{ error: string }>('https://login.microsoftonline.com/common/discovery/instance');
    expect(seen[0]).toEqual({ method: 'GET', url: 'https://login.microsoftonline.com/common/discovery/instance', headers: {} });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_grant');
  });

  it('turns a page that is not JSON into an OAuth-shaped error naming the status and host', async () => {
    const { transport } = recordingTransport(() => ({ status: 502, headers: {}, body: '<html>Bad gateway</html>' }));
    const response = await msalNetworkClient(transport).sendPostRequestAsync<{ error: string; error_description: string }>('https://login.microsoftonline.us/t/oauth2/v2.0/token', { body: '' });
    expect(response.body.error).toBe('temporarily_unavailable');
    expect(response.body.error_description).toBe('HTTP 502 from login.microsoftonline.us, and the answer was not JSON.');
  });

  it('reports a connection failure as an MSAL network error that keeps the reason', async () => {
    const transport: Transport = async (request) => {
      throw new TransportError('POST login.microsoftonline.com: ECONNRESET', request.url, 'ECONNRESET');
    };
    const error = await msalNetworkClient(transport)
      .sendPostRequestAsync('https://login.microsoftonline.com/t/oauth2/v2.0/token', { body: 'client_secret=planted-secret-value' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).errorCode).toBe('network_error');
    expect((error as AuthError).message).toContain('ECONNRESET');
    expect((error as AuthError).message).not.toContain('planted-secret-value');
  });

  it('gives up on a GET after the timeout MSAL asks for', async () => {
    const transport: Transport = (_request, signal) =>
      new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
    const started = Date.now();
    const error = await msalNetworkClient(transport)
      .sendGetRequestAsync('https://login.microsoftonline.com/x', undefined, 50)
      .catch((caught: unknown) => caught);
    expect((error as AuthError).message).toContain('no answer within 50 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
