// The Graph gateway against a local HTTP server speaking Graph's protocol: the token on every
// request (on a host the Graph client's own AuthenticationHandler would refuse), throttling and
// failures under the retry policy, $batch splitting and per-item re-queueing, paging, advanced
// queries, and Graph's error shapes.
import { afterEach, describe, expect, it } from 'vitest';
import { CLOUDS } from '../../../shared/clouds.ts';
import { createGraphGateway, isAdvancedQuery } from '../../../main/tenant/graph.ts';
import { createLimiter } from '../../../main/tenant/limiter.ts';
import { RetryPolicy, type RetryOptions } from '../../../main/tenant/retry.ts';
import { fetchTransport, TransportError } from '../../../main/tenant/transport.ts';
import { DeadlineError, GraphRequestError, PermissionError } from '../../../main/tenant/types.ts';
import { fakeTime, startLocalServer, type Handler, type LocalServer } from './local-server.ts';

let server: LocalServer | undefined;
let foreign: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  await foreign?.close();
  server = foreign = undefined;
});

const graphError = (code: string, message: string) => ({
  error: { code, message, innerError: { date: '2026-03-02T09:00:00', 'request-id': 'b3f1c2d4-0000-4000-8000-000000000001', 'client-request-id': 'b3f1c2d4-0000-4000-8000-000000000002' } },
});

async function gateway(handler: Handler, retry: RetryOptions = {}, extra: { limit?: number } = {}) {
  server = await startLocalServer(handler);
  const time = fakeTime();
  const tokenRequests: string[] = [];
  const graph = createGraphGateway({
    cloud: { ...CLOUDS.global, graphRoot: server.url },
    tokens: async (resource) => {
      tokenRequests.push(resource);
      return `token-for-${resource}`;
    },
    transport: fetchTransport(),
    retry: new RetryPolicy({ now: time.now, sleep: time.sleep, random: () => 0.5, ...retry }),
    limiter: createLimiter(extra.limit ?? 8),
  });
  return { graph, server, time, tokenRequests };
}

const user = (upn: string) => ({ id: `id-${upn}`, userPrincipalName: upn, accountEnabled: true });

describe('requests and the token', () => {
  it('sends the bearer token to every request, on a host that is not a Graph host, for gets, batches and pages', async () => {
    const { graph, server, tokenRequests } = await gateway((request) => {
      if (request.url.startsWith('/v1.0/$batch')) {
        const { requests } = JSON.parse(request.body) as { requests: { id: string; url: string }[] };
        return { json: { responses: requests.map((item) => ({ id: item.id, status: 200, headers: { 'Content-Type': 'application/json' }, body: user(item.url.split('/')[2]!.split('?')[0]!) })) } };
      }
      if (request.url.startsWith('/v1.0/domains') && !request.url.includes('skiptoken')) {
        return { json: { value: [{ id: 'contoso.com' }], '@odata.nextLink': `${server.url}/v1.0/domains?$skiptoken=abc` } };
      }
      if (request.url.startsWith('/v1.0/domains')) return { json: { value: [{ id: 'contoso.onmicrosoft.com' }] } };
      return { json: user('room@contoso.com') };
    });
    await graph.getUser('room@contoso.com');
    await graph.getUsers(['a@contoso.com', 'b@contoso.com']);
    expect((await graph.listDomains()).map((domain) => domain.id)).toEqual(['contoso.com', 'contoso.onmicrosoft.com']);
    expect(server.requests).toHaveLength(4);
    for (const request of server.requests) expect(request.headers.authorization).toBe('Bearer token-for-graph');
    expect(tokenRequests.every((resource) => resource === 'graph')).toBe(true);
  });

  it('gets a user by UPN with $select, and answers undefined for 404', async () => {
    const { graph, server } = await gateway((request) =>
      request.url.includes('ghost') ? { status: 404, json: graphError('Request_ResourceNotFound', "Resource 'ghost@contoso.com' does not exist.") } : { json: user('room@contoso.com') },
    );
    expect(await graph.getUser('room@contoso.com', ['id', 'userPrincipalName'])).toMatchObject({ userPrincipalName: 'room@contoso.com' });
    expect(await graph.getUser('ghost@contoso.com')).toBeUndefined();
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/v1.0/users/room@contoso.com?$select=id,userPrincipalName' });
  });

  it('writes: POST /users, PATCH with absolute values, assignLicense and a place update with its @odata.type', async () => {
    const { graph, server } = await gateway((request) => (request.method === 'POST' && request.url === '/v1.0/users' ? { status: 201, json: user('new@contoso.com') } : { status: 204 }));
    const created = await graph.createUser({
      accountEnabled: true,
      displayName: 'New Room',
      mailNickname: 'new',
      userPrincipalName: 'new@contoso.com',
      passwordProfile: { password: 'Correct-Horse-7', forceChangePasswordNextSignIn: false },
    });
    expect(created.id).toBe('id-new@contoso.com');
    await graph.updateUser('new@contoso.com', { passwordPolicies: 'DisablePasswordExpiration', usageLocation: 'US' });
    await graph.assignLicense('new@contoso.com', ['sku-1'], []);
    await graph.updatePlace('new@contoso.com', { capacity: 8 });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /v1.0/users',
      'PATCH /v1.0/users/new@contoso.com',
      'POST /v1.0/users/new@contoso.com/assignLicense',
      'PATCH /v1.0/places/new@contoso.com',
    ]);
    expect(JSON.parse(server.requests[0]!.body).passwordProfile).toEqual({ password: 'Correct-Horse-7', forceChangePasswordNextSignIn: false });
    expect(JSON.parse(server.requests[2]!.body)).toEqual({ addLicenses: [{ skuId: 'sku-1', disabledPlans: [] }], removeLicenses: [] });
    expect(JSON.parse(server.requests[3]!.body)).toEqual({ '@odata.type': 'microsoft.graph.room', capacity: 8 });
    expect(server.requests[1]!.headers['content-type']).toMatch(/^application\/json/);
  });

  it('lists the signed-in admin’s directory roles, not its groups', async () => {
    const { graph, server } = await gateway(() => ({
      json: {
        value: [
          { '@odata.type': '#microsoft.graph.group', id: 'g1', displayName: 'Facilities' },
          { '@odata.type': '#microsoft.graph.directoryRole', id: 'r1', displayName: 'Exchange Administrator', roleTemplateId: '29232cdf-9323-42fd-ade2-1d097af3e4de' },
        ],
      },
    }));
    expect(await graph.myDirectoryRoles()).toEqual([{ id: 'r1', displayName: 'Exchange Administrator', roleTemplateId: '29232cdf-9323-42fd-ade2-1d097af3e4de' }]);
    expect(server.requests[0]!.url).toBe('/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole');
  });
});

describe('throttling and failures', () => {
  it('waits the Retry-After seconds of a 429, then succeeds', async () => {
    const { graph, server, time } = await gateway((_request, index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '7' }, json: graphError('TooManyRequests', 'Too many requests') } : { json: user('room@contoso.com') },
    );
    expect(await graph.getUser('room@contoso.com')).toMatchObject({ id: 'id-room@contoso.com' });
    expect(server.requests).toHaveLength(2);
    expect(time.waits).toEqual([7000]);
  });

  it('waits until the HTTP date of a Retry-After', async () => {
    const time = fakeTime();
    const { graph } = await gateway(
      (_request, index) => (index === 0 ? { status: 429, headers: { 'retry-after': new Date(time.now() + 12_000).toUTCString() } } : { json: user('room@contoso.com') }),
      { now: time.now, sleep: time.sleep },
    );
    await graph.getUser('room@contoso.com');
    expect(time.waits).toEqual([12_000]);
  });

  it('backs off with full jitter after a 503 without Retry-After, doubling the ceiling each time', async () => {
    const { graph, server, time } = await gateway((_request, index) => (index < 3 ? { status: 503 } : { json: user('room@contoso.com') }), { baseDelayMs: 1000 });
    await graph.getUser('room@contoso.com');
    expect(server.requests).toHaveLength(4);
    // random() is 0.5: half of 1000, 2000, 4000.
    expect(time.waits).toEqual([500, 1000, 2000]);
  });

  it('repeats a read after a connection reset', async () => {
    const { graph, server } = await gateway((_request, index) => (index === 0 ? { reset: true } : { json: user('room@contoso.com') }));
    expect(await graph.getUser('room@contoso.com')).toBeDefined();
    expect(server.requests).toHaveLength(2);
  });

  it('never repeats POST /users after a connection reset: the caller re-reads instead', async () => {
    const { graph, server } = await gateway(() => ({ reset: true }));
    const creating = graph.createUser({ accountEnabled: true, displayName: 'R', mailNickname: 'r', userPrincipalName: 'r@contoso.com', passwordProfile: { password: 'Secret-Pass-1', forceChangePasswordNextSignIn: false } });
    await expect(creating).rejects.toBeInstanceOf(TransportError);
    expect(server.requests).toHaveLength(1);
  });

  it('repeats POST /users when Graph refused it with 503 and Retry-After, but not after a bare 503', async () => {
    const refused = await gateway((_request, index) => (index === 0 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 201, json: user('r@contoso.com') }));
    const newUser = { accountEnabled: true, displayName: 'R', mailNickname: 'r', userPrincipalName: 'r@contoso.com', passwordProfile: { password: 'Secret-Pass-1', forceChangePasswordNextSignIn: false } };
    await expect(refused.graph.createUser(newUser)).resolves.toMatchObject({ id: 'id-r@contoso.com' });
    expect(refused.server.requests).toHaveLength(2);
    await refused.server.close();

    const bare = await gateway(() => ({ status: 503, json: graphError('serviceNotAvailable', 'Service unavailable') }));
    await expect(bare.graph.createUser(newUser)).rejects.toMatchObject({ name: 'GraphRequestError', status: 503, code: 'serviceNotAvailable' });
    expect(bare.server.requests).toHaveLength(1);
  });

  it('gives up after the maximum number of attempts with Graph’s error', async () => {
    const { graph, server } = await gateway(() => ({ status: 503, headers: { 'retry-after': '0' }, json: graphError('serviceNotAvailable', 'The service is temporarily unavailable.') }), { maxAttempts: 3 });
    const error = await graph.getUser('room@contoso.com').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 503, code: 'serviceNotAvailable' });
    expect((error as Error).message).toContain('gave up after 3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('stops with DeadlineError, without waiting, when the Retry-After would pass the deadline', async () => {
    const time = fakeTime();
    const { graph, server } = await gateway(() => ({ status: 429, headers: { 'retry-after': '120' } }), { now: time.now, sleep: time.sleep, deadline: time.now() + 60_000 });
    await expect(graph.getUser('room@contoso.com')).rejects.toBeInstanceOf(DeadlineError);
    expect(server.requests).toHaveLength(1);
    expect(time.waits).toEqual([]);
  });

  it('cancellation ends a wait with DeadlineError', async () => {
    const controller = new AbortController();
    // The real sleep: only cancellation can end this 30 s wait quickly.
    const { graph, server } = await gateway(() => ({ status: 429, headers: { 'retry-after': '30' } }), {
      now: Date.now,
      sleep: undefined,
      signal: controller.signal,
      onRetry: () => setTimeout(() => controller.abort(), 20),
    });
    const started = Date.now();
    await expect(graph.getUser('room@contoso.com')).rejects.toThrow(DeadlineError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });

  it('cancellation ends a request in flight with DeadlineError', async () => {
    const controller = new AbortController();
    const { graph } = await gateway(() => {
      setTimeout(() => controller.abort(), 20);
      return { hang: true };
    }, { signal: controller.signal });
    await expect(graph.getUser('room@contoso.com')).rejects.toBeInstanceOf(DeadlineError);
  });

  it('keeps at most `limit` requests in flight', async () => {
    const { graph, server } = await gateway(() => ({ delayMs: 25, json: user('room@contoso.com') }), {}, { limit: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, index) => graph.getUser(`room${index}@contoso.com`)));
    expect(server.requests).toHaveLength(12);
    expect(server.maxInFlight).toBe(3);
  });
});

describe('$batch', () => {
  const batchOf = (request: { body: string }) => (JSON.parse(request.body) as { requests: { id: string; method: string; url: string }[] }).requests;
  const upnIn = (url: string) => decodeURIComponent(url.split('/')[2]!.split('?')[0]!);

  it('splits at 20 requests per $batch and keys the answers by the UPN asked for', async () => {
    const upns = Array.from({ length: 45 }, (_, index) => `room${index}@contoso.com`);
    const { graph, server } = await gateway((request) => ({
      json: {
        responses: batchOf(request).map((item) => {
          const upn = upnIn(item.url);
          return upn.endsWith('7@contoso.com')
            ? { id: item.id, status: 404, headers: { 'Content-Type': 'application/json' }, body: graphError('Request_ResourceNotFound', `Resource '${upn}' does not exist.`) }
            : { id: item.id, status: 200, headers: { 'Content-Type': 'application/json' }, body: user(upn) };
        }),
      },
    }));
    const users = await graph.getUsers(upns, ['id', 'userPrincipalName']);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch', 'POST /v1.0/$batch']);
    expect(server.requests.map((request) => batchOf(request).length).sort((a, b) => a - b)).toEqual([5, 20, 20]);
    const first = batchOf(server.requests[0]!)[0]!;
    expect(first).toMatchObject({ method: 'GET' });
    expect(first.url).toMatch(/^\/users\/room\d+@contoso\.com\?\$select=id,userPrincipalName$/);
    expect([...users.keys()]).toEqual(upns);
    expect(users.get('room7@contoso.com')).toBeUndefined();
    expect(users.get('room17@contoso.com')).toBeUndefined();
    expect(users.get('room8@contoso.com')).toMatchObject({ userPrincipalName: 'room8@contoso.com' });
  });

  it('sends the items throttled inside a batch again, after their Retry-After, and only those', async () => {
    const upns = Array.from({ length: 6 }, (_, index) => `room${index}@contoso.com`);
    const throttledOnce = new Set(['room1@contoso.com', 'room4@contoso.com']);
    const { graph, server, time } = await gateway((request) => ({
      json: {
        responses: batchOf(request).map((item) => {
          const upn = upnIn(item.url);
          if (throttledOnce.delete(upn)) {
            return { id: item.id, status: 429, headers: { 'Retry-After': upn === 'room4@contoso.com' ? '3' : '1', 'Content-Type': 'application/json' }, body: graphError('TooManyRequests', 'Too many requests') };
          }
          return { id: item.id, status: 200, headers: { 'Content-Type': 'application/json' }, body: user(upn) };
        }),
      },
    }));
    const users = await graph.getUsers(upns);
    expect(server.requests).toHaveLength(2);
    expect(batchOf(server.requests[1]!).map((item) => upnIn(item.url))).toEqual(['room1@contoso.com', 'room4@contoso.com']);
    expect(time.waits).toEqual([3000]);
    expect([...users.values()].every((found) => found !== undefined)).toBe(true);
  });

  it('gives up on an item throttled on every attempt, and fails on a 403 inside a batch as a PermissionError', async () => {
    const { graph } = await gateway((request) => ({
      json: { responses: batchOf(request).map((item) => ({ id: item.id, status: 429, headers: { 'Retry-After': '0' }, body: graphError('TooManyRequests', 'Too many requests') })) },
    }), { maxAttempts: 2 });
    await expect(graph.getUsers(['room@contoso.com'])).rejects.toMatchObject({ name: 'GraphRequestError', status: 429 });
    await server?.close();

    const denied = await gateway((request) => ({
      json: { responses: batchOf(request).map((item) => ({ id: item.id, status: 403, headers: {}, body: graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.') })) },
    }));
    const error = await denied.graph.getUsers(['room@contoso.com']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as PermissionError).message).toContain('Insufficient privileges');
  });
});

describe('paging and advanced queries', () => {
  it('follows @odata.nextLink and repeats ConsistencyLevel and $count on every page of an advanced query', async () => {
    const { graph, server } = await gateway((request) =>
      request.url.includes('skiptoken')
        ? { json: { value: [user('b@contoso.com')] } }
        : { json: { '@odata.count': 2, value: [user('a@contoso.com')], '@odata.nextLink': `${server.url}/v1.0/users?$filter=x&$skiptoken=RFNwdAIAAQAAACpVc2Vy` } },
    );
    const filter = "proxyAddresses/any(x:x eq 'smtp:room+1@contoso.com')";
    const found = await graph.findUsers(filter, ['id']);
    expect(found.map((item) => item.userPrincipalName)).toEqual(['a@contoso.com', 'b@contoso.com']);
    const first = new URL(server.requests[0]!.url, server.url);
    expect(first.searchParams.get('$filter')).toBe(filter);
    expect(first.searchParams.get('$count')).toBe('true');
    expect(first.searchParams.get('$select')).toBe('id');
    for (const request of server.requests) expect(request.headers.consistencylevel).toBe('eventual');
    expect(new URL(server.requests[1]!.url, server.url).searchParams.get('$skiptoken')).toBe('RFNwdAIAAQAAACpVc2Vy');
  });

  it('sends a plain filter without ConsistencyLevel', async () => {
    const { graph, server } = await gateway(() => ({ json: { value: [] } }));
    await graph.findUsers("mailNickname eq 'room1'");
    expect(server.requests[0]!.headers.consistencylevel).toBeUndefined();
    expect(new URL(server.requests[0]!.url, server.url).searchParams.get('$count')).toBeNull();
    expect(isAdvancedQuery("endsWith(mail,'@contoso.com')")).toBe(true);
    expect(isAdvancedQuery("userPrincipalName eq 'note@contoso.com'")).toBe(false);
  });

  it('refuses a next page on another origin: the token would go there', async () => {
    foreign = await startLocalServer(() => ({ json: { value: [] } }));
    const { graph } = await gateway(() => ({ json: { value: [{ id: 'contoso.com' }], '@odata.nextLink': `${foreign!.url}/v1.0/domains?$skiptoken=x` } }));
    await expect(graph.listDomains()).rejects.toMatchObject({ code: 'UnexpectedNextLink' });
    expect(foreign.requests).toHaveLength(0);
  });
});

describe('errors', () => {
  it('reads Graph’s code, message and request id', async () => {
    const { graph } = await gateway(() => ({
      status: 400,
      json: graphError('Request_BadRequest', "Invalid value specified for property 'usageLocation' of resource 'User'."),
    }));
    const error = await graph.updateUser('room@contoso.com', { usageLocation: 'XX' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 400, code: 'Request_BadRequest', requestId: 'b3f1c2d4-0000-4000-8000-000000000001' });
    expect((error as Error).message).toContain("Invalid value specified for property 'usageLocation'");
  });

  it('turns 403 into a PermissionError with the service’s message', async () => {
    const { graph } = await gateway(() => ({ status: 403, json: graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.') }));
    const error = await graph.listConditionalAccessPolicies().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ service: 'graph', status: 403 });
    expect((error as Error).message).toContain('Insufficient privileges to complete the operation.');
    expect((error as Error).message).toContain('GET /identity/conditionalAccess/policies');
  });

  it('never puts the password in an error, even when Graph echoes it', async () => {
    const password = "Pa55-w0rd'Room";
    const { graph, server } = await gateway(() => ({
      status: 400,
      json: graphError('Request_BadRequest', `The specified password '${password}' does not comply with password complexity requirements. Body: {"password":"${password}"}`),
    }));
    const error = await graph.createUser({ accountEnabled: true, displayName: 'R', mailNickname: 'r', userPrincipalName: 'r@contoso.com', passwordProfile: { password, forceChangePasswordNextSignIn: false } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect((error as Error).message).not.toContain(password);
    expect((error as Error).message).not.toContain('Pa55-w0rd');
    expect((error as Error).message).toContain('[redacted]');
    // Sent as Graph expects it, all the same.
    expect(JSON.parse(server.requests[0]!.body).passwordProfile.password).toBe(password);
  });

  it('reads a non-JSON error page as a GraphRequestError with the status', async () => {
    const { graph } = await gateway(() => ({ status: 502, text: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } }), { maxAttempts: 1 });
    await expect(graph.getUser('room@contoso.com')).rejects.toMatchObject({ name: 'GraphRequestError', status: 502, code: 'HTTP502' });
  });
});
