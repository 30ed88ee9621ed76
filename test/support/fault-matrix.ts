// Support for the fault matrix (test/integration/fault-matrix.test.ts): a site of new Teams Rooms
// (teams-online, create, with room lists and licences), the same site as a rooms CSV for the CLI, a
// connection to the simulated tenant with the production retry policy's default attempts but
// compressed waits, and the desired state of the site checked against the simulator's snapshot.
import { resolveAuthSettings } from '../../main/auth/auth-settings.ts';
import { scopesFor } from '../../main/auth/cloud-scopes.ts';
import { createAuthService } from '../../main/auth/create-auth-service.ts';
import type { RunningSimulator, TenantSnapshot } from '../../main/simulator/contract.ts';
import { connectTenant, type TenantConnection } from '../../main/tenant/connection.ts';
import { classifyRequest } from '../../main/tenant/request-kind.ts';
import type { RetryEvent } from '../../main/tenant/retry.ts';
import { simulatorTransport, TransportError, type Transport } from '../../main/tenant/transport.ts';
import { CLOUDS } from '../../shared/clouds.ts';
import { resolveRoom, SiteSchema, type Room, type Site } from '../../shared/model.ts';
import { CALENDAR_PROCESSING } from '../../shared/plan/calendar.ts';

export const LICENSE = 'Microsoft_Teams_Rooms_Pro';
export const ROOM_LISTS = ['Fault Hall A Rooms', 'Fault Hall B Rooms'] as const;

/** `count` new rooms, spread over two room lists, with every field the live steps set. */
export function faultRooms(count: number, prefix = 'mtr-fault'): Room[] {
  return Array.from({ length: count }, (_, i) => ({
    upn: `${prefix}-${i}@contoso.com`,
    displayName: `Fault room ${prefix} ${i}`,
    usageLocation: 'US',
    license: LICENSE,
    capacity: 4 + i,
    building: i % 2 === 0 ? 'Hall A' : 'Hall B',
    floor: String(1 + (i % 3)),
    city: 'Redmond',
    countryOrRegion: 'US',
    roomList: ROOM_LISTS[i % 2],
    timeZone: 'Pacific Standard Time',
  }));
}

export function faultSite(rooms: Room[]): Site {
  return SiteSchema.parse({ name: 'Fault matrix', topology: 'teams-online', tenantDomain: 'contoso.com', defaults: { mode: 'create' }, rooms });
}

/** The same rooms as a CSV the CLI reads (one row per room, the documented headers). */
export function roomsCsv(rooms: Room[]): string {
  const header = 'DisplayName,UserPrincipalName,Action,UsageLocation,License,Capacity,Building,Floor,City,CountryOrRegion,RoomList,TimeZone';
  const rows = rooms.map((r) => [r.displayName, r.upn, 'Create', r.usageLocation, r.license, r.capacity, r.building, r.floor, r.city, r.countryOrRegion, r.roomList, r.timeZone].join(','));
  return `${[header, ...rows].join('\n')}\n`;
}

export interface StormConnection extends TenantConnection {
  /** Every retry the policy decided on, with the delay it asked for (before compression). */
  retries: RetryEvent[];
  /** When each write request left (performance.now()), as the connection's counter classifies them. */
  writeTimes: number[];
  /** Write requests whose connection was lost before an answer (the ambiguous case), by cmdlet or path. */
  lostWrites: string[];
}

/**
 * Signed in as the simulator's automation app (app-only, through MSAL), over simulatorTransport.
 * The retry policy keeps its default number of attempts; only the waits are shortened: backoff
 * ceilings of a few ms, and Retry-After honoured as asked (recorded in `retries`) but slept
 * `compress` times faster so a 1 s Retry-After storm does not take minutes.
 */
export async function connectForStorm(simulator: RunningSimulator, options: { compress?: number; concurrency?: number; signal?: AbortSignal } = {}): Promise<StormConnection> {
  const compress = options.compress ?? 50;
  const retries: RetryEvent[] = [];
  const writeTimes: number[] = [];
  const inner = simulatorTransport(simulator.url);
  const lostWrites: string[] = [];
  const transport: Transport = async (request, signal) => {
    const write = classifyRequest(request) === 'write';
    if (write) writeTimes.push(performance.now());
    try {
      return await inner(request, signal);
    } catch (error) {
      if (write && error instanceof TransportError) lostWrites.push(request.headers['X-CmdletName'] ?? `${request.method} ${new URL(request.url).pathname}`);
      throw error;
    }
  };
  const settings = await resolveAuthSettings({}, { ROOMREADY_CLIENT_SECRET: simulator.confidentialClient.secret }, simulator);
  const auth = createAuthService(settings, { transport });
  const connection = connectTenant({
    auth,
    cloud: settings.cloud,
    tenantId: simulator.tenantId,
    transport,
    concurrency: options.concurrency ?? 16,
    retry: {
      baseDelayMs: 5,
      maxDelayMs: 40,
      ...(options.signal ? { signal: options.signal } : {}),
      sleep: (ms, signal) =>
        new Promise((resolve, reject) => {
          if (signal?.aborted) return reject(signal.reason);
          const onAbort = () => {
            clearTimeout(timer);
            reject(signal!.reason);
          };
          const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          }, Math.ceil(ms / compress));
          signal?.addEventListener('abort', onAbort, { once: true });
        }),
      onRetry: (event) => retries.push(event),
    },
  });
  return { ...connection, retries, writeTimes, lostWrites };
}

/** Every way the tenant differs from what the site asks for, in words; empty when it is right. */
export function desiredStateProblems(snapshot: TenantSnapshot, site: Site): string[] {
  const problems: string[] = [];
  const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();
  for (const room of site.rooms) {
    const resolved = resolveRoom(room, site);
    const upn = lower(room.upn);
    const users = snapshot.users.filter((u) => lower(u.userPrincipalName) === upn);
    const mailboxes = snapshot.mailboxes.filter((m) => lower(m.primarySmtpAddress) === upn || lower(m.userPrincipalName) === upn || lower(m.alias) === lower(resolved.alias));
    if (users.length !== 1) problems.push(`${room.upn}: ${users.length} users`);
    if (mailboxes.length !== 1) problems.push(`${room.upn}: ${mailboxes.length} mailboxes`);
    const user = users[0];
    const mailbox = mailboxes[0];
    if (user) {
      if (!user.accountEnabled) problems.push(`${room.upn}: account disabled`);
      if (!user.hasPassword) problems.push(`${room.upn}: no password`);
      if (user.forceChangePasswordNextSignIn) problems.push(`${room.upn}: forced password change`);
      if (!/(^|,\s*)DisablePasswordExpiration(\s*,|$)/.test(user.passwordPolicies ?? '')) problems.push(`${room.upn}: passwordPolicies ${user.passwordPolicies}`);
      if (user.usageLocation !== room.usageLocation) problems.push(`${room.upn}: usageLocation ${user.usageLocation}`);
      if (JSON.stringify(user.licenses) !== JSON.stringify([room.license])) problems.push(`${room.upn}: licences ${JSON.stringify(user.licenses)}`);
    }
    if (mailbox) {
      if (mailbox.recipientTypeDetails !== 'RoomMailbox') problems.push(`${room.upn}: mailbox is a ${mailbox.recipientTypeDetails}`);
      if (user && mailbox.userId !== user.id) problems.push(`${room.upn}: the mailbox belongs to another user`);
      if (lower(mailbox.primarySmtpAddress) !== upn) problems.push(`${room.upn}: primary SMTP ${mailbox.primarySmtpAddress}`);
      if (mailbox.resourceCapacity !== room.capacity) problems.push(`${room.upn}: capacity ${mailbox.resourceCapacity}`);
      if (mailbox.timeZone !== room.timeZone) problems.push(`${room.upn}: time zone ${mailbox.timeZone}`);
      const wanted: Record<string, unknown> = Object.fromEntries(CALENDAR_PROCESSING.map((s) => [s.parameter, s.value]));
      wanted.AdditionalResponse = resolved.additionalResponse;
      for (const [name, value] of Object.entries(wanted)) {
        if (mailbox.calendarProcessing[name] !== value) problems.push(`${room.upn}: ${name} is ${JSON.stringify(mailbox.calendarProcessing[name])}, not ${JSON.stringify(value)}`);
      }
      const place = mailbox.place as Record<string, unknown>;
      const places: Record<string, unknown> = { building: room.building, floorNumber: Number(room.floor), city: room.city, countryOrRegion: room.countryOrRegion };
      for (const [name, value] of Object.entries(places)) if (place[name] !== value) problems.push(`${room.upn}: place ${name} is ${JSON.stringify(place[name])}, not ${JSON.stringify(value)}`);
    }
    const lists = snapshot.roomLists.filter((l) => lower(l.name) === lower(room.roomList));
    if (lists.length !== 1) problems.push(`${room.upn}: ${lists.length} room lists named ${room.roomList}`);
    const memberships = lists[0]?.members.filter((m) => lower(m) === upn).length ?? 0;
    if (memberships !== 1) problems.push(`${room.upn}: ${memberships} memberships of ${room.roomList}`);
  }
  return problems;
}

/** What the site may add to a tenant: one user and one mailbox per room, one list per room list. */
export function extraObjects(before: TenantSnapshot, after: TenantSnapshot, site: Site): string[] {
  const problems: string[] = [];
  const lists = new Set(site.rooms.map((r) => r.roomList?.toLowerCase()).filter(Boolean));
  if (after.users.length !== before.users.length + site.rooms.length) problems.push(`users: ${before.users.length} before, ${after.users.length} after, for ${site.rooms.length} rooms`);
  if (after.mailboxes.length !== before.mailboxes.length + site.rooms.length) problems.push(`mailboxes: ${before.mailboxes.length} before, ${after.mailboxes.length} after`);
  if (after.roomLists.length !== before.roomLists.length + lists.size) problems.push(`room lists: ${before.roomLists.length} before, ${after.roomLists.length} after`);
  const consumed = (s: TenantSnapshot) => s.skus.find((k) => k.skuPartNumber === LICENSE)!.consumedUnits;
  if (consumed(after) - consumed(before) !== site.rooms.length) problems.push(`${LICENSE}: ${consumed(after) - consumed(before)} units consumed for ${site.rooms.length} rooms`);
  return problems;
}

/**
 * Signs in as a room with a password (the password grant of the public client), as a console would:
 * true when the tenant accepts it. Put the room where conditional access does not demand MFA first.
 */
export async function roomSignsIn(simulator: RunningSimulator, upn: string, password: string): Promise<{ ok: boolean; error?: string }> {
  const response = await fetch(`${simulator.url}/login/${simulator.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: simulator.publicClientId, username: upn, password, scope: scopesFor(CLOUDS.simulated, 'delegated', 'graph').join(' ') }).toString(),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  return response.ok && body.access_token ? { ok: true } : { ok: false, error: body.error_description ?? String(response.status) };
}

export interface JournalLine {
  type: 'run-started' | 'run-finished' | 'step';
  run: string;
  room?: string;
  step?: string;
  status?: string;
}

/** The journal's complete lines, parsed (a torn last line, as a crash mid-append leaves it, is skipped). */
export function journalLines(text: string): JournalLine[] {
  const lines = text.split('\n');
  const complete = text.endsWith('\n') ? lines : lines.slice(0, -1);
  return complete.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as JournalLine);
}
