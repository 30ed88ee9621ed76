// Sign-in errors (AADSTS codes from Microsoft Entra ID, as MSAL reports them) explained from the
// table in permission-table.ts: consent missing, MFA required, unknown app, bad secret... Pure.
import type { ServiceResource } from '../../shared/clouds.ts';
import { PermissionError } from '../tenant/types.ts';
import type { CredentialKind } from './auth-errors.ts';
import { OAUTH_ERRORS, SIGN_IN_ERRORS } from './permission-table.ts';

export interface SignInErrorContext {
  /** The service the token was for. */
  resource?: ServiceResource;
  /** The scopes asked for; their short names fill in {permissions}. */
  scopes?: readonly string[];
  clientId?: string;
  tenant?: string;
  /** The cloud's label, e.g. "Microsoft 365 GCC High". */
  cloud?: string;
  credential?: CredentialKind;
  /** Where the client secret came from, e.g. ROOMREADY_CLIENT_SECRET. */
  secretVariable?: string;
}

/** The text of an MSAL (or any) error, with its code fields, for matching; never shown as is. */
function describe(error: unknown): { code?: string; text: string } {
  if (typeof error !== 'object' || error === null) return { text: String(error) };
  const fields = error as { errorCode?: unknown; errorMessage?: unknown; subError?: unknown; errorNo?: unknown; message?: unknown };
  const parts = [fields.errorCode, fields.errorMessage, fields.subError, fields.message].filter((part): part is string => typeof part === 'string');
  const number = typeof fields.errorNo === 'string' || typeof fields.errorNo === 'number' ? `AADSTS${fields.errorNo}` : '';
  return { ...(typeof fields.errorCode === 'string' ? { code: fields.errorCode } : {}), text: [number, ...parts].join(' ') };
}

/** The AADSTS code an error carries, or the one its OAuth error code stands for. */
export function signInErrorCode(error: unknown, credential?: CredentialKind): string | undefined {
  const { code, text } = describe(error);
  const aadsts = /AADSTS(\d{5,7})/.exec(text)?.[0];
  if (aadsts) return aadsts;
  for (const candidate of [code, ...text.split(/[\s:]+/)]) {
    if (!candidate) continue;
    const mapped = OAUTH_ERRORS[`${candidate}:${credential}`] ?? OAUTH_ERRORS[candidate];
    if (mapped) return mapped;
  }
  return undefined;
}

const shortScope = (scope: string) => scope.replace(/^https?:\/\/[^/]+\//, '');

/** A PermissionError when the table knows the error's code; undefined otherwise. */
export function explainSignInError(error: unknown, context: SignInErrorContext = {}): PermissionError | undefined {
  const code = signInErrorCode(error, context.credential);
  const entry = code ? SIGN_IN_ERRORS[code] : undefined;
  if (!code || !entry) return undefined;
  const permissions = (context.scopes ?? []).map(shortScope).filter((scope) => !['openid', 'profile', 'offline_access'].includes(scope));
  const fill = (text: string) =>
    text
      .replaceAll('{clientId}', context.clientId ?? '(the app)')
      .replaceAll('{tenant}', context.tenant ?? '(the tenant)')
      .replaceAll('{cloud}', context.cloud ?? 'this cloud')
      .replaceAll('{permissions}', permissions.length > 0 ? permissions.join(', ') : "RoomReady's permissions")
      .replaceAll('{secretVariable}', context.secretVariable ?? 'the client secret variable');
  const reason = fill(entry.reason);
  const message = `Sign-in failed (${code}): ${reason}. ${fill(entry.remedy)}`;
  return new PermissionError(message, context.resource ?? 'graph', entry.status, entry.missing ? fill(entry.missing) : undefined);
}
