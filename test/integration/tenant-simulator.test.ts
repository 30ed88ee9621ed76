// The gateways against the simulated tenant (main/simulator), reached only through
// simulatorTransport with the real Microsoft URLs: every Graph and Exchange method, tokens from the
// simulator's token endpoint (client credentials; a password grant for the delegated-only call),
// replication lag, throttling, 503s and connection resets, and request counting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUDS, defaultScope, type ServiceResource } from '../../shared/clouds.ts';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../main/simulator/index.ts';
import { createExchangeGateway, type RoomReadyExchangeGateway } from '../../main/tenant/exchange.ts';
import { createGraphGateway, type RoomReadyGraphGateway } from '../../main/tenant/graph.ts';
import { createLimiter } from '../../main/tenant/limiter.ts';
import type { RetryOptions } from '../../main/tenant/retry.ts';
import { countRequests, simulatorTransport, TransportError, type RequestCounts, type Transport } from '../../main/tenant/transport.ts';
import { ExchangeCmdletError, GraphRequestError, PermissionError, type GraphUser, type NewGraphUser, type TokenProvider } from '../../main/tenant/types.ts';

const cloud = CLOUDS.simulated;

async function postForm(transport: Transport, url: string, fields: Record<string, string>): Promise<Record<string, unknown>> {
  const answer = await transport({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  if (answer.status !== 200) throw new Error(`${url}: ${answer.status} ${String(body.error_description ?? '')}`);
  return body;
}

/**
 * A few lines of OAuth against the simulator's token endpoint, through the same transport as
 * everything else: client credentials for the app, device code for a signed-in admin (the simulated
 * tenant's conditional access demands MFA, which a device-code sign-in has done in the "browser").
 */
function tokenProvider(sim: RunningSimulator, transport: Transport, grant: { kind: 'app' } | { kind: 'user'; upn: string }): TokenProvider {
  const cache = new Map<ServiceResource, Promise<string>>();
  const base = `${cloud.authorityHost}/${sim.tenantId}/oauth2/v2.0`;
  const acquire = async (resource: ServiceResource): Promise<string> => {
    const scope = defaultScope(cloud, resource);
    if (grant.kind === 'app') {
      const body = await postForm(transport, `${base}/token`, { grant_type: 'client_credentials', client_id: sim.confidentialClient.clientId, client_secret: sim.confidentialClient.secret, scope });
      return String(body.access_token);
    }
    sim.tenant.setInteractiveUser(grant.upn);
    const { device_code } = await postForm(transport, `${base}/devicecode`, { client_id: sim.publicClientId, scope });
    const body = await postForm(transport, `${base}/token`, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: sim.publicClientId, device_code: String(device_code) });
    return String(body.access_token);
  };
  return (resource) => {
    let token = cache.get(resource);
    if (!token) {
      token = acquire(resource);
      cache.set(resource, token);
    }
    return token;
  };
}

interface Tenant {
  sim: RunningSimulator;
  graph: RoomReadyGraphGateway;
  exchange: RoomReadyExchangeGateway;
  counts: RequestCounts;
  waits: number[];
  transport: Transport;
}

async function tenant(options: SimulatorOptions, retry: RetryOptions = {}, wrap: (inner: Transport) => Transport = (inner) => inner): Promise<Tenant> {
  const sim = await startSimulator(options);
  const { transport, counts } = countRequests(wrap(simulatorTransport(sim.url)));
  const waits: number[] = [];
  // The policy honours Retry-After; the test only skips the real waiting.
  const policy: RetryOptions = { sleep: async (ms) => void waits.push(ms), random: () => 0.5, ...retry };
  const tokens = tokenProvider(sim, transport, { kind: 'app' });
  const limiter = createLimiter(6);
  return {
    sim,
    graph: createGraphGateway({ cloud, tokens, transport, retry: policy, limiter }),
    exchange: createExchangeGateway({ cloud, tenantId: sim.tenantId, tokens, transport, retry: policy, limiter }),
    counts,
    waits,
    transport,
  };
}

const newRoomUser = (upn: string): NewGraphUser => ({
  accountEnabled: true,
  displayName: upn.split('@')[0]!,
  mailNickname: upn.split('@')[0]!,
  userPrincipalName: upn,
  passwordProfile: { password: 'Sim-Room-Pass-1357', forceChangePasswordNextSignIn: false },
});

describe('Graph gateway against the simulated tenant', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await tenant({ seed: 11 });
  });
  afterAll(async () => t.sim.stop());

  it('reads domains, licences, conditional access, rooms and room lists', async () => {
    const domains = await t.graph.listDomains();
    expect(domains.find((domain) => domain.id === 'contoso.com')).toMatchObject({ isVerified: true });
    expect(domains.find((domain) => domain.isInitial)?.id).toBe(t.sim.tenantDomain);
    const skus = await t.graph.listSubscribedSkus();
    expect(skus.map((sku) => sku.skuPartNumber)).toContain('Microsoft_Teams_Rooms_Pro');
    const policies = await t.graph.listConditionalAccessPolicies();
    expect(policies.map((policy) => policy.displayName)).toContain('Require MFA for all users');
    expect((await t.graph.listRooms()).map((room) => room.emailAddress)).toEqual(expect.arrayContaining(['mtr-rainier@contoso.com', 'mtr-baker@contoso.com']));
    expect((await t.graph.listRoomLists()).map((list) => list.emailAddress)).toContain('building7rooms@contoso.com');
  });

  it('creates, reads, updates and licenses a user; a second create of the same UPN is refused', async () => {
    const upn = 'mtr-graph1@contoso.com';
    const created = await t.graph.createUser(newRoomUser(upn));
    expect(created.userPrincipalName).toBe(upn);
    await expect(t.graph.createUser(newRoomUser(upn))).rejects.toBeInstanceOf(GraphRequestError);

    const pro = (await t.graph.listSubscribedSkus()).find((sku) => sku.skuPartNumber === 'Microsoft_Teams_Rooms_Pro')!;
    const noLocation = await t.graph.assignLicense(upn, [pro.skuId], []).catch((error: unknown) => error);
    expect(noLocation).toBeInstanceOf(GraphRequestError);
    expect((noLocation as GraphRequestError).status).toBe(400);
    expect((noLocation as Error).message).toMatch(/usage location/i);

    await t.graph.updateUser(upn, { usageLocation: 'US', passwordPolicies: 'DisablePasswordExpiration' });
    await t.graph.assignLicense(upn, [pro.skuId], []);
    const read = await t.graph.getUser(upn, ['id', 'userPrincipalName', 'usageLocation', 'passwordPolicies', 'assignedLicenses']);
    expect(read).toMatchObject({ usageLocation: 'US', passwordPolicies: 'DisablePasswordExpiration' });
    expect(read?.assignedLicenses?.map((license) => license.skuId)).toEqual([pro.skuId]);
    expect(await t.graph.getUser('nobody@contoso.com')).toBeUndefined();
  });

  it('reads many users in $batch requests, keyed by UPN, unknown ones undefined', async () => {
    const upns = ['mtr-rainier@contoso.com', ...Array.from({ length: 23 }, (_, index) => `ghost${index}@contoso.com`), 'mtr-baker@contoso.com'];
    const before = t.counts.reads;
    const users = await t.graph.getUsers(upns, ['id', 'userPrincipalName', 'usageLocation']);
    expect(t.counts.reads - before).toBe(2); // 25 users: a batch of 20 and one of 5
    expect([...users.keys()]).toEqual(upns);
    expect(users.get('mtr-rainier@contoso.com')).toMatchObject({ userPrincipalName: 'mtr-rainier@contoso.com', usageLocation: 'US' });
    expect(users.get('ghost3@contoso.com')).toBeUndefined();
  });

  it('finds users by a plain filter and by an advanced query on proxyAddresses', async () => {
    expect((await t.graph.findUsers("mailNickname eq 'mtr-rainier'", ['id', 'userPrincipalName'])).map((user) => user.userPrincipalName)).toEqual(['mtr-rainier@contoso.com']);
    const owners = await t.graph.findUsers("proxyAddresses/any(x:x eq 'smtp:mtr-baker@contoso.com')", ['id', 'userPrincipalName']);
    expect(owners.map((user) => user.userPrincipalName)).toEqual(['mtr-baker@contoso.com']);
  });

  it('reads and updates a place; an unknown one is undefined', async () => {
    await t.graph.updatePlace('mtr-baker@contoso.com', { capacity: 10, building: 'Building 4' });
    expect(await t.graph.getPlace('mtr-baker@contoso.com')).toMatchObject({ emailAddress: 'mtr-baker@contoso.com', capacity: 10, building: 'Building 4' });
    expect(await t.graph.getPlace('nowhere@contoso.com')).toBeUndefined();
  });

  it('lists the directory roles of a signed-in admin; a limited admin gets a PermissionError for writes', async () => {
    const asAdmin = createGraphGateway({ cloud, transport: t.transport, tokens: tokenProvider(t.sim, t.transport, { kind: 'user', upn: t.sim.adminUpn }) });
    expect((await asAdmin.myDirectoryRoles()).map((role) => role.displayName)).toContain('Global Administrator');

    const limited = createGraphGateway({ cloud, transport: t.transport, tokens: tokenProvider(t.sim, t.transport, { kind: 'user', upn: t.sim.limitedAdminUpn }) });
    const error = await limited.updatePlace('mtr-baker@contoso.com', { capacity: 3 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ service: 'graph', status: 403 });
  });
});

describe('Exchange gateway against the simulated tenant', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await tenant({ seed: 12 });
  });
  afterAll(async () => t.sim.stop());

  it('creates a room mailbox and reads it back; an unknown identity is a not-found cmdlet error', async () => {
    const password = 'Never-In-An-Error-97';
    const created = await t.exchange.invoke('New-Mailbox', {
      Name: 'Everest',
      Alias: 'mtr-everest',
      MicrosoftOnlineServicesID: 'mtr-everest@contoso.com',
      Room: true,
      EnableRoomMailboxAccount: true,
      RoomMailboxPassword: password,
    });
    expect(created[0]).toMatchObject({ RecipientTypeDetails: 'RoomMailbox' });
    const [mailbox] = await t.exchange.invoke('Get-Mailbox', { Identity: 'mtr-everest@contoso.com' });
    expect(mailbox).toMatchObject({ Alias: 'mtr-everest', RecipientTypeDetails: 'RoomMailbox' });

    const missing = await t.exchange.invoke('Get-Mailbox', { Identity: 'nobody@contoso.com' }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ExchangeCmdletError);
    expect((missing as ExchangeCmdletError).notFound).toBe(true);
    expect((missing as ExchangeCmdletError).errorType).toBe('ManagementObjectNotFoundException');

    const again = await t.exchange.invoke('New-Mailbox', { Name: 'Everest', MicrosoftOnlineServicesID: 'mtr-everest@contoso.com', Room: true, EnableRoomMailboxAccount: true, RoomMailboxPassword: password }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(ExchangeCmdletError);
    expect((again as Error).message).not.toContain(password);
  });

  it('sets and reads calendar processing and Places data', async () => {
    await t.exchange.invoke('Set-CalendarProcessing', { Identity: 'mtr-baker@contoso.com', AutomateProcessing: 'AutoAccept', DeleteComments: false, DeleteSubject: false, AddOrganizerToSubject: false, ProcessExternalMeetingMessages: true });
    const [processing] = await t.exchange.invoke('Get-CalendarProcessing', { Identity: 'mtr-baker@contoso.com' });
    expect(processing).toMatchObject({ AutomateProcessing: 'AutoAccept', DeleteComments: false, DeleteSubject: false, AddOrganizerToSubject: false, ProcessExternalMeetingMessages: true });
    await t.exchange.invoke('Set-Place', { Identity: 'mtr-baker@contoso.com', Building: 'Building 9', Floor: 2, Capacity: 6 });
    const [place] = await t.exchange.invoke('Get-Place', { Identity: 'mtr-baker@contoso.com' });
    expect(place).toMatchObject({ Building: 'Building 9', Floor: 2, Capacity: 6 });
  });

  it('converts a shared mailbox to a room', async () => {
    await t.exchange.invoke('Set-Mailbox', { Identity: 'boardroom@contoso.com', Type: 'Room' });
    const [mailbox] = await t.exchange.invoke('Get-Mailbox', { Identity: 'boardroom@contoso.com' });
    expect(mailbox).toMatchObject({ RecipientTypeDetails: 'RoomMailbox' });
  });

  it('creates a room list, adds a room, reads the members; adding twice is a typed error', async () => {
    await t.exchange.invoke('New-DistributionGroup', { Name: 'Building 9 Rooms', RoomList: true });
    await t.exchange.invoke('Add-DistributionGroupMember', { Identity: 'Building 9 Rooms', Member: 'mtr-baker@contoso.com' });
    const members = await t.exchange.invoke('Get-DistributionGroupMember', { Identity: 'Building 9 Rooms', ResultSize: 'Unlimited' });
    expect(members.map((member) => String(member.PrimarySmtpAddress).toLowerCase())).toEqual(['mtr-baker@contoso.com']);
    const twice = await t.exchange.invoke('Add-DistributionGroupMember', { Identity: 'Building 9 Rooms', Member: 'mtr-baker@contoso.com' }).catch((error: unknown) => error);
    expect(twice).toBeInstanceOf(ExchangeCmdletError);
    expect((twice as Error).message).toMatch(/already a member/i);
  });

  it('pages through a long answer with @odata.nextLink', async () => {
    const small = createExchangeGateway({ cloud, tenantId: t.sim.tenantId, tokens: tokenProvider(t.sim, t.transport, { kind: 'app' }), transport: t.transport, pageSize: 2 });
    const before = t.counts.reads;
    const rooms = await small.invoke('Get-Mailbox', { RecipientTypeDetails: 'RoomMailbox', ResultSize: 'Unlimited' });
    const expected = t.sim.tenant.snapshot().mailboxes.filter((mailbox) => mailbox.recipientTypeDetails === 'RoomMailbox').length;
    expect(expected).toBeGreaterThan(2);
    expect(rooms).toHaveLength(expected);
    expect(t.counts.reads - before).toBe(Math.ceil(expected / 2));
  });
});

describe('replication lag', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await tenant({ seed: 13, replicationLagMs: 800 });
  });
  afterAll(async () => t.sim.stop());

  it('a room created in Exchange appears in Graph and Places only after the lag (404 until then, never an error)', async () => {
    const started = Date.now();
    await t.exchange.invoke('New-Mailbox', { Name: 'Denali', MicrosoftOnlineServicesID: 'mtr-denali@contoso.com', Room: true });
    expect(await t.graph.getUser('mtr-denali@contoso.com')).toBeUndefined();
    expect((await t.graph.getUsers(['mtr-denali@contoso.com'])).get('mtr-denali@contoso.com')).toBeUndefined();
    let user: GraphUser | undefined;
    while (!user && Date.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      user = await t.graph.getUser('mtr-denali@contoso.com');
    }
    expect(user?.userPrincipalName).toBe('mtr-denali@contoso.com');
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(await t.graph.getPlace('mtr-denali@contoso.com')).toMatchObject({ emailAddress: 'mtr-denali@contoso.com' });
  });
});

describe('throttling, 503s and connection resets', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await tenant({ seed: 21, throttleRate: 0.2, faultRate: 0.1, resetRate: 0.05, retryAfterSeconds: 1 }, { maxAttempts: 12 });
  });
  afterAll(async () => t.sim.stop());

  it('every read and idempotent write gets through, honouring Retry-After', async () => {
    const upns = Array.from({ length: 30 }, (_, index) => `mtr-storm${index}@contoso.com`);
    for (const upn of upns) t.sim.tenant.createUser({ userPrincipalName: upn, displayName: upn, usageLocation: 'US' });
    const users = await Promise.all(upns.map((upn) => t.graph.getUser(upn)));
    expect(users.every((user) => user !== undefined)).toBe(true);
    const batch = await t.graph.getUsers(upns);
    expect([...batch.values()].every((user) => user !== undefined)).toBe(true);
    await Promise.all(upns.slice(0, 15).map((upn) => t.graph.updateUser(upn, { passwordPolicies: 'DisablePasswordExpiration' })));
    const mailboxes = await Promise.all(Array.from({ length: 20 }, () => t.exchange.invoke('Get-Mailbox', { Identity: 'mtr-rainier@contoso.com' })));
    expect(mailboxes.every((found) => found.length === 1)).toBe(true);

    const snapshot = t.sim.tenant.snapshot();
    expect(snapshot.users.filter((user) => upns.slice(0, 15).includes(user.userPrincipalName)).every((user) => user.passwordPolicies === 'DisablePasswordExpiration')).toBe(true);
    const stats = t.sim.stats();
    expect(stats.throttled).toBeGreaterThan(0);
    expect(stats.faults).toBeGreaterThan(0);
    expect(stats.resets).toBeGreaterThan(0);
    expect(t.waits).toContain(1000);
  });
});

describe('ambiguous failures of a create', () => {
  let t: Tenant;
  const log: string[] = [];
  /** Every request to /users, and how it ended: answered or cut off. */
  const recording = (inner: Transport): Transport => async (request, signal) => {
    const { pathname } = new URL(request.url);
    const entry = `${request.method} ${pathname.replace(/^.*\/v1\.0/, '')}`;
    try {
      const answer = await inner(request, signal);
      if (pathname.includes('/users')) log.push(`${entry} ${answer.status}`);
      return answer;
    } catch (error) {
      if (pathname.includes('/users')) log.push(`${entry} reset`);
      throw error;
    }
  };
  beforeAll(async () => {
    t = await tenant({ seed: 22, resetRate: 0.35, throttleRate: 0.1, retryAfterSeconds: 1 }, { maxAttempts: 12 }, recording);
  });
  afterAll(async () => t.sim.stop());

  it('a create cut off is never sent again by the gateway: the caller re-reads, and no user is duplicated', async () => {
    const upns = Array.from({ length: 12 }, (_, index) => `mtr-once${index}@contoso.com`);
    let ambiguous = 0;
    for (const upn of upns) {
      for (;;) {
        try {
          await t.graph.createUser(newRoomUser(upn));
          break;
        } catch (error) {
          if (!(error instanceof TransportError)) throw error;
          ambiguous++;
          if (await t.graph.getUser(upn)) break; // it was created after all
        }
      }
    }
    expect(ambiguous).toBeGreaterThan(0);
    // After every POST /users that was cut off, the next request is the caller's re-read, not a repeat.
    log.forEach((entry, index) => {
      if (entry.startsWith('POST /users reset')) expect(log[index + 1]).toMatch(/^GET \/users\/mtr-once\d+@contoso\.com /);
    });
    for (const upn of upns) expect(t.sim.tenant.snapshot().users.filter((user) => user.userPrincipalName === upn)).toHaveLength(1);
  });
});

describe('counting requests', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await tenant({ seed: 31 });
  });
  afterAll(async () => t.sim.stop());

  /** Read, compare, write only what differs: what the engine does per room. */
  async function ensureRoom(upn: string): Promise<void> {
    const user = await t.graph.getUser(upn, ['id', 'usageLocation', 'passwordPolicies']);
    if (!user) throw new Error(`${upn} is missing`);
    if (user.usageLocation !== 'US' || user.passwordPolicies !== 'DisablePasswordExpiration') await t.graph.updateUser(upn, { usageLocation: 'US', passwordPolicies: 'DisablePasswordExpiration' });
    const [processing] = await t.exchange.invoke('Get-CalendarProcessing', { Identity: upn });
    if (processing?.DeleteComments !== false || processing.AutomateProcessing !== 'AutoAccept') {
      await t.exchange.invoke('Set-CalendarProcessing', { Identity: upn, AutomateProcessing: 'AutoAccept', DeleteComments: false });
    }
  }

  it('a second pass over finished rooms makes reads only, and the simulator agrees', async () => {
    const rooms = ['mtr-baker@contoso.com', 'mtr-rainier@contoso.com'];
    for (const room of rooms) await ensureRoom(room);
    expect(t.counts.writes).toBeGreaterThan(0);
    const first = { ...t.counts };
    const simWrites = t.sim.stats().writes;
    for (const room of rooms) await ensureRoom(room);
    expect(t.counts.writes - first.writes).toBe(0);
    expect(t.counts.reads - first.reads).toBe(4);
    expect(t.sim.stats().writes - simWrites).toBe(0);
  });
});
