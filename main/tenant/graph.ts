// GraphGateway over @microsoft/microsoft-graph-client 3: the client builds the URLs and runs
// RoomReady's middleware chain (graph-middleware.ts: retry -> token -> Transport). Answers are read
// raw and turned into values or typed errors here: 404 on a get is `undefined` (not there, or not
// replicated yet), 401/403 a PermissionError, anything else a GraphRequestError with Graph's code.
import { Client, ResponseType, type BatchRequestBody, type GraphRequest } from '@microsoft/microsoft-graph-client';
import type { CloudProfile } from '../../shared/clouds.ts';
import { getUsersInBatches, pathSegment, readBatchAnswer } from './graph-batch.ts';
import { displayNameFilter } from '../../shared/odata.ts';
import { graphError } from './graph-errors.ts';
import { BearerTokenMiddleware, GraphRequestPolicy, RetryMiddleware, TransportMiddleware } from './graph-middleware.ts';
import { createLimiter, type Limiter } from './limiter.ts';
import { secretValues } from './redact.ts';
import { retryPolicy, type RetryOptions, type RetryPolicy } from './retry.ts';
import type { Transport } from './transport.ts';
import {
  GraphRequestError,
  type ConditionalAccessPolicy,
  type DirectoryRole,
  type Domain,
  type GraphGateway,
  type GraphGroup,
  type GraphUser,
  type GraphUserPatch,
  type NewGraphUser,
  type Place,
  type SubscribedSku,
  type TokenProvider,
} from './types.ts';

export interface GraphGatewayOptions {
  cloud: CloudProfile;
  tokens: TokenProvider;
  transport: Transport;
  /** One policy for the run (its deadline and cancellation included); defaults apply otherwise. */
  retry?: RetryPolicy | RetryOptions;
  /** Shared with other gateways to bound requests in flight; default: 8 for this gateway alone. */
  limiter?: Limiter;
}

export interface FindUsersOptions {
  /** Force (true) or forbid (false) an advanced query; by default decided from the filter. */
  advanced?: boolean;
}

export interface RoomReadyGraphGateway extends GraphGateway {
  findUsers(filter: string, select?: readonly string[], options?: FindUsersOptions): Promise<GraphUser[]>;
}

export const DEFAULT_CONCURRENCY = 8;
const VERSION = 'v1.0';

/**
 * Filters Graph serves only as "advanced queries" on directory objects (ConsistencyLevel: eventual
 * and $count=true; learn.microsoft.com/graph/aad-advanced-queries): lambda operators on
 * collections such as proxyAddresses/any(...), endsWith, ne and not.
 */
export function isAdvancedQuery(filter: string): boolean {
  return /\/(any|all)\s*\(|\bendswith\s*\(|\bne\b|\bnot\b/i.test(filter);
}

interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH';
  /** Relative to the version, e.g. "/users/room@contoso.com"; may carry an already-encoded query. */
  path: string;
  version?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  idempotent: boolean;
  /** 404 answers undefined instead of an error. */
  notFoundIsUndefined?: boolean;
}

interface Collection<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

function parseJson<T>(text: string, operation: string, status: number): T | undefined {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new GraphRequestError(`Microsoft Graph: ${operation} answered ${status} with something that is not JSON`, status, 'InvalidResponse');
  }
}

export function createGraphGateway(options: GraphGatewayOptions): RoomReadyGraphGateway {
  const policy = retryPolicy(options.retry);
  const limiter = options.limiter ?? createLimiter(DEFAULT_CONCURRENCY);
  const graphRoot = options.cloud.graphRoot.replace(/\/$/, '');
  const client = Client.initWithMiddleware({
    baseUrl: graphRoot,
    defaultVersion: VERSION,
    middleware: [new RetryMiddleware(policy), new BearerTokenMiddleware(options.tokens, 'graph'), new TransportMiddleware(options.transport, limiter)],
  });

  async function call<T>(request: GraphCall): Promise<T | undefined> {
    const operation = `${request.method} ${request.path.split('?')[0]}`;
    const secrets = secretValues(request.body);
    const requestPolicy = new GraphRequestPolicy(operation, request.idempotent);
    let builder: GraphRequest = client.api(request.path).version(request.version ?? VERSION).responseType(ResponseType.RAW).middlewareOptions([requestPolicy]);
    if (request.query) builder = builder.query(request.query);
    for (const [name, value] of Object.entries(request.headers ?? {})) builder = builder.header(name, value);

    let response: Response;
    try {
      response = request.method === 'GET' ? await builder.get() : request.method === 'POST' ? await builder.post(request.body) : await builder.patch(request.body);
    } catch (error) {
      // The client wraps middleware failures into GraphError; the original is the useful one.
      throw requestPolicy.failure ?? error;
    }
    const text = await response.text();
    if (response.ok) return parseJson<T>(text, operation, response.status);
    if (response.status === 404 && request.notFoundIsUndefined) return undefined;
    throw graphError({ operation, status: response.status, body: text, headers: response.headers, attempts: requestPolicy.attempts, secrets });
  }

  /** Graph's next page, as a path for the client; only on Graph's own origin (the token goes there). */
  function nextPage(nextLink: string): { path: string; version: string } {
    const next = new URL(nextLink);
    if (next.origin !== new URL(graphRoot).origin) {
      throw new GraphRequestError(`Microsoft Graph: refusing to follow a next page on ${next.origin}, not ${new URL(graphRoot).origin}`, 502, 'UnexpectedNextLink');
    }
    const [, version = VERSION, ...rest] = next.pathname.split('/');
    return { path: `/${rest.join('/')}${next.search}`, version };
  }

  async function list<T>(first: Omit<GraphCall, 'method' | 'idempotent'>): Promise<T[]> {
    const items: T[] = [];
    let page: GraphCall | undefined = { ...first, method: 'GET', idempotent: true };
    while (page) {
      const answer: Collection<T> = (await call<Collection<T>>(page)) ?? {};
      items.push(...(answer.value ?? []));
      const nextLink = answer['@odata.nextLink'];
      page = nextLink ? { method: 'GET', idempotent: true, ...nextPage(nextLink), ...(first.headers ? { headers: first.headers } : {}) } : undefined;
    }
    return items;
  }

  const selectQuery = (select?: readonly string[]) => (select && select.length > 0 ? { $select: select.map(encodeURIComponent).join(',') } : undefined);

  async function postBatch(body: BatchRequestBody) {
    return readBatchAnswer(await call({ method: 'POST', path: '/$batch', body, idempotent: true }));
  }

  return {
    async getUser(idOrUpn, select) {
      const query = selectQuery(select);
      return call<GraphUser>({ method: 'GET', path: `/users/${pathSegment(idOrUpn)}`, ...(query ? { query } : {}), idempotent: true, notFoundIsUndefined: true });
    },

    async getUsers(upns, select) {
      if (upns.length === 0) return new Map();
      return getUsersInBatches(upns, select, { graphRoot, policy, post: postBatch });
    },

    async findUsers(filter, select, findOptions = {}) {
      const advanced = findOptions.advanced ?? isAdvancedQuery(filter);
      const query: Record<string, string> = { $filter: encodeURIComponent(filter), ...selectQuery(select), ...(advanced ? { $count: 'true' } : {}) };
      return list<GraphUser>({ path: '/users', query, ...(advanced ? { headers: { ConsistencyLevel: 'eventual' } } : {}) });
    },

    async createUser(user: NewGraphUser) {
      // Not idempotent: after a connection reset the caller re-reads instead of creating twice.
      const created = await call<GraphUser>({ method: 'POST', path: '/users', body: user, idempotent: false });
      if (!created) throw new GraphRequestError('Microsoft Graph: POST /users answered without the new user', 502, 'EmptyResponse');
      return created;
    },

    async updateUser(idOrUpn, patch: GraphUserPatch) {
      await call({ method: 'PATCH', path: `/users/${pathSegment(idOrUpn)}`, body: patch, idempotent: true });
    },

    listSubscribedSkus: () => list<SubscribedSku>({ path: '/subscribedSkus' }),

    async assignLicense(idOrUpn, addSkuIds, removeSkuIds) {
      const body = { addLicenses: addSkuIds.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: [...removeSkuIds] };
      // Adding a licence twice is harmless; removing one twice is an error, so only pure additions repeat.
      await call({ method: 'POST', path: `/users/${pathSegment(idOrUpn)}/assignLicense`, body, idempotent: removeSkuIds.length === 0 });
    },

    listDomains: () => list<Domain>({ path: '/domains' }),

    listConditionalAccessPolicies: () => list<ConditionalAccessPolicy>({ path: '/identity/conditionalAccess/policies' }),

    listRooms: () => list<Place>({ path: '/places/microsoft.graph.room' }),

    listRoomLists: () => list<Place>({ path: '/places/microsoft.graph.roomList' }),

    getPlace: (emailAddress) => call<Place>({ method: 'GET', path: `/places/${pathSegment(emailAddress)}`, idempotent: true, notFoundIsUndefined: true }),

    async updatePlace(emailAddress, patch) {
      // Graph needs the derived type in the body to update a place.
      await call({ method: 'PATCH', path: `/places/${pathSegment(emailAddress)}`, body: { '@odata.type': 'microsoft.graph.room', ...patch }, idempotent: true });
    },

    async myDirectoryRoles() {
      // The cast segment asks Graph for directory roles only (groups and administrative units stay out).
      const memberships = await list<DirectoryRole & { '@odata.type'?: string }>({ path: '/me/transitiveMemberOf/microsoft.graph.directoryRole' });
      return memberships
        .filter((member) => member['@odata.type'] === undefined || member['@odata.type'] === '#microsoft.graph.directoryRole')
        .map((role) => ({ id: role.id, displayName: role.displayName, roleTemplateId: role.roleTemplateId }));
    },

    async userMemberships(userId) {
      // directoryObjects of several types: groups, directory roles, administrative units.
      const memberships = await list<{ '@odata.type'?: string; id: string; roleTemplateId?: string }>({ path: `/users/${pathSegment(userId)}/transitiveMemberOf` });
      const groupIds: string[] = [];
      const roleTemplateIds: string[] = [];
      for (const member of memberships) {
        if (member['@odata.type'] === '#microsoft.graph.group') groupIds.push(member.id);
        else if (member['@odata.type'] === '#microsoft.graph.directoryRole' && member.roleTemplateId) roleTemplateIds.push(member.roleTemplateId);
      }
      return { groupIds, roleTemplateIds };
    },

    async findGroupsByName(displayName) {
      const groups = await list<GraphGroup>({ path: '/groups', query: { $filter: encodeURIComponent(displayNameFilter(displayName)), $select: 'id,displayName' } });
      // Graph compares without case; a group whose name differs only in case is still that group.
      return groups.filter((group) => group.displayName.toLowerCase() === displayName.toLowerCase());
    },

    async addGroupMember(groupId, memberId) {
      const body = { '@odata.id': `${graphRoot}/${VERSION}/directoryObjects/${encodeURIComponent(memberId)}` };
      // Not idempotent: a second add is a 400, so after a lost connection the caller reads first.
      await call({ method: 'POST', path: `/groups/${pathSegment(groupId)}/members/$ref`, body, idempotent: false });
    },
  };
}
