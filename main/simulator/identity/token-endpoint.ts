// POST /{tenant}/oauth2/v2.0/token: client credentials (secret or certificate), device code,
// authorization code with PKCE, refresh token and password (ROPC). Each failure answers with the
// AADSTS error Entra gives for it.
import crypto from 'node:crypto';
import { jsonResponse, type SimResponse } from '../http.ts';
import type { DirectoryUser } from '../state/records.ts';
import { authenticateClient } from './client-auth.ts';
import type { IdentityContext } from './context.ts';
import { AADSTS, aadErrorResponse, type AadError } from './errors.ts';
import { delegatedGrant, resourceName, type TokenSubject } from './issuer.ts';
import { passwordSignIn } from './password-sign-in.ts';
import { isScopeProblem, resolveScopes, type RequestedScopes } from './resources.ts';
import type { AppRegistration } from '../state/records.ts';

/** RFC 8628's grant type; Entra also takes the short "device_code" that MSAL sends. */
export const DEVICE_CODE_GRANTS = new Set(['urn:ietf:params:oauth:grant-type:device_code', 'device_code']);

type Outcome = { ok: true; body: Record<string, unknown> } | { ok: false; error: AadError };

const fail = (error: AadError): Outcome => ({ ok: false, error });

export function scopesOrError(context: IdentityContext, scope: string | null, tenantSegment: string): RequestedScopes | AadError {
  const resolved = resolveScopes(scope);
  if (!isScopeProblem(resolved)) return resolved;
  switch (resolved.kind) {
    case 'missing':
      return AADSTS.scopeMissing();
    case 'multiple':
      return AADSTS.multipleResources(resolved.scope);
    case 'unknown-resource':
      return AADSTS.unknownResource(resolved.resource, tenantSegment || context.tenant.tenantId);
    case 'invalid':
      return AADSTS.scopeInvalid(resolved.scope);
  }
}

function isAadError(value: RequestedScopes | AadError): value is AadError {
  return 'error' in value;
}

/** A delegated token for a user, if an admin consented to every permission asked. */
function userTokens(context: IdentityContext, app: AppRegistration, credential: 'public' | 'secret' | 'certificate', user: DirectoryUser, scopes: RequestedScopes, form: URLSearchParams, nonce?: string): Outcome {
  if (!delegatedGrant(app, scopes).ok) return fail(AADSTS.consentRequired(app.clientId, app.displayName));
  // Interactive sign-ins (browser, device code) completed MFA in the browser; a password grant did not.
  const subject: TokenSubject = { kind: 'user', app, user, credential, mfa: form.get('grant_type') !== 'password' };
  return { ok: true, body: context.issuer.issue(subject, scopes, { clientInfo: form.get('client_info') === '1', ...(nonce !== undefined ? { nonce } : {}) }) };
}

function clientCredentials(context: IdentityContext, app: AppRegistration, credential: 'public' | 'secret' | 'certificate', scopes: RequestedScopes, scope: string): Outcome {
  if (credential === 'public') return fail(AADSTS.credentialRequired());
  if (scopes.permissions.length !== 1 || scopes.permissions[0] !== '.default' || scopes.oidc.length > 0) return fail(AADSTS.clientCredentialsNeedDefault(scope));
  return { ok: true, body: context.issuer.issue({ kind: 'app', app, credential }, scopes, { clientInfo: false }) };
}

function deviceCode(context: IdentityContext, app: AppRegistration, credential: 'public' | 'secret' | 'certificate', form: URLSearchParams, tenantSegment: string): Outcome {
  const code = form.get('device_code');
  if (!code) return fail(AADSTS.missingParameter('device_code'));
  const session = context.sessions.deviceCodes.get(code);
  if (!session || session.clientId !== app.clientId) return fail(AADSTS.badDeviceCode());
  const now = context.tenant.now();
  if (session.expiresAt <= now) return fail(AADSTS.deviceCodeExpired());
  session.polls++;
  const auto = context.deviceCode.approveAfterPolls;
  if (session.status === 'pending' && auto !== null && session.polls >= auto) {
    session.status = 'approved';
    session.userId = context.tenant.interactiveUserId;
  }
  if (session.status === 'declined') return fail(AADSTS.authorizationDeclined());
  if (session.status === 'pending') return fail(AADSTS.authorizationPending());
  const user = session.userId ? context.tenant.users.get(session.userId) : undefined;
  if (!user) return fail(AADSTS.userNotFound(tenantSegment));
  const scopes = scopesOrError(context, session.scope, tenantSegment);
  if (isAadError(scopes)) return fail(scopes);
  // A device code is good for one token answer.
  context.sessions.deviceCodes.delete(code);
  return userTokens(context, app, credential, user, scopes, form);
}

function authorizationCode(context: IdentityContext, app: AppRegistration, credential: 'public' | 'secret' | 'certificate', form: URLSearchParams, tenantSegment: string): Outcome {
  const value = form.get('code');
  if (!value) return fail(AADSTS.missingParameter('code'));
  const code = context.sessions.codes.get(value);
  if (!code || code.clientId !== app.clientId) return fail(AADSTS.badCode());
  if (code.redeemed) return fail(AADSTS.codeRedeemed());
  if (code.expiresAt <= context.tenant.now()) return fail(AADSTS.codeExpired());
  if ((form.get('redirect_uri') ?? '') !== code.redirectUri) return fail(AADSTS.codeRedirectMismatch());
  if (code.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier') ?? '';
    const computed = code.codeChallengeMethod === 'S256' ? crypto.createHash('sha256').update(verifier).digest('base64url') : verifier;
    if (!verifier || computed !== code.codeChallenge) return fail(AADSTS.pkceMismatch());
  }
  code.redeemed = true;
  const user = context.tenant.users.get(code.userId);
  if (!user) return fail(AADSTS.userNotFound(tenantSegment));
  const scopes = scopesOrError(context, form.get('scope') ?? code.scope, tenantSegment);
  if (isAadError(scopes)) return fail(scopes);
  return userTokens(context, app, credential, user, scopes, form, code.nonce);
}

function refreshToken(context: IdentityContext, app: AppRegistration, credential: 'public' | 'secret' | 'certificate', form: URLSearchParams, tenantSegment: string): Outcome {
  const value = form.get('refresh_token');
  if (!value) return fail(AADSTS.missingParameter('refresh_token'));
  const record = context.sessions.refreshTokens.get(value);
  if (!record || record.clientId !== app.clientId) return fail(AADSTS.badRefreshToken());
  if (record.expiresAt <= context.tenant.now()) return fail(AADSTS.codeExpired());
  const user = context.tenant.users.get(record.userId);
  if (!user) return fail(AADSTS.userNotFound(tenantSegment));
  if (!user.accountEnabled) return fail(AADSTS.accountDisabled());
  // Entra refresh tokens are good for any resource the app was consented for.
  const scopes = scopesOrError(context, form.get('scope'), tenantSegment);
  if (isAadError(scopes)) return fail(scopes);
  return userTokens(context, app, credential, user, scopes, form);
}

function password(context: IdentityContext, app: AppRegistration, credential: 'public' | 'secret' | 'certificate', form: URLSearchParams, tenantSegment: string): Outcome {
  const username = form.get('username');
  if (!username) return fail(AADSTS.missingParameter('username'));
  const secret = form.get('password');
  if (secret === null) return fail(AADSTS.missingParameter('password'));
  const scopes = scopesOrError(context, form.get('scope'), tenantSegment);
  if (isAadError(scopes)) return fail(scopes);
  const signIn = passwordSignIn(context.tenant, username, secret, scopes.resource, resourceName(scopes));
  if (!signIn.ok) return fail(signIn.error);
  return userTokens(context, app, credential, signIn.user, scopes, form);
}

export function tokenEndpoint(context: IdentityContext, tenantSegment: string, form: URLSearchParams, correlationId: string): SimResponse {
  context.stats.count('tokens');
  const outcome = grant(context, tenantSegment, form);
  const ids = { traceId: context.requestIds.uuid(), correlationId };
  if (!outcome.ok) return aadErrorResponse(outcome.error, ids, context.tenant.now());
  return jsonResponse(200, outcome.body, { 'cache-control': 'no-store, no-cache', pragma: 'no-cache', 'client-request-id': correlationId });
}

function grant(context: IdentityContext, tenantSegment: string, form: URLSearchParams): Outcome {
  const grantType = form.get('grant_type');
  if (!grantType) return fail(AADSTS.missingParameter('grant_type'));
  const client = authenticateClient(context.tenant, tenantSegment, form);
  if (!client.ok) return fail(client.error);
  const { app, credential } = client;
  switch (grantType) {
    case 'client_credentials': {
      const scopes = scopesOrError(context, form.get('scope'), tenantSegment);
      return isAadError(scopes) ? fail(scopes) : clientCredentials(context, app, credential, scopes, form.get('scope') ?? '');
    }
    case 'authorization_code':
      return authorizationCode(context, app, credential, form, tenantSegment);
    case 'refresh_token':
      return refreshToken(context, app, credential, form, tenantSegment);
    case 'password':
      return password(context, app, credential, form, tenantSegment);
    default:
      return DEVICE_CODE_GRANTS.has(grantType) ? deviceCode(context, app, credential, form, tenantSegment) : fail(AADSTS.unsupportedGrant(grantType));
  }
}
