// How scopes name a service and a cloud, and how Exchange binds cmdlet parameter values.
import { describe, expect, it } from 'vitest';
import { coerceBoolean, coerceCalendarValue, coerceEnum, coerceInt } from '../../../main/simulator/exchange/values.ts';
import { resolveScopes } from '../../../main/simulator/identity/resources.ts';

describe('scopes', () => {
  it('name one service in one cloud', () => {
    expect(resolveScopes('https://graph.microsoft.com/User.ReadWrite.All openid offline_access')).toMatchObject({ resource: 'graph', audience: 'https://graph.microsoft.com', permissions: ['User.ReadWrite.All'], oidc: ['openid', 'offline_access'] });
    expect(resolveScopes('https://dod-graph.microsoft.us/.default')).toMatchObject({ resource: 'graph', audience: 'https://dod-graph.microsoft.us', cloud: { id: 'usgovdod' } });
    expect(resolveScopes('https://partner.outlook.cn/Exchange.Manage')).toMatchObject({ resource: 'exchange', cloud: { id: 'china' } });
    expect(resolveScopes('User.Read')).toMatchObject({ resource: 'graph', permissions: ['User.Read'] });
    expect(resolveScopes('openid profile')).toMatchObject({ resource: 'graph', permissions: [] });
    expect(resolveScopes('00000002-0000-0ff1-ce00-000000000000/.default')).toMatchObject({ resource: 'exchange' });
  });

  it('refuse two services, unknown resources and no scope', () => {
    expect(resolveScopes('https://graph.microsoft.com/.default https://outlook.office365.com/.default')).toMatchObject({ kind: 'multiple' });
    expect(resolveScopes('https://api.example.com/.default')).toEqual({ kind: 'unknown-resource', resource: 'https://api.example.com' });
    expect(resolveScopes('')).toEqual({ kind: 'missing' });
  });
});

describe('cmdlet parameter binding', () => {
  it('takes booleans or 0/1 for Boolean parameters, as PowerShell does', () => {
    expect(coerceBoolean('DeleteComments', false)).toEqual({ ok: true, value: false });
    expect(coerceBoolean('DeleteComments', 1)).toEqual({ ok: true, value: true });
    expect(coerceBoolean('DeleteComments', 'False')).toMatchObject({ ok: false, message: expect.stringContaining("parameter 'DeleteComments'") });
  });

  it('takes numbers or numeric text for Int32, and enum names without case', () => {
    expect(coerceInt('BookingWindowInDays', '365')).toEqual({ ok: true, value: 365 });
    expect(coerceInt('BookingWindowInDays', 'a year').ok).toBe(false);
    expect(coerceEnum('AutomateProcessing', 'autoaccept', ['None', 'AutoUpdate', 'AutoAccept'])).toEqual({ ok: true, value: 'AutoAccept' });
    expect(coerceCalendarValue('BookInPolicy', 'someone@contoso.com')).toEqual({ ok: true, value: ['someone@contoso.com'] });
    expect(coerceCalendarValue('Teleport', true).ok).toBe(false);
  });
});
