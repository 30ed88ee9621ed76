// /graph: the simulated Microsoft Graph v1.0. Every request needs a bearer token for Graph
// (401 InvalidAuthenticationToken otherwise), the permission the operation needs (403
// Authorization_RequestDenied otherwise) and, for a signed-in admin, a directory role that allows
// it. Handlers throw GraphProblem for Graph's error answers.
import { checkAccess, hasPermission, type AccessProblem, type Caller } from '../identity/access.ts';
import { RESOURCE_APP_IDS } from '../identity/resources.ts';
import type { TokenSigner } from '../identity/signing.ts';
import { pathSegments, type SimRequest, type SimResponse } from '../http.ts';
import type { Prng } from '../prng.ts';
import { ROLES_FOR, type RoleRequirement } from '../state/directory-roles.ts';
import type { TenantState } from '../state/tenant.ts';
import type { GraphCall } from './context.ts';
import { listConditionalAccessPolicies, listDomains, getMe, myDirectoryRoles, userTransitiveMemberOf } from './directory.ts';
import { graphError, graphHeaders, GraphProblem, insufficientPrivileges, type ErrorIds } from './errors.ts';
import { addGroupMember, listGroups } from './groups.ts';
import { myLicenseDetails } from './license-details.ts';
import { assignLicense, listSubscribedSkus } from './licenses.ts';
import { getPlace, listRoomLists, listRooms, listRoomsOfList, updatePlace } from './places.ts';
import { createUser, getUser, listUsers, updateUser } from './users.ts';

export interface GraphContext {
  tenant: TenantState;
  signer: TokenSigner;
  requestIds: Prng;
}

type Result = { status: number; body?: Record<string, unknown> };

interface Route {
  method: string;
  /** Segment patterns after the version; ":x" captures, other text matches without case. */
  pattern: string[];
  permissions: readonly string[];
  role?: RoleRequirement;
  handle(call: GraphCall, params: string[]): Result;
}

const READ_USERS = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const WRITE_USERS = ['User.ReadWrite.All', 'Directory.ReadWrite.All'];
const ok = (body: Record<string, unknown>, status = 200): Result => ({ status, body });

const ROUTES: Route[] = [
  { method: 'GET', pattern: ['users'], permissions: READ_USERS, handle: (c) => ok(listUsers(c)) },
  { method: 'POST', pattern: ['users'], permissions: WRITE_USERS, role: 'writeUsers', handle: (c) => ok(createUser(c), 201) },
  { method: 'GET', pattern: ['users', ':id'], permissions: READ_USERS, handle: (c, [id]) => ok(getUser(c, id!)) },
  {
    method: 'GET',
    pattern: ['users', ':id', 'transitiveMemberOf'],
    permissions: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
    handle: (c, [id]) => ok(userTransitiveMemberOf(c, id!)),
  },
  {
    method: 'PATCH',
    pattern: ['users', ':id'],
    permissions: WRITE_USERS,
    role: 'writeUsers',
    handle: (c, [id]) => {
      updateUser(c, id!);
      return { status: 204 };
    },
  },
  { method: 'POST', pattern: ['users', ':id', 'assignLicense'], permissions: [...WRITE_USERS, 'LicenseAssignment.ReadWrite.All'], role: 'assignLicenses', handle: (c, [id]) => ok(assignLicense(c, id!)) },
  {
    method: 'GET',
    pattern: ['groups'],
    permissions: ['GroupMember.Read.All', 'GroupMember.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
    handle: (c) => ok(listGroups(c)),
  },
  {
    method: 'POST',
    pattern: ['groups', ':id', 'members', '$ref'],
    permissions: ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'],
    role: 'writeUsers',
    handle: (c, [id]) => {
      addGroupMember(c, id!);
      return { status: 204 };
    },
  },
  { method: 'GET', pattern: ['subscribedSkus'], permissions: ['Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'LicenseAssignment.Read.All'], handle: (c) => ok(listSubscribedSkus(c)) },
  { method: 'GET', pattern: ['domains'], permissions: ['Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], handle: (c) => ok(listDomains(c)) },
  {
    method: 'GET',
    pattern: ['identity', 'conditionalAccess', 'policies'],
    permissions: ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess'],
    role: 'readConditionalAccess',
    handle: (c) => ok(listConditionalAccessPolicies(c)),
  },
  { method: 'GET', pattern: ['places', 'microsoft.graph.room'], permissions: ['Place.Read.All', 'Place.ReadWrite.All'], handle: (c) => ok(listRooms(c)) },
  { method: 'GET', pattern: ['places', 'microsoft.graph.roomlist'], permissions: ['Place.Read.All', 'Place.ReadWrite.All'], handle: (c) => ok(listRoomLists(c)) },
  { method: 'GET', pattern: ['places', ':id'], permissions: ['Place.Read.All', 'Place.ReadWrite.All'], handle: (c, [id]) => ok(getPlace(c, id!)) },
  { method: 'GET', pattern: ['places', ':id', 'microsoft.graph.roomlist', 'rooms'], permissions: ['Place.Read.All', 'Place.ReadWrite.All'], handle: (c, [id]) => ok(listRoomsOfList(c, id!)) },
  { method: 'PATCH', pattern: ['places', ':id'], permissions: ['Place.ReadWrite.All'], role: 'writePlaces', handle: (c, [id]) => ok(updatePlace(c, id!)) },
  { method: 'GET', pattern: ['me'], permissions: ['User.Read', 'User.ReadWrite', ...READ_USERS], handle: (c) => ok(getMe(c)) },
  { method: 'GET', pattern: ['me', 'licenseDetails'], permissions: ['User.Read', 'User.ReadWrite', ...READ_USERS], handle: (c) => ok(myLicenseDetails(c)) },
  {
    method: 'GET',
    pattern: ['me', 'transitiveMemberOf', 'microsoft.graph.directoryRole'],
    permissions: ['User.Read', 'Directory.Read.All', 'Directory.ReadWrite.All', 'RoleManagement.Read.Directory', 'GroupMember.Read.All'],
    handle: (c) => ok(myDirectoryRoles(c)),
  },
];

function match(pattern: string[], segments: string[]): string[] | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith(':')) params.push(segments[i]!);
    else if (p.toLowerCase() !== segments[i]!.toLowerCase()) return undefined;
  }
  return params;
}

/** Literal segments beat captures, so /places/microsoft.graph.room is not read as a place id. */
function findRoute(method: string, segments: string[]): { route: Route; params: string[] } | 'method' | undefined {
  const candidates = ROUTES.map((route) => ({ route, params: match(route.pattern, segments) }))
    .filter((c): c is { route: Route; params: string[] } => c.params !== undefined)
    .sort((a, b) => b.route.pattern.filter((p) => !p.startsWith(':')).length - a.route.pattern.filter((p) => !p.startsWith(':')).length);
  if (candidates.length === 0) return undefined;
  return candidates.find((c) => c.route.method === method) ?? 'method';
}

const ACCESS_MESSAGES: Record<AccessProblem, string> = {
  missing: 'Access token is empty.',
  malformed: 'Access token validation failure.',
  signature: 'Access token validation failure.',
  expired: 'Lifetime validation failed, the token is expired.',
  audience: 'Access token validation failure. Invalid audience.',
  tenant: 'Access token validation failure. Invalid issuer.',
};

export function idsFor(context: GraphContext, request: SimRequest): ErrorIds {
  const requestId = context.requestIds.uuid();
  return { requestId, clientRequestId: request.headers['client-request-id'] ?? requestId, now: context.tenant.now() };
}

function roleAllows(caller: Caller, role: RoleRequirement | undefined): boolean {
  if (!role || caller.kind === 'app') return true;
  const allowed: readonly string[] = ROLES_FOR[role];
  return caller.user.directoryRoles.some((r) => allowed.includes(r));
}

export type GraphDispatch = (request: SimRequest) => SimResponse;

/** One Graph request (top level or a $batch item), from token check to answer. */
export function dispatchGraph(context: GraphContext, request: SimRequest, batch?: (call: GraphCall) => Result): SimResponse {
  const ids = idsFor(context, request);
  const [version = '', ...segments] = pathSegments(request.path);
  if (version.toLowerCase() !== 'v1.0') return graphError(400, 'BadRequest', `Invalid version: ${version}`, ids);
  const access = checkAccess(context.tenant, context.signer, request.headers.authorization, 'graph');
  if (!access.ok) {
    return graphError(401, 'InvalidAuthenticationToken', ACCESS_MESSAGES[access.problem], ids, {
      headers: { 'www-authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="${RESOURCE_APP_IDS.graph}"` },
    });
  }
  const caller = access.caller;
  const call: GraphCall = { request, caller, tenant: context.tenant, requestId: ids.requestId, clientRequestId: ids.clientRequestId, root: caller.audience.startsWith('https://') ? caller.audience : 'https://graph.microsoft.com', segments };
  try {
    let result: Result;
    if (segments.length === 1 && segments[0] === '$batch') {
      if (request.method !== 'POST' || !batch) throw new GraphProblem(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
      result = batch(call);
    } else {
      const found = findRoute(request.method, segments);
      if (found === undefined) throw new GraphProblem(400, 'BadRequest', `Resource not found for the segment '${segments[segments.length - 1] ?? ''}'.`);
      if (found === 'method') throw new GraphProblem(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
      if (!hasPermission(caller, found.route.permissions) || !roleAllows(caller, found.route.role)) throw insufficientPrivileges();
      result = found.route.handle(call, found.params);
    }
    const headers = graphHeaders(ids);
    if (result.body === undefined) return { status: result.status, headers: { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId } };
    return { status: result.status, headers, body: JSON.stringify(result.body) };
  } catch (error) {
    if (error instanceof GraphProblem) return graphError(error.status, error.code, error.message, ids, error.details ? { details: error.details } : {});
    throw error;
  }
}
