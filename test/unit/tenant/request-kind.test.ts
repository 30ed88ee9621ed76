// Reads and writes as the idempotency proof counts them, for both services, on the real Microsoft
// URLs and on the simulator's; then counted end to end through the gateways.
import { afterEach, describe, expect, it } from 'vitest';
import { CLOUDS } from '../../../shared/clouds.ts';
import { createExchangeGateway } from '../../../main/tenant/exchange.ts';
import { createGraphGateway } from '../../../main/tenant/graph.ts';
import { classifyRequest } from '../../../main/tenant/request-kind.ts';
import { countRequests, fetchTransport, type HttpRequest } from '../../../main/tenant/transport.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}): HttpRequest => ({
  method,
  url,
  headers,
  ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
});
const invoke = (cmdlet: string) => ({ CmdletInput: { CmdletName: cmdlet, Parameters: { Identity: 'room@contoso.com' } } });

describe('classifyRequest', () => {
  it('Graph: GET reads, other methods write, a $batch of GETs reads', () => {
    expect(classifyRequest(request('GET', 'https://graph.microsoft.com/v1.0/users/room@contoso.com'))).toBe('read');
    expect(classifyRequest(request('PATCH', 'https://graph.microsoft.us/v1.0/users/room@contoso.com', {}))).toBe('write');
    expect(classifyRequest(request('POST', 'https://graph.microsoft.com/v1.0/users', {}))).toBe('write');
    expect(classifyRequest(request('POST', 'https://graph.microsoft.com/v1.0/$batch', { requests: [{ id: '1', method: 'GET', url: '/users/a' }] }))).toBe('read');
    expect(
      classifyRequest(request('POST', 'https://graph.microsoft.com/v1.0/$batch', { requests: [{ id: '1', method: 'GET', url: '/users/a' }, { id: '2', method: 'PATCH', url: '/users/a', body: {} }] })),
    ).toBe('write');
  });

  it('Exchange: Get-* reads, every other cmdlet writes', () => {
    const url = 'https://outlook.office365.com/adminapi/beta/7c6e1a52/InvokeCommand';
    expect(classifyRequest(request('POST', url, invoke('Get-CalendarProcessing')))).toBe('read');
    expect(classifyRequest(request('POST', `${url}?%24skiptoken=x`, invoke('Get-Mailbox')))).toBe('read');
    expect(classifyRequest(request('POST', url, invoke('Set-CalendarProcessing')))).toBe('write');
    expect(classifyRequest(request('POST', url, invoke('New-Mailbox')))).toBe('write');
    expect(classifyRequest(request('POST', url, undefined, { 'X-CmdletName': 'Get-Place' }))).toBe('read');
  });

  it('sign-in traffic is neither, and the simulator’s URLs count like Microsoft’s', () => {
    expect(classifyRequest(request('POST', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token'))).toBe('other');
    expect(classifyRequest(request('GET', 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration'))).toBe('other');
    expect(classifyRequest(request('GET', 'http://127.0.0.1:4100/graph/v1.0/subscribedSkus'))).toBe('read');
    expect(classifyRequest(request('POST', 'http://127.0.0.1:4100/exchange/adminapi/beta/t/InvokeCommand', invoke('Set-Place')))).toBe('write');
    expect(classifyRequest(request('POST', 'http://127.0.0.1:4100/login/t/oauth2/v2.0/token'))).toBe('other');
  });
});

describe('counting through the gateways', () => {
  let server: LocalServer | undefined;
  afterEach(async () => server?.close());

  it('counts every request by kind, retries included', async () => {
    server = await startLocalServer((recorded, index) => {
      if (index === 0) return { status: 503 }; // one retried read
      if (recorded.url.includes('$batch')) {
        const { requests } = JSON.parse(recorded.body) as { requests: { id: string }[] };
        return { json: { responses: requests.map((item) => ({ id: item.id, status: 404, headers: {}, body: {} })) } };
      }
      return recorded.url.includes('InvokeCommand') ? { json: { value: [] } } : { json: { id: 'u' } };
    });
    const { transport, counts } = countRequests(fetchTransport());
    const cloud = { ...CLOUDS.global, graphRoot: server.url, exchangeRoot: server.url };
    const tokens = async () => 't';
    const graph = createGraphGateway({ cloud, tokens, transport, retry: { sleep: async () => undefined } });
    const exchange = createExchangeGateway({ cloud, tenantId: 't', tokens, transport });
    await graph.getUser('room@contoso.com');
    await graph.getUsers(['a@contoso.com', 'b@contoso.com']);
    await exchange.invoke('Get-Mailbox', { Identity: 'room@contoso.com' });
    expect(counts).toEqual({ reads: 4, writes: 0 });
    await graph.updateUser('room@contoso.com', { usageLocation: 'US' });
    await exchange.invoke('Set-CalendarProcessing', { Identity: 'room@contoso.com', AutomateProcessing: 'AutoAccept' });
    expect(counts).toEqual({ reads: 4, writes: 2 });
    expect(server.requests).toHaveLength(6);
  });
});
