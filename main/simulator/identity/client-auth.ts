// Who is asking: the app registration named by client_id, and whether it proved itself with a
// secret, a certificate-signed client assertion (verified against the registered certificate's
// public key, RFC 7523 as Entra applies it), or nothing (a public client).
import { AADSTS, type AadError } from './errors.ts';
import { decodeJwt, verifyJwtSignature } from './jwt.ts';
import type { AppRegistration } from '../state/records.ts';
import type { TenantState } from '../state/tenant.ts';

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export type ClientAuthentication = { ok: true; app: AppRegistration; credential: 'public' | 'secret' | 'certificate' } | { ok: false; error: AadError };

function thumbprintFromHeader(value: unknown): string | undefined {
  return typeof value === 'string' ? Buffer.from(value, 'base64url').toString('hex').toUpperCase() : undefined;
}

function checkAssertion(app: AppRegistration, assertion: string, tenantSegment: string, nowSeconds: number): AadError | undefined {
  const decoded = decodeJwt(assertion);
  if (!decoded) return AADSTS.assertionMalformed();
  const sha1 = thumbprintFromHeader(decoded.header.x5t);
  const sha256 = thumbprintFromHeader(decoded.header['x5t#S256']);
  const credential = app.certificates.find((c) => (sha1 !== undefined && c.thumbprint === sha1) || (sha256 !== undefined && c.thumbprintSha256 === sha256));
  if (!credential) return AADSTS.assertionKeyNotFound(sha256 ?? sha1 ?? '');
  if (!verifyJwtSignature(decoded, credential.publicKey)) return AADSTS.assertionSignature();
  const { aud, iss, sub, exp, nbf } = decoded.payload;
  if (iss !== app.clientId || sub !== app.clientId) return AADSTS.assertionSubject();
  if (typeof exp !== 'number' || exp <= nowSeconds || (typeof nbf === 'number' && nbf > nowSeconds + 300)) return AADSTS.assertionExpired();
  let audience: URL | undefined;
  try {
    audience = typeof aud === 'string' ? new URL(aud) : undefined;
  } catch {
    audience = undefined;
  }
  const path = audience?.pathname.toLowerCase() ?? '';
  if (!audience || audience.protocol !== 'https:' || !(path === `/${tenantSegment.toLowerCase()}/oauth2/v2.0/token` || path === `/${tenantSegment.toLowerCase()}/oauth2/token`)) {
    return AADSTS.assertionAudience();
  }
  return undefined;
}

export function authenticateClient(tenant: TenantState, tenantSegment: string, form: URLSearchParams): ClientAuthentication {
  const clientId = form.get('client_id') ?? '';
  if (!clientId) return { ok: false, error: AADSTS.missingParameter('client_id') };
  const app = tenant.apps.get(clientId.toLowerCase());
  if (!app) return { ok: false, error: AADSTS.unknownClient(clientId, tenantSegment) };
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if (app.publicClient) {
    if (secret !== null || assertion !== null) return { ok: false, error: AADSTS.publicClientWithCredential() };
    return { ok: true, app, credential: 'public' };
  }
  if (secret !== null) {
    return app.secrets.includes(secret) ? { ok: true, app, credential: 'secret' } : { ok: false, error: AADSTS.invalidSecret(app.clientId) };
  }
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== JWT_BEARER_ASSERTION) return { ok: false, error: AADSTS.missingParameter('client_assertion_type') };
    const problem = checkAssertion(app, assertion, tenantSegment, Math.floor(tenant.now() / 1000));
    return problem ? { ok: false, error: problem } : { ok: true, app, credential: 'certificate' };
  }
  return { ok: false, error: AADSTS.credentialRequired() };
}
