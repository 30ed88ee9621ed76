// Preflight: the whole site against the tenant before anything is written. Domains, collisions
// (UPN, alias, proxy addresses), licence units per SKU (Basic at most 25), conditional access that
// would stop a room account, the admin's roles, and the change plan: every object and property the
// provisioning run would change (a dry run of the engine). Only reads.
import { odataString } from '../../shared/odata.ts';
import { TOPOLOGIES } from '../../shared/topology.ts';
import { BASIC_LICENSE_TENANT_LIMIT, findRoomLicense } from '../../shared/licenses.ts';
import { resolveRoom, type ResolvedRoom, type Site } from '../../shared/model.ts';
import { assessPolicy, observed, scopedByMembership, unavailable, unsatisfiableControls, type MembershipObservation, type Observed } from '../../shared/checks.ts';
import type { ConditionalAccessPolicy, ExchangeGateway, GraphGateway, GraphGroup, GraphUser } from '../tenant/types.ts';
import { ExchangeCmdletError, PermissionError } from '../tenant/types.ts';
import { provisionSite } from './engine.ts';
import type { RoomOutcome } from './types.ts';

export type PreflightSeverity = 'error' | 'warning' | 'info';

export interface PreflightFinding {
  severity: PreflightSeverity;
  /** e.g. domain.verified, upn.collision, license.units, conditional-access.mfa, admin.roles */
  check: string;
  room?: string;
  message: string;
  remediation?: string;
}

export interface LicenceNeed {
  skuPartNumber: string;
  needed: number;
  free: number | null;
}

export interface PreflightReport {
  site: string;
  topology: string;
  /** No error finding: provisioning can start. */
  ok: boolean;
  findings: PreflightFinding[];
  licences: LicenceNeed[];
  /** What provisioning would do, room by room (the engine's dry run). */
  changePlan: RoomOutcome[];
}

export interface PreflightOptions {
  site: Site;
  graph: GraphGateway;
  exchange: ExchangeGateway;
  /** Delegated sign-in: check the admin's directory roles (app-only has none to check). */
  delegated: boolean;
  concurrency?: number;
  signal?: AbortSignal;
}

const odata = odataString;
const domainOf = (upn: string) => upn.slice(upn.lastIndexOf('@') + 1).toLowerCase();
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const ROLE_NEEDS: Array<{ what: string; anyOf: string[] }> = [
  { what: 'create room mailboxes and set calendar processing', anyOf: ['Exchange Administrator', 'Global Administrator'] },
  { what: 'change the room accounts (password policy, usage location)', anyOf: ['User Administrator', 'Global Administrator'] },
  { what: 'assign licences', anyOf: ['License Administrator', 'User Administrator', 'Global Administrator'] },
];

async function checkDomains(site: Site, rooms: ResolvedRoom[], graph: GraphGateway, findings: PreflightFinding[]): Promise<void> {
  const domains = await graph.listDomains();
  const verified = new Set(domains.filter((domain) => domain.isVerified).map((domain) => domain.id.toLowerCase()));
  for (const domain of new Set(rooms.map((room) => domainOf(room.upn)))) {
    if (verified.has(domain)) continue;
    const known = domains.some((candidate) => candidate.id.toLowerCase() === domain);
    findings.push({
      severity: 'error',
      check: 'domain.verified',
      message: `${domain} is ${known ? 'not verified' : 'not a domain'} in this tenant; ${rooms.filter((room) => domainOf(room.upn) === domain).length} room(s) use it.`,
      remediation: 'Add and verify the domain in the Microsoft 365 admin center (Settings > Domains), or use a verified domain in the UPNs.',
    });
  }
  if (site.tenantDomain && !verified.has(site.tenantDomain.toLowerCase())) {
    findings.push({ severity: 'warning', check: 'domain.verified', message: `The site's tenant domain ${site.tenantDomain} is not a verified domain of this tenant.` });
  }
}

async function checkCollisions(rooms: ResolvedRoom[], graph: GraphGateway, exchange: ExchangeGateway, findings: PreflightFinding[]): Promise<Map<string, GraphUser | undefined>> {
  const users = await graph.getUsers(
    rooms.map((room) => room.upn),
    ['id', 'userPrincipalName', 'mail', 'mailNickname', 'assignedLicenses'],
  );
  for (const room of rooms) {
    const existing = users.get(room.upn);
    let mailbox: Record<string, unknown> | undefined;
    try {
      [mailbox] = await exchange.invoke('Get-Mailbox', { Identity: room.upn });
    } catch (error) {
      if (!(error instanceof ExchangeCmdletError && error.notFound)) throw error;
    }
    const isRoom = String(mailbox?.RecipientTypeDetails ?? '').toLowerCase() === 'roommailbox';
    if (room.mode === 'create' && (existing || mailbox) && !isRoom) {
      findings.push({
        severity: 'error',
        check: 'upn.collision',
        room: room.upn,
        message: `${room.upn} is already used by ${mailbox ? `a ${String(mailbox.RecipientTypeDetails)}` : 'a user'}; creating the room would fail.`,
        remediation: 'Use "convert" mode for an existing resource mailbox, or choose another UPN.',
      });
    } else if (room.mode === 'create' && isRoom) {
      findings.push({ severity: 'info', check: 'upn.exists', room: room.upn, message: 'The room mailbox already exists: it will be checked and completed, not created again.' });
    } else if (room.mode === 'convert' && !mailbox) {
      findings.push({
        severity: 'error',
        check: 'convert.mailbox-missing',
        room: room.upn,
        message: `There is no mailbox ${room.upn} to convert.`,
        remediation: 'Check the address, or use "create" mode.',
      });
    }
    const owners = await graph.findUsers(`proxyAddresses/any(x:x eq ${odata(`smtp:${room.upn}`)})`, ['id', 'userPrincipalName']);
    for (const owner of owners.filter((user) => user.userPrincipalName.toLowerCase() !== room.upn.toLowerCase())) {
      findings.push({
        severity: 'error',
        check: 'proxy-address.collision',
        room: room.upn,
        message: `${owner.userPrincipalName} already has the address ${room.upn}.`,
        remediation: 'Remove the address from that recipient, or choose another UPN for the room.',
      });
    }
    const nicknames = await graph.findUsers(`mailNickname eq ${odata(room.alias)}`, ['id', 'userPrincipalName']);
    for (const owner of nicknames.filter((user) => user.userPrincipalName.toLowerCase() !== room.upn.toLowerCase())) {
      findings.push({
        severity: 'error',
        check: 'alias.collision',
        room: room.upn,
        message: `${owner.userPrincipalName} already uses the alias ${room.alias}.`,
        remediation: 'Give the room another Alias.',
      });
    }
  }
  return users;
}

async function checkLicences(rooms: ResolvedRoom[], users: Map<string, GraphUser | undefined>, graph: GraphGateway, findings: PreflightFinding[]): Promise<LicenceNeed[]> {
  const skus = await graph.listSubscribedSkus();
  const needs = new Map<string, LicenceNeed>();
  for (const room of rooms) {
    if (!room.license) continue;
    const sku = skus.find((candidate) => candidate.skuPartNumber.toLowerCase() === room.license!.toLowerCase());
    const key = sku?.skuPartNumber ?? room.license;
    const need = needs.get(key) ?? { skuPartNumber: key, needed: 0, free: sku ? sku.prepaidUnits.enabled - sku.consumedUnits : null };
    needs.set(key, need);
    const alreadyHas = sku && (users.get(room.upn)?.assignedLicenses ?? []).some((license) => license.skuId.toLowerCase() === sku.skuId.toLowerCase());
    if (!alreadyHas) need.needed++;
  }
  for (const need of needs.values()) {
    const sku = skus.find((candidate) => candidate.skuPartNumber === need.skuPartNumber);
    if (!sku) {
      findings.push({
        severity: 'error',
        check: 'license.sku',
        message: `The tenant has no subscription for ${need.skuPartNumber}; ${need.needed} room(s) need it.`,
        remediation: 'Buy the licence (Microsoft 365 admin center > Billing > Purchase services) or choose another SKU.',
      });
      continue;
    }
    if (need.free !== null && need.needed > need.free) {
      findings.push({
        severity: 'error',
        check: 'license.units',
        message: `${need.needed} room(s) need ${need.skuPartNumber} but only ${Math.max(0, need.free)} unit(s) are free (${sku.consumedUnits} of ${sku.prepaidUnits.enabled} assigned).`,
        remediation: 'Buy more units or free some before provisioning.',
      });
    }
    if (findRoomLicense(need.skuPartNumber)?.tier === 'basic' && sku.consumedUnits + need.needed > BASIC_LICENSE_TENANT_LIMIT) {
      findings.push({
        severity: 'error',
        check: 'license.basic-limit',
        message: `Teams Rooms Basic is limited to ${BASIC_LICENSE_TENANT_LIMIT} per tenant: ${sku.consumedUnits} are assigned and ${need.needed} more would be needed.`,
        remediation: 'Use Microsoft_Teams_Rooms_Pro for the rooms beyond the limit.',
      });
    }
  }
  return [...needs.values()];
}

/**
 * The conditional-access exclusion groups the rooms name (site default or their own): each must be
 * exactly one group. Returns the ids of those found, by name, for the conditional-access check.
 */
async function checkExclusionGroups(rooms: ResolvedRoom[], graph: GraphGateway, findings: PreflightFinding[]): Promise<Map<string, GraphGroup>> {
  const found = new Map<string, GraphGroup>();
  const names = new Map<string, number>();
  for (const room of rooms) if (room.conditionalAccessGroup) names.set(room.conditionalAccessGroup, (names.get(room.conditionalAccessGroup) ?? 0) + 1);
  for (const [name, count] of names) {
    const groups = await graph.findGroupsByName(name);
    if (groups.length === 1) {
      found.set(name.toLowerCase(), groups[0]!);
      findings.push({ severity: 'info', check: 'conditional-access.group', message: `The group "${name}" exists: provisioning adds ${count} room(s) to it.` });
    } else {
      findings.push({
        severity: 'error',
        check: 'conditional-access.group',
        message:
          groups.length === 0
            ? `There is no group named "${name}" in Microsoft Entra ID; ${count} room(s) are to be added to it.`
            : `${groups.length} groups are named "${name}"; ${count} room(s) are to be added to one of them, and RoomReady does not guess which.`,
        remediation: 'Create the security group and exclude it from the conditional-access policies that require MFA or a compliant device, or correct the group name in the site settings.',
      });
    }
  }
  return found;
}

/** The memberships of an account RoomReady would create: none yet. */
const NEW_ACCOUNT = observed<MembershipObservation>({ groupIds: [], roleTemplateIds: [] });
const NOT_SCOPED = unavailable('no policy is scoped by group or role');


/**
 * Policies that would stop a console from signing in (validation's rule, shared/checks): for the
 * rooms to be created, those that cover every new account; for accounts that exist, each policy
 * evaluated against the account itself and its groups and roles.
 */
async function checkConditionalAccess(
  rooms: ResolvedRoom[],
  users: Map<string, GraphUser | undefined>,
  graph: GraphGateway,
  findings: PreflightFinding[],
  groups: Map<string, GraphGroup>,
): Promise<void> {
  const policies = (await graph.listConditionalAccessPolicies()).filter((policy) => policy.state !== 'disabled' && unsatisfiableControls(policy).length > 0);
  const severity = (policy: ConditionalAccessPolicy): PreflightSeverity => (policy.state === 'enabled' ? 'warning' : 'info');
  const remediation = 'Exclude the room accounts (for example a group of Teams Rooms resource accounts) from the policy before the consoles sign in.';
  const existing = rooms.flatMap((room) => {
    const user = users.get(room.upn);
    return user ? [{ room, user }] : [];
  });
  /** The room's named exclusion group, found in the tenant and excluded by the policy: provisioning takes the room out of its scope. */
  const excludedBy = (policy: ConditionalAccessPolicy, room: ResolvedRoom): GraphGroup | undefined => {
    const group = room.conditionalAccessGroup ? groups.get(room.conditionalAccessGroup.toLowerCase()) : undefined;
    const excluded = policy.conditions.users?.excludeGroups ?? [];
    return group && excluded.some((id) => id.toLowerCase() === group.id.toLowerCase()) ? group : undefined;
  };
  const newRooms = rooms.filter((room) => !users.get(room.upn));
  if (newRooms.length > 0) {
    for (const policy of policies) {
      const assessment = assessPolicy(policy, '', NEW_ACCOUNT);
      if (assessment.applies !== 'yes') continue;
      const covered = newRooms.filter((room) => !excludedBy(policy, room));
      if (covered.length < newRooms.length) {
        const names = [...new Set(newRooms.filter((room) => excludedBy(policy, room)).map((room) => excludedBy(policy, room)!.displayName))];
        findings.push({
          severity: 'info',
          check: 'conditional-access',
          message: `The conditional access policy "${policy.displayName}" (${policy.state}) requires ${assessment.requires.join(' and ')} for all users but excludes ${names.map((name) => `"${name}"`).join(', ')}: provisioning adds ${newRooms.length - covered.length} new room(s) to it, so they will not be covered.`,
        });
      }
      if (covered.length === 0) continue;
      const scope = policy.conditions.users;
      const exclusions = (scope?.excludeGroups?.length ?? 0) + (scope?.excludeUsers?.length ?? 0) + (scope?.excludeRoles?.length ?? 0) > 0;
      findings.push({
        severity: severity(policy),
        check: 'conditional-access',
        message: `The conditional access policy "${policy.displayName}" (${policy.state}) requires ${assessment.requires.join(' and ')} for all users${exclusions ? ' with exclusions' : ''}: new room accounts are covered unless they are excluded (${covered.length} here), and a console cannot satisfy it.${covered.some((room) => room.conditionalAccessGroup) ? ' The group the site names is not among its exclusions.' : ' Name the group it excludes in the site settings and provisioning adds the rooms to it.'}`,
        remediation,
      });
    }
  }
  const readMemberships = policies.some(scopedByMembership);
  for (const { room, user } of existing) {
    let membership: Observed<MembershipObservation> = NOT_SCOPED;
    if (readMemberships) {
      try {
        membership = observed(await graph.userMemberships(user.id));
      } catch (error) {
        membership = unavailable(messageOf(error));
      }
    }
    for (const policy of policies) {
      const assessment = assessPolicy(policy, user.id, membership);
      if (assessment.applies === 'no') continue;
      const group = excludedBy(policy, room);
      if (group && assessment.applies === 'yes') {
        findings.push({ severity: 'info', check: 'conditional-access', room: room.upn, message: `"${policy.displayName}" covers ${room.upn} today; provisioning adds it to "${group.displayName}", which the policy excludes.` });
        continue;
      }
      findings.push({
        severity: assessment.applies === 'yes' ? severity(policy) : 'info',
        check: 'conditional-access',
        room: room.upn,
        message:
          assessment.applies === 'yes'
            ? `The conditional access policy "${policy.displayName}" (${policy.state}) covers the existing account ${room.upn} and requires ${assessment.requires.join(' and ')}: its console cannot satisfy it.`
            : `Could not tell whether "${policy.displayName}" covers ${room.upn}: ${assessment.unknownBecause ?? 'its scope could not be evaluated'}.`,
        remediation,
      });
    }
  }
}

async function checkRoles(graph: GraphGateway, findings: PreflightFinding[]): Promise<void> {
  const roles = new Set((await graph.myDirectoryRoles()).map((role) => role.displayName.toLowerCase()));
  for (const need of ROLE_NEEDS) {
    if (need.anyOf.some((role) => roles.has(role.toLowerCase()))) continue;
    findings.push({
      severity: 'error',
      check: 'admin.roles',
      message: `You need ${need.anyOf.join(' or ')} to ${need.what}.`,
      remediation: 'Ask a Privileged Role Administrator to assign the role (Microsoft Entra admin center > Roles & admins), then sign in again.',
    });
  }
}

/** Runs a check; a check that cannot read what it needs becomes a finding, not a crash. */
async function attempt(check: string, findings: PreflightFinding[], work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    findings.push({
      severity: error instanceof PermissionError ? 'error' : 'warning',
      check,
      message: `Could not check ${check}: ${messageOf(error)}`,
    });
  }
}

export async function preflightSite(options: PreflightOptions): Promise<PreflightReport> {
  const { site, graph, exchange } = options;
  const rooms = site.rooms.map((room) => resolveRoom(room, site));
  const findings: PreflightFinding[] = [];
  const cloudTopology = TOPOLOGIES[site.topology].cloudLicensing;
  let users = new Map<string, GraphUser | undefined>();
  let licences: LicenceNeed[] = [];

  await attempt('domains', findings, () => checkDomains(site, rooms, graph, findings));
  await attempt('collisions', findings, async () => {
    users = await checkCollisions(rooms, graph, exchange, findings);
  });
  if (cloudTopology) {
    await attempt('licences', findings, async () => {
      licences = await checkLicences(rooms, users, graph, findings);
    });
  }
  let groups = new Map<string, GraphGroup>();
  if (cloudTopology && rooms.some((room) => room.conditionalAccessGroup)) {
    await attempt('conditional-access group', findings, async () => {
      groups = await checkExclusionGroups(rooms, graph, findings);
    });
  }
  await attempt('conditional access', findings, () => checkConditionalAccess(rooms, users, graph, findings, groups));
  if (options.delegated) await attempt('admin roles', findings, () => checkRoles(graph, findings));

  const plan = await provisionSite({
    site,
    graph,
    exchange,
    dryRun: true,
    passwordFor: () => Promise.reject(new Error('a dry run never sets a password')),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    site: site.name,
    topology: site.topology,
    ok: !findings.some((finding) => finding.severity === 'error'),
    findings,
    licences,
    changePlan: plan.rooms,
  };
}
