// /exchange: the Exchange Online admin API the ExchangeOnlineManagement module uses,
//   POST /adminapi/beta/{tenantId}/InvokeCommand  {"CmdletInput":{"CmdletName","Parameters"}}
// answered {"@odata.context", "@adminapi.warnings", "value":[...]}, paged with @odata.nextLink when
// the client's Prefer: odata.maxpagesize is smaller than the result. The token must be for
// Exchange (Exchange.Manage delegated, Exchange.ManageAsApp for apps) and the caller needs an
// Exchange admin role.
import { checkAccess, hasPermission, type AccessProblem } from '../identity/access.ts';
import { RESOURCE_APP_IDS } from '../identity/resources.ts';
import type { TokenSigner } from '../identity/signing.ts';
import { isRecord, jsonResponse, parseJson, pathSegments, type SimRequest, type SimResponse } from '../http.ts';
import type { Prng } from '../prng.ts';
import type { Service } from '../server.ts';
import type { StatsCounter } from '../stats.ts';
import { ROLES_FOR } from '../state/directory-roles.ts';
import type { TenantState } from '../state/tenant.ts';
import { getCalendarProcessing, getMailboxRegionalConfiguration, setCalendarProcessing, setMailboxRegionalConfiguration } from './calendar.ts';
import { bindParameters, type CmdletDefinition, type ExchangeCall } from './cmdlet.ts';
import { CmdletProblem, cmdletErrorResponse, exchangeJson, serviceErrorResponse, unknownCmdlet } from './errors.ts';
import { getMailbox, newMailbox, setMailbox } from './mailboxes.ts';
import { getPlace, setPlace } from './places.ts';
import { addDistributionGroupMember, getDistributionGroup, getDistributionGroupMember, newDistributionGroup } from './room-lists.ts';

export const CMDLETS: ReadonlyMap<string, CmdletDefinition> = new Map(
  [
    newMailbox,
    setMailbox,
    getMailbox,
    getCalendarProcessing,
    setCalendarProcessing,
    getMailboxRegionalConfiguration,
    setMailboxRegionalConfiguration,
    getPlace,
    setPlace,
    newDistributionGroup,
    getDistributionGroup,
    getDistributionGroupMember,
    addDistributionGroupMember,
  ].map((c) => [c.name.toLowerCase(), c]),
);

export interface ExchangeContext {
  tenant: TenantState;
  signer: TokenSigner;
  requestIds: Prng;
  stats: StatsCounter;
}

const ACCESS_REASONS: Record<AccessProblem, string> = {
  missing: 'The Authorization header is missing or is not a bearer token.',
  malformed: 'The token is not a valid JWT.',
  signature: 'The token signature is not valid.',
  expired: 'The token has expired.',
  audience: 'The audience claim value is invalid for current resource.',
  tenant: 'The tenant in the token does not match this organization.',
};

function cmdletOf(body: unknown): { name: string; parameters: Record<string, unknown> } | undefined {
  if (!isRecord(body) || !isRecord(body.CmdletInput)) return undefined;
  const input = body.CmdletInput;
  if (typeof input.CmdletName !== 'string') return undefined;
  const parameters = input.Parameters === undefined ? {} : input.Parameters;
  if (!isRecord(parameters)) return undefined;
  return { name: input.CmdletName, parameters };
}

function pageSize(request: SimRequest): number {
  const prefer = request.headers.prefer ?? request.headers['x-prefer'] ?? '';
  const match = /odata\.maxpagesize=(\d+)/i.exec(prefer);
  return match ? Math.max(1, Number(match[1])) : 1000;
}

function invoke(context: ExchangeContext, request: SimRequest, requestId: string): SimResponse {
  const segments = pathSegments(request.path);
  if (segments.length !== 4 || segments[0]!.toLowerCase() !== 'adminapi' || segments[1]!.toLowerCase() !== 'beta' || segments[3]!.toLowerCase() !== 'invokecommand') {
    return serviceErrorResponse(404, 'NotFound', `The simulated Exchange Online admin API has no endpoint ${request.method} ${request.path}.`, requestId);
  }
  if (request.method !== 'POST') return serviceErrorResponse(405, 'MethodNotAllowed', 'InvokeCommand takes POST.', requestId);
  const tenantSegment = segments[2]!;
  const access = checkAccess(context.tenant, context.signer, request.headers.authorization, 'exchange');
  if (!access.ok) {
    return serviceErrorResponse(401, 'Unauthorized', ACCESS_REASONS[access.problem], requestId, {
      'www-authenticate': `Bearer client_id="${RESOURCE_APP_IDS.exchange}", trusted_issuers="00000001-0000-0000-c000-000000000000@*", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"`,
      'x-ms-diagnostics': `2000001;reason="${ACCESS_REASONS[access.problem]}";error_category="invalid_token"`,
    });
  }
  if (!context.tenant.isThisTenant(tenantSegment)) return serviceErrorResponse(401, 'Unauthorized', `The tenant '${tenantSegment}' in the URL is not the tenant of the token.`, requestId);
  const caller = access.caller;
  const needed = caller.kind === 'app' ? 'Exchange.ManageAsApp' : 'Exchange.Manage';
  if (!hasPermission(caller, [needed])) return serviceErrorResponse(403, 'Forbidden', `The token does not carry the ${needed} permission of Office 365 Exchange Online.`, requestId);

  const cmdlet = cmdletOf(parseJson(request.body));
  if (!cmdlet) return serviceErrorResponse(400, 'BadRequest', 'The request body must be {"CmdletInput":{"CmdletName":"...","Parameters":{...}}}.', requestId);
  try {
    const definition = CMDLETS.get(cmdlet.name.toLowerCase());
    if (!definition) throw unknownCmdlet(cmdlet.name);
    const roles: readonly string[] = definition.kind === 'read' ? ROLES_FOR.exchangeRead : ROLES_FOR.exchangeWrite;
    const held = caller.kind === 'app' ? caller.app.directoryRoles : caller.user.directoryRoles;
    if (!held.some((r) => roles.includes(r))) {
      throw new CmdletProblem(403, 'System.Management.Automation.CommandNotFoundException', `The cmdlet '${definition.name}' is not present in the role definition of the current user. An Exchange admin role such as Exchange Administrator is needed.`);
    }
    const call: ExchangeCall = { tenant: context.tenant, caller };
    const result = definition.run(call, bindParameters(definition, cmdlet.parameters));
    const root = caller.audience.startsWith('https://') ? caller.audience : 'https://outlook.office365.com';
    const base = `${root}/adminapi/beta/${tenantSegment}`;
    const skip = Number(/^(\d+)$/.exec(request.query.get('$skiptoken') ?? '')?.[1] ?? 0);
    const size = pageSize(request);
    const page = result.values.slice(skip, skip + size);
    return jsonResponse(
      200,
      {
        '@odata.context': `${base}/$metadata#Collection(Exchange.GenericHashTable)`,
        'adminapi.warnings@odata.type': '#Collection(String)',
        '@adminapi.warnings': result.warnings,
        ...(skip + size < result.values.length ? { '@odata.nextLink': `${base}/InvokeCommand?$skiptoken=${skip + size}` } : {}),
        value: page,
      },
      { 'content-type': exchangeJson, 'request-id': requestId },
    );
  } catch (error) {
    if (error instanceof CmdletProblem) return cmdletErrorResponse(error, requestId);
    throw error;
  }
}

function isRead(request: SimRequest): boolean {
  const cmdlet = cmdletOf(parseJson(request.body));
  return cmdlet !== undefined && /^get-/i.test(cmdlet.name);
}

export function exchangeService(context: ExchangeContext): Service {
  return {
    faultable: true,
    handle(request) {
      context.stats.count(isRead(request) ? 'reads' : 'writes');
      return invoke(context, request, context.requestIds.uuid());
    },
    throttled: (retryAfter) =>
      serviceErrorResponse(429, 'TooManyRequests', 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again.', context.requestIds.uuid(), { 'retry-after': String(retryAfter) }),
    unavailable: (retryAfter) => serviceErrorResponse(503, 'ServiceUnavailable', 'The service is temporarily unavailable. Please try again later.', context.requestIds.uuid(), { 'retry-after': String(retryAfter) }),
    internalError: () => serviceErrorResponse(500, 'InternalServerError', 'An internal server error occurred.', context.requestIds.uuid()),
  };
}
