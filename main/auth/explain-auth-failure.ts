// A 401 or 403 from Microsoft Graph or Exchange Online, explained: which permission or admin role
// is missing and what to do about it, from the table in permission-table.ts. Pure: the Graph and
// Exchange gateways call it with what they have (service, status, error body, operation).
//
// How the missing piece is chosen. App-only tokens carry application permissions and no user role,
// so for Graph the permission is missing (Exchange also needs a role assigned to the app). A
// delegated sign-in asks for all of RoomReady's permissions up front and fails with AADSTS65001 if
// they are not consented, so a 403 after a good sign-in is most often the admin's role — unless
// the token's own permissions (context.grantedPermissions) or the service's answer say otherwise.
import type { ServiceResource } from '../../shared/clouds.ts';
import { PermissionError } from '../tenant/types.ts';
import type { SignInKind } from './cloud-scopes.ts';
import { FALLBACK_REQUIREMENTS, OPERATION_REQUIREMENTS, type OperationRequirement } from './permission-table.ts';
import { redactSecrets } from './redact.ts';

export interface AuthFailureContext {
  /** Whose token was refused: an admin's (delegated, the default) or the app's. */
  signInKind?: SignInKind;
  /** The app registration, named in the remedy. */
  clientId?: string;
  /** The permissions the refused token carried (its scp or roles claim), when known. */
  grantedPermissions?: readonly string[];
}

const SERVICE_NAMES: Readonly<Record<ServiceResource, string>> = { graph: 'Microsoft Graph', exchange: 'Exchange Online' };
const API_NAMES: Readonly<Record<ServiceResource, string>> = { graph: 'Microsoft Graph', exchange: 'Office 365 Exchange Online' };
const MAX_SERVICE_MESSAGE = 300;

/** The service's error code and message from a Graph / Exchange / OAuth error body (object or JSON text). */
export function serviceError(body: unknown): { code?: string; message?: string } {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return body.trim() === '' ? {} : { message: body };
    }
  }
  if (typeof value !== 'object' || value === null) return {};
  const object = value as Record<string, unknown>;
  const error = object.error;
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as Record<string, unknown>;
    return { ...(typeof code === 'string' ? { code } : {}), ...(typeof message === 'string' ? { message } : {}) };
  }
  return {
    ...(typeof error === 'string' ? { code: error } : {}),
    ...(typeof object.error_description === 'string' ? { message: object.error_description } : typeof object.message === 'string' ? { message: object.message } : {}),
  };
}

/** "PATCH https://graph.microsoft.com/v1.0/users/a%40b?$select=x" -> "PATCH /users/{id}" when the table has it. */
export function findRequirement(service: ServiceResource, operation: string): OperationRequirement | undefined {
  if (service === 'exchange') {
    const cmdlet = /[A-Za-z]+-[A-Za-z]+/.exec(operation)?.[0]?.toLowerCase();
    return OPERATION_REQUIREMENTS.find((entry) => entry.service === 'exchange' && entry.operation.toLowerCase() === cmdlet);
  }
  const [method, target = ''] = operation.trim().split(/\s+/, 2);
  const path = target.replace(/^https?:\/\/[^/]+/i, '').replace(/[?#].*$/, '').replace(/^\/(?:v1\.0|beta)(?=\/)/i, '');
  const segments = path.split('/').filter(Boolean);
  return OPERATION_REQUIREMENTS.find((entry) => {
    if (entry.service !== 'graph') return false;
    const [entryMethod, entryPath = ''] = entry.operation.split(' ');
    const pattern = entryPath.split('/').filter(Boolean);
    return (
      entryMethod === method?.toUpperCase() &&
      pattern.length === segments.length &&
      pattern.every((part, index) => part === '{id}' || part.toLowerCase() === segments[index]!.toLowerCase())
    );
  });
}

/** "X.Read.All" is granted by itself or by "X.ReadWrite.All". */
function grants(granted: readonly string[], permission: string): boolean {
  const wanted = permission.toLowerCase();
  return granted.some((entry) => {
    const have = entry.replace(/^https?:\/\/[^/]+\//, '').toLowerCase();
    return have === wanted || have === wanted.replace('.read.', '.readwrite.');
  });
}

type Missing = 'permission' | 'role' | 'token';

function whatIsMissing(service: ServiceResource, status: 401 | 403, said: { code?: string; message?: string }, requirement: OperationRequirement, context: AuthFailureContext): Missing {
  const kind = context.signInKind ?? 'delegated';
  const permission = kind === 'app-only' ? requirement.applicationPermission : requirement.delegatedPermission;
  const granted = context.grantedPermissions ? grants(context.grantedPermissions, permission) : undefined;
  // Graph's 401s mean the token itself was refused (expired, another cloud, another API). Exchange
  // answers 401 to a token without its permission.
  if (status === 401) return service === 'graph' ? 'token' : granted === true && requirement.role ? 'role' : 'permission';
  // A service that names the permission it wanted has said which one is missing.
  const namesPermission = (said.message ?? '').toLowerCase().includes(permission.toLowerCase());
  if (granted === false || !requirement.role || (granted === undefined && namesPermission)) return 'permission';
  if (granted === true) return 'role';
  if (kind === 'app-only') return 'permission';
  // Graph says so when the token carries no permission at all.
  return said.code === 'AccessDenied' || /scp or roles claim/i.test(said.message ?? '') ? 'permission' : 'role';
}

function permissionSentence(service: ServiceResource, requirement: OperationRequirement, context: AuthFailureContext): string {
  const appOnly = context.signInKind === 'app-only';
  const permission = appOnly ? requirement.applicationPermission : requirement.delegatedPermission;
  const app = context.clientId ? `The app ${context.clientId}` : "RoomReady's app registration";
  const sentence =
    `${app} needs the ${appOnly ? 'application' : 'delegated'} ${API_NAMES[service]} permission ${permission}, with admin consent. ` +
    `In the Microsoft Entra admin center → App registrations → ${context.clientId ?? 'the app'} → API permissions, add ${permission} and select "Grant admin consent"`;
  if (appOnly && service === 'exchange' && requirement.role) {
    return `${sentence}; then assign the ${requirement.role} role to the app itself (Roles & admins → ${requirement.role} → Add assignments → the app). Run again a few minutes later.`;
  }
  return `${sentence}; then ${appOnly ? 'run again (new app permissions take a few minutes to apply)' : 'sign in again'}.`;
}

function roleSentence(requirement: OperationRequirement, context: AuthFailureContext): string {
  const role = requirement.role!;
  const sentence =
    `The signed-in admin needs the ${role} role (or a broader one such as Global Administrator). ` +
    `In the Microsoft Entra admin center → Roles & admins → ${role} → Add assignments, assign it (or activate it in Privileged Identity Management), then sign in again.`;
  const permission = context.signInKind === 'app-only' ? requirement.applicationPermission : requirement.delegatedPermission;
  return context.grantedPermissions ? sentence : `${sentence} If the admin has it, grant admin consent for ${permission} to the app registration instead.`;
}

/**
 * The PermissionError for a 401/403 that `service` answered to `operation` (Graph: "METHOD url or
 * path"; Exchange: the cmdlet name), with the service's error body (object or JSON text).
 */
export function explainAuthFailure(service: ServiceResource, status: 401 | 403, body: unknown, operation: string, context: AuthFailureContext = {}): PermissionError {
  const requirement = findRequirement(service, operation) ?? FALLBACK_REQUIREMENTS[service];
  const said = serviceError(body);
  const { code, message } = said;
  const missing = whatIsMissing(service, status, said, requirement, context);
  const quoted = message ? ` ("${redactSecrets(message).slice(0, MAX_SERVICE_MESSAGE)}")` : '';
  const what = `${SERVICE_NAMES[service]} refused to ${requirement.action} (${redactSecrets(operation.trim()) || 'request'}): ${status}${code ? ` ${code}` : ''}${quoted}.`;

  if (missing === 'token') {
    return new PermissionError(
      `${what} The access token was not accepted: it expired, or it is for another cloud or another API. Sign in again, and check that --cloud matches the tenant's cloud.`,
      service,
      status,
    );
  }
  if (missing === 'role') return new PermissionError(`${what} ${roleSentence(requirement, context)}`, service, status, requirement.role);
  const permission = context.signInKind === 'app-only' ? requirement.applicationPermission : requirement.delegatedPermission;
  return new PermissionError(`${what} ${permissionSentence(service, requirement, context)}`, service, status, permission);
}
