// /login: the simulated Microsoft Entra ID endpoints, at the paths MSAL uses on
// login.microsoftonline.com (and the national-cloud authority hosts, which map here too).
// MSAL 7 carries built-in metadata for the Microsoft authority hosts and so calls neither
// discovery endpoint for them; both answer anyway, for clients configured otherwise.
import { htmlResponse, jsonResponse, pathSegments, type SimRequest, type SimResponse } from '../http.ts';
import type { IdentityContext } from './context.ts';
import { MULTI_TENANT_SEGMENTS } from './context.ts';
import { AADSTS } from './errors.ts';
import { aadError, authorizeEndpoint, deviceCodeEndpoint } from './interactive.ts';
import { tokenEndpoint } from './token-endpoint.ts';

const AUTHORITY = 'https://login.microsoftonline.com';

/** The hosts Entra's instance discovery lists as aliases of one another (as msal-common carries them). */
const INSTANCE_METADATA = [
  { preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'] },
  { preferred_network: 'login.partner.microsoftonline.cn', preferred_cache: 'login.partner.microsoftonline.cn', aliases: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'] },
  { preferred_network: 'login.microsoftonline.us', preferred_cache: 'login.microsoftonline.us', aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'] },
];

function openIdConfiguration(tenantId: string): Record<string, unknown> {
  const base = `${AUTHORITY}/${tenantId}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

function instanceDiscovery(query: URLSearchParams, tenantId: string): SimResponse {
  let host = '';
  try {
    host = new URL(query.get('authorization_endpoint') ?? '').host.toLowerCase();
  } catch {
    host = '';
  }
  if (!INSTANCE_METADATA.some((m) => m.aliases.includes(host))) {
    return jsonResponse(400, { error: 'invalid_instance', error_description: `AADSTS${AADSTS.unknownInstance().code}: ${AADSTS.unknownInstance().description}` });
  }
  return jsonResponse(200, {
    tenant_discovery_endpoint: `https://${host}/${tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: INSTANCE_METADATA,
  });
}

export function identityRoutes(context: IdentityContext, request: SimRequest): SimResponse {
  const segments = pathSegments(request.path);
  const correlationId = request.headers['client-request-id'] ?? context.requestIds.uuid();
  const [tenantSegment = '', ...rest] = segments;
  const route = rest.join('/').toLowerCase();
  if (tenantSegment.toLowerCase() === 'common' && route === 'discovery/instance' && request.method === 'GET') return instanceDiscovery(request.query, context.tenant.tenantId);
  const known = context.tenant.isThisTenant(tenantSegment) || MULTI_TENANT_SEGMENTS.has(tenantSegment.toLowerCase());
  if (!known) return aadError(context, AADSTS.tenantNotFound(tenantSegment), correlationId);
  const form = new URLSearchParams(request.body);
  switch (`${request.method} ${route}`) {
    case 'GET v2.0/.well-known/openid-configuration':
    case 'GET .well-known/openid-configuration':
      return jsonResponse(200, openIdConfiguration(context.tenant.tenantId));
    case 'GET discovery/v2.0/keys':
    case 'GET discovery/keys':
      return jsonResponse(200, context.signer.jwks(`${AUTHORITY}/${context.tenant.tenantId}/v2.0`));
    case 'POST oauth2/v2.0/token':
      return tokenEndpoint(context, tenantSegment, form, correlationId);
    case 'POST oauth2/v2.0/devicecode':
      return deviceCodeEndpoint(context, tenantSegment, form, correlationId);
    case 'GET oauth2/v2.0/authorize':
      return authorizeEndpoint(context, tenantSegment, request.query, correlationId);
    case 'GET oauth2/v2.0/logout':
      return htmlResponse(200, '<!DOCTYPE html><html><head><title>Sign out</title></head><body><p>You signed out of your account.</p></body></html>');
    default:
      return jsonResponse(404, { error: 'not_found', error_description: `The simulated identity platform has no endpoint ${request.method} /${segments.join('/')}.` });
  }
}
