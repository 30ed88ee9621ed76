// Microsoft identity platform error answers: {"error", "error_description" ("AADSTSnnnn: ..."
// followed by trace, correlation id and timestamp), "error_codes", "timestamp", "trace_id",
// "correlation_id", "error_uri"} plus "suberror" where Entra sends one. Codes and wording from the
// Entra "authentication and authorization error codes" reference (AADSTS list).
import { jsonResponse, type SimResponse } from '../http.ts';

export interface AadErrorIds {
  traceId: string;
  correlationId: string;
}

export interface AadError {
  status: number;
  error: string;
  code: number;
  description: string;
  suberror?: string;
}

function timestamp(now: number): string {
  return new Date(now).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function aadErrorResponse(problem: AadError, ids: AadErrorIds, now: number): SimResponse {
  const stamp = timestamp(now);
  const body: Record<string, unknown> = {
    error: problem.error,
    error_description: `AADSTS${problem.code}: ${problem.description} Trace ID: ${ids.traceId} Correlation ID: ${ids.correlationId} Timestamp: ${stamp}`,
    error_codes: [problem.code],
    timestamp: stamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${problem.code}`,
  };
  if (problem.suberror) body.suberror = problem.suberror;
  return jsonResponse(problem.status, body, { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' });
}

/** The errors the simulated token, device-code and authorize endpoints give. */
export const AADSTS = {
  tenantNotFound: (tenant: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 90002,
    description: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  missingParameter: (name: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 900144,
    description: `The request body must contain the following parameter: '${name}'.`,
  }),
  unsupportedGrant: (grant: string): AadError => ({ status: 400, error: 'unsupported_grant_type', code: 70003, description: `The app requested an unsupported grant type '${grant}'.` }),
  unknownClient: (clientId: string, tenant: string): AadError => ({
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    description: `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  credentialRequired: (): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    description: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  publicClientWithCredential: (): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 700025,
    description: "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
  }),
  invalidSecret: (clientId: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000215,
    description: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
  }),
  assertionKeyNotFound: (thumbprint: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 700027,
    description: `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}']`,
  }),
  assertionSignature: (): AadError => ({ status: 401, error: 'invalid_client', code: 700027, description: 'Client assertion contains an invalid signature. [Reason - The key was not found.]' }),
  assertionMalformed: (): AadError => ({ status: 401, error: 'invalid_client', code: 50027, description: 'JWT token is invalid or malformed.' }),
  assertionExpired: (): AadError => ({ status: 401, error: 'invalid_client', code: 700024, description: 'Client assertion is not within its valid time range.' }),
  assertionAudience: (): AadError => ({ status: 401, error: 'invalid_client', code: 700021, description: 'Client assertion audience claim does not match Realm issuer.' }),
  assertionSubject: (): AadError => ({ status: 401, error: 'invalid_client', code: 700023, description: 'Client assertion subject or issuer does not match the client_id.' }),
  scopeMissing: (): AadError => ({ status: 400, error: 'invalid_scope', code: 70011, description: "The provided request must include a 'scope' input parameter." }),
  scopeInvalid: (scope: string): AadError => ({
    status: 400,
    error: 'invalid_scope',
    code: 70011,
    description: `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
  }),
  clientCredentialsNeedDefault: (scope: string): AadError => ({
    status: 400,
    error: 'invalid_scope',
    code: 1002012,
    description: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  }),
  multipleResources: (scope: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 28000,
    description: `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
  }),
  unknownResource: (resource: string, tenant: string): AadError => ({
    status: 400,
    error: 'invalid_resource',
    code: 500011,
    description: `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  }),
  consentRequired: (clientId: string, appName: string): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 65001,
    description: `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
    suberror: 'consent_required',
  }),
  authorizationPending: (): AadError => ({ status: 400, error: 'authorization_pending', code: 70016, description: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.' }),
  authorizationDeclined: (): AadError => ({ status: 400, error: 'authorization_declined', code: 70000, description: 'The user has declined the authorization request.' }),
  deviceCodeExpired: (): AadError => ({
    status: 400,
    error: 'expired_token',
    code: 70020,
    description: "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
  }),
  badDeviceCode: (): AadError => ({ status: 400, error: 'invalid_grant', code: 70019, description: 'Verification code expired.' }),
  badCode: (): AadError => ({ status: 400, error: 'invalid_grant', code: 70000, description: "The provided value for the 'code' parameter is not valid." }),
  codeRedeemed: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 54005,
    description: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  codeExpired: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 70008,
    description: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  }),
  codeRedirectMismatch: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 70000,
    description: 'The provided value for the redirect_uri parameter does not match the one used to obtain the authorization code.',
  }),
  pkceMismatch: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 501481,
    description: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  badRefreshToken: (): AadError => ({ status: 400, error: 'invalid_grant', code: 9002313, description: 'Invalid request. Request is malformed or invalid.' }),
  userNotFound: (tenant: string): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 50034,
    description: `The user account {EUII Hidden} does not exist in the ${tenant} directory. To sign into this application, the account must be added to the directory.`,
  }),
  wrongPassword: (): AadError => ({ status: 400, error: 'invalid_grant', code: 50126, description: 'Error validating credentials due to invalid username or password.' }),
  passwordExpired: (): AadError => ({ status: 400, error: 'invalid_grant', code: 50055, description: 'The password is expired.', suberror: 'user_password_expired' }),
  mfaRequired: (resource: string): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 50076,
    description: `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resource}'.`,
    suberror: 'basic_action',
  }),
  blockedByConditionalAccess: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 53003,
    description: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    suberror: 'message_only',
  }),
  deviceNotCompliant: (): AadError => ({ status: 400, error: 'invalid_grant', code: 53000, description: 'Device is not in required device state: compliant. Conditional Access policy requires a compliant device, and the device is not compliant. The user must enroll their device with an approved MDM provider like Intune.' }),
  accountDisabled: (): AadError => ({ status: 400, error: 'invalid_grant', code: 50057, description: 'The user account is disabled.' }),
  accountLocked: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 50053,
    description: "Your account is locked because you've tried to sign in too many times with an incorrect user ID or password.",
  }),
  redirectMismatch: (uri: string, clientId: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 50011,
    description: `The redirect URI '${uri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
  }),
  unknownInstance: (): AadError => ({ status: 400, error: 'invalid_instance', code: 50049, description: 'Unknown or invalid instance.' }),
} as const;
