// The two ways a person signs in. Device code: POST /{tenant}/oauth2/v2.0/devicecode answers with
// a user code and the page to enter it; the code is approved by itself after a set number of polls,
// or through the control surface. Authorization code: GET /{tenant}/oauth2/v2.0/authorize answers,
// as Entra does with response_mode=form_post, with a page whose form posts code and state to the
// redirect URI; a test's "browser" reads that form and posts it to MSAL's loopback listener.
import { escapeHtml, htmlResponse, jsonResponse, type SimResponse } from '../http.ts';
import type { AppRegistration } from '../state/records.ts';
import type { IdentityContext } from './context.ts';
import { AADSTS, aadErrorResponse, type AadError } from './errors.ts';
import { delegatedGrant } from './issuer.ts';
import { base64url } from './jwt.ts';
import { scopesOrError } from './token-endpoint.ts';

/** Where a person enters a device code, per cloud. */
function verificationUri(audienceHost: string): string {
  if (audienceHost.endsWith('.us')) return 'https://microsoft.com/deviceloginus';
  if (audienceHost.endsWith('.cn')) return 'https://microsoft.com/deviceloginchina';
  return 'https://microsoft.com/devicelogin';
}

export function deviceCodeEndpoint(context: IdentityContext, tenantSegment: string, form: URLSearchParams, correlationId: string): SimResponse {
  const errorIds = { traceId: context.requestIds.uuid(), correlationId };
  const clientId = form.get('client_id') ?? '';
  if (!clientId) return aadErrorResponse(AADSTS.missingParameter('client_id'), errorIds, context.tenant.now());
  const app = context.tenant.apps.get(clientId.toLowerCase());
  if (!app) return aadErrorResponse(AADSTS.unknownClient(clientId, tenantSegment), errorIds, context.tenant.now());
  const scopes = scopesOrError(context, form.get('scope'), tenantSegment);
  if ('error' in scopes) return aadErrorResponse(scopes, errorIds, context.tenant.now());
  const settings = context.deviceCode;
  const session = context.sessions.newDeviceCode({ clientId: app.clientId, scope: form.get('scope') ?? '', expiresAt: context.tenant.now() + settings.expiresInSeconds * 1000 });
  const uri = verificationUri(new URL(scopes.cloud.graphRoot).host);
  return jsonResponse(200, {
    user_code: session.userCode,
    device_code: session.deviceCode,
    verification_uri: uri,
    expires_in: settings.expiresInSeconds,
    interval: settings.intervalSeconds,
    message: `To sign in, use a web browser to open the page ${uri} and enter the code ${session.userCode} to authenticate.`,
  });
}

/** Desktop apps register http://localhost; Entra accepts any port on a loopback redirect URI. */
function isAllowedRedirect(app: AppRegistration, redirectUri: string): boolean {
  if (!app.publicClient) return false;
  try {
    const url = new URL(redirectUri);
    return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

function errorPage(problem: AadError, correlationId: string): SimResponse {
  return htmlResponse(
    problem.status,
    `<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><h1>Sorry, but we're having trouble signing you in.</h1><p id="error">AADSTS${problem.code}: ${escapeHtml(problem.description)}</p><p>Correlation ID: ${escapeHtml(correlationId)}</p></body></html>`,
  );
}

/** The page Entra returns for response_mode=form_post: a form that submits itself to the redirect URI. */
function formPost(redirectUri: string, fields: Record<string, string>): SimResponse {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}" />`)
    .join('');
  return htmlResponse(
    200,
    `<!DOCTYPE html><html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${escapeHtml(redirectUri)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit" /></noscript></form><script language="javascript">document.forms[0].submit();</script></body></html>`,
  );
}

function deliver(responseMode: string, redirectUri: string, fields: Record<string, string>): SimResponse {
  if (responseMode === 'form_post') return formPost(redirectUri, fields);
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  return { status: 302, headers: { location: url.toString() } };
}

export function authorizeEndpoint(context: IdentityContext, tenantSegment: string, query: URLSearchParams, correlationId: string): SimResponse {
  const clientId = query.get('client_id') ?? '';
  const app = context.tenant.apps.get(clientId.toLowerCase());
  if (!app) return errorPage(AADSTS.unknownClient(clientId, tenantSegment), correlationId);
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!isAllowedRedirect(app, redirectUri)) return errorPage(AADSTS.redirectMismatch(redirectUri, app.clientId), correlationId);
  const responseMode = query.get('response_mode') ?? 'query';
  const state = query.get('state');
  const withState = (fields: Record<string, string>) => (state === null ? fields : { ...fields, state });
  const reject = (problem: AadError) =>
    deliver(responseMode, redirectUri, withState({ error: problem.error, error_description: `AADSTS${problem.code}: ${problem.description}`, ...(problem.suberror ? { suberror: problem.suberror } : {}) }));
  if (query.get('response_type') !== 'code') return reject({ status: 400, error: 'unsupported_response_type', code: 700054, description: "response_type 'code' is the only one this application may use." });
  const scopes = scopesOrError(context, query.get('scope'), tenantSegment);
  if ('error' in scopes) return reject(scopes);
  if (!delegatedGrant(app, scopes).ok) return reject(AADSTS.consentRequired(app.clientId, app.displayName));
  const hint = query.get('login_hint');
  const hinted = hint ? context.tenant.findUser(hint) : undefined;
  const user = hinted ?? (context.tenant.interactiveUserId ? context.tenant.users.get(context.tenant.interactiveUserId) : undefined);
  if (!user) return reject(AADSTS.userNotFound(tenantSegment));
  if (!user.accountEnabled) return reject(AADSTS.accountDisabled());
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  const nonce = query.get('nonce') ?? undefined;
  const code = context.sessions.newAuthorizationCode({
    clientId: app.clientId,
    userId: user.id,
    redirectUri,
    scope: query.get('scope') ?? '',
    codeChallenge: challenge,
    codeChallengeMethod: method,
    nonce,
    expiresAt: context.tenant.now() + 10 * 60_000,
  });
  const fields: Record<string, string> = { code };
  if (query.get('client_info') === '1') fields.client_info = base64url(JSON.stringify({ uid: user.id, utid: context.tenant.tenantId }));
  fields.session_state = context.requestIds.uuid();
  return deliver(responseMode, redirectUri, withState(fields));
}

export function aadError(context: IdentityContext, problem: AadError, correlationId: string): SimResponse {
  return aadErrorResponse(problem, { traceId: context.requestIds.uuid(), correlationId }, context.tenant.now());
}
