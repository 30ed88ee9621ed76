// 401/403 from Graph and Exchange, and sign-in errors, explained: which permission or admin role is
// missing and what to do — from the table, for every operation in it.
import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { explainAuthFailure, findRequirement } from '../../../main/auth/explain-auth-failure.ts';
import { explainSignInError } from '../../../main/auth/explain-sign-in-error.ts';
import { OPERATION_REQUIREMENTS, SIGN_IN_ERRORS } from '../../../main/auth/permission-table.ts';
import { PermissionError } from '../../../main/tenant/types.ts';

const INSUFFICIENT = { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.', innerError: { 'request-id': 'r' } } };
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

describe('explainAuthFailure: Graph', () => {
  it('after a delegated sign-in, a 403 on creating a user names the User Administrator role and how to assign it', () => {
    const error = explainAuthFailure('graph', 403, INSUFFICIENT, 'POST https://graph.microsoft.com/v1.0/users');
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ service: 'graph', status: 403, missing: 'User Administrator' });
    expect(error.message).toContain('Microsoft Graph refused to create the room account (POST https://graph.microsoft.com/v1.0/users): 403 Authorization_RequestDenied');
    expect(error.message).toContain('("Insufficient privileges to complete the operation.")');
    expect(error.message).toContain('Roles & admins → User Administrator → Add assignments');
    // Without the token's permissions, the other possibility is named too.
    expect(error.message).toContain('grant admin consent for User.ReadWrite.All');
  });

  it("names the permission when the token's own permissions lack it", () => {
    const error = explainAuthFailure('graph', 403, INSUFFICIENT, 'GET /subscribedSkus', {
      clientId: CLIENT_ID,
      grantedPermissions: ['User.ReadWrite.All', 'Place.ReadWrite.All'],
    });
    expect(error.missing).toBe('Organization.Read.All');
    expect(error.message).toContain(`The app ${CLIENT_ID} needs the delegated Microsoft Graph permission Organization.Read.All, with admin consent`);
    expect(error.message).toContain(`App registrations → ${CLIENT_ID} → API permissions`);
    expect(error.message).toContain('Grant admin consent');
  });

  it('names the role when the token has the permission, matching the path whatever the id or query', () => {
    const error = explainAuthFailure('graph', 403, JSON.stringify(INSUFFICIENT), 'POST https://graph.microsoft.us/v1.0/users/room-12%40contoso.com/assignLicense?x=1', {
      grantedPermissions: ['https://graph.microsoft.us/User.ReadWrite.All'],
    });
    expect(error.missing).toBe('License Administrator');
    expect(error.message).toContain('refused to assign a licence');
    expect(error.message).not.toContain('If the admin has it');
  });

  it('app-only: names the application permission (apps have no roles in Graph)', () => {
    const error = explainAuthFailure('graph', 403, INSUFFICIENT, 'PATCH /users/room@contoso.com', { signInKind: 'app-only', clientId: CLIENT_ID });
    expect(error.missing).toBe('User.ReadWrite.All');
    expect(error.message).toContain('needs the application Microsoft Graph permission User.ReadWrite.All');
    expect(error.message).toContain('run again');
  });

  it('a token without any permission is a missing permission even for a delegated sign-in', () => {
    const body = { error: { code: 'AccessDenied', message: 'Either scp or roles claim need to be present in the token.' } };
    expect(explainAuthFailure('graph', 403, body, 'PATCH /places/room@contoso.com').missing).toBe('Place.ReadWrite.All');
  });

  it('a 401 from Graph is a refused token: sign in again, check the cloud', () => {
    const error = explainAuthFailure('graph', 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } }, 'GET /users/a@b.com');
    expect(error.missing).toBeUndefined();
    expect(error.status).toBe(401);
    expect(error.message).toContain('Sign in again');
    expect(error.message).toContain('--cloud');
  });

  it('an operation outside the table still names the service permission', () => {
    const error = explainAuthFailure('graph', 403, undefined, 'DELETE /groups/x', { signInKind: 'app-only' });
    expect(error.missing).toBe('User.ReadWrite.All');
    expect(error.message).toContain('Microsoft Graph refused to call Microsoft Graph (DELETE /groups/x): 403.');
  });

  it('never repeats a token or secret that a service put in its error', () => {
    const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJVc2VyLlJlYWQifQ.c2lnbmF0dXJl';
    const body = { error: { code: 'Forbidden', message: `Bearer ${token} rejected; client_secret=planted-secret-0123` } };
    const error = explainAuthFailure('graph', 403, body, 'GET /domains');
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain('planted-secret-0123');
  });
});

describe('explainAuthFailure: Exchange', () => {
  it('a delegated 403 on New-Mailbox names the Exchange Administrator role', () => {
    const body = { error: { code: 'Forbidden', message: "The user isn't assigned to any management roles." } };
    const error = explainAuthFailure('exchange', 403, body, 'New-Mailbox');
    expect(error).toMatchObject({ service: 'exchange', status: 403, missing: 'Exchange Administrator' });
    expect(error.message).toContain('Exchange Online refused to create the room mailbox (New-Mailbox)');
  });

  it('an app-only 401 names Exchange.ManageAsApp and the role to assign to the app', () => {
    const error = explainAuthFailure('exchange', 401, '', 'InvokeCommand Set-CalendarProcessing', { signInKind: 'app-only', clientId: CLIENT_ID });
    expect(error.missing).toBe('Exchange.ManageAsApp');
    expect(error.message).toContain('application Office 365 Exchange Online permission Exchange.ManageAsApp');
    expect(error.message).toContain('assign the Exchange Administrator role to the app itself');
  });

  it('with Exchange.Manage in the token, a 403 is the role', () => {
    expect(explainAuthFailure('exchange', 403, {}, 'Set-Place', { grantedPermissions: ['Exchange.Manage'] }).missing).toBe('Exchange Administrator');
  });
});

describe('the table', () => {
  it.each(OPERATION_REQUIREMENTS.map((entry) => [entry.service, entry.operation, entry] as const))('%s %s: a 403 names what it needs', (service, operation, entry) => {
    const concrete = operation.replaceAll('{id}', 'room-1%40contoso.com');
    expect(findRequirement(service, concrete)).toBe(entry);
    const appOnly = explainAuthFailure(service, 403, INSUFFICIENT, concrete, { signInKind: 'app-only', grantedPermissions: [] });
    expect(appOnly.missing).toBe(entry.applicationPermission);
    expect(appOnly.message).toContain(entry.action);
    const delegated = explainAuthFailure(service, 403, INSUFFICIENT, concrete, { grantedPermissions: [entry.delegatedPermission] });
    expect(delegated.missing).toBe(entry.role ?? entry.delegatedPermission);
  });
});

describe('explainSignInError', () => {
  const context = {
    resource: 'graph' as const,
    scopes: ['https://graph.microsoft.com/User.ReadWrite.All', 'https://graph.microsoft.com/Organization.Read.All', 'offline_access'],
    clientId: CLIENT_ID,
    tenant: 'contoso.onmicrosoft.com',
    cloud: 'Microsoft 365 (worldwide, including GCC)',
    secretVariable: 'ROOMREADY_CLIENT_SECRET',
  };

  it('AADSTS65001: consent missing for the permissions asked for', () => {
    const error = explainSignInError(new ServerError('invalid_grant', 'c', 'AADSTS65001: The user or administrator has not consented to use the application.', 'consent_required'), context)!;
    expect(error).toMatchObject({ status: 403, missing: 'User.ReadWrite.All, Organization.Read.All' });
    expect(error.message).toContain(`Sign-in failed (AADSTS65001): the app ${CLIENT_ID} has not been granted consent for User.ReadWrite.All, Organization.Read.All in tenant contoso.onmicrosoft.com`);
    expect(error.message).toContain('Grant admin consent');
  });

  it('AADSTS50076: multi-factor authentication needed, sign in interactively', () => {
    const error = explainSignInError(new InteractionRequiredAuthError('invalid_grant', 'c', 'AADSTS50076: Due to a configuration change ... you must use multi-factor authentication', 'basic_action'), context)!;
    expect(error).toMatchObject({ status: 401, missing: 'multi-factor authentication' });
    expect(error.message).toContain('Sign in again interactively');
  });

  it('AADSTS700016: unknown app, check the client ID, tenant and cloud', () => {
    const error = explainSignInError(new ServerError('unauthorized_client', 'c', "AADSTS700016: Application with identifier 'x' was not found"), context)!;
    expect(error.message).toContain(`no app with client ID ${CLIENT_ID} is registered in tenant contoso.onmicrosoft.com (Microsoft 365 (worldwide, including GCC))`);
    expect(error.message).toContain('--client-id, --tenant and --cloud');
  });

  it('AADSTS7000215: bad secret, named by the variable it came from, never by its value', () => {
    const error = explainSignInError(new ServerError('invalid_client', 'c', 'AADSTS7000215: Invalid client secret provided.'), { ...context, credential: 'client-secret' })!;
    expect(error.missing).toBe('a valid client secret');
    expect(error.message).toContain('the client secret in ROOMREADY_CLIENT_SECRET is not a valid secret');
    expect(error.message).toContain('its Value (not its Secret ID)');
  });

  it('an invalid_client without a code is read according to the credential', () => {
    const bare = new ServerError('invalid_client', 'c', 'invalid_client');
    expect(explainSignInError(bare, { ...context, credential: 'certificate' })!.message).toContain('AADSTS700027');
    expect(explainSignInError(bare, { ...context, credential: 'client-secret' })!.message).toContain('AADSTS7000215');
  });

  it('every table entry fills in its placeholders', () => {
    for (const code of Object.keys(SIGN_IN_ERRORS)) {
      const error = explainSignInError(new ServerError('invalid_grant', 'c', `${code}: something`), context)!;
      expect(error.message, code).toContain(`(${code})`);
      expect(error.message, code).not.toMatch(/\{\w+\}/);
    }
  });

  it('leaves codes it does not know to the caller', () => {
    expect(explainSignInError(new ServerError('invalid_request', 'c', 'AADSTS900144: missing parameter'), context)).toBeUndefined();
    expect(explainSignInError(new Error('socket hang up'), context)).toBeUndefined();
  });
});

describe('explainAuthFailure: what the service says', () => {
  it('a 403 that names the missing permission is read as the permission, not the role', () => {
    const body = { error: { code: 'Forbidden', message: 'The token does not carry the Exchange.Manage permission of Office 365 Exchange Online.' } };
    expect(explainAuthFailure('exchange', 403, body, 'Get-Mailbox').missing).toBe('Exchange.Manage');
  });
});
