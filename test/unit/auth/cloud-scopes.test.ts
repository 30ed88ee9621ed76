// Each cloud profile decides where MSAL signs in and which scopes it asks for.
import { describe, expect, it } from 'vitest';
import { authorityFor, checkTenant, cloudProfile, scopesFor } from '../../../main/auth/cloud-scopes.ts';
import { CLOUDS, GRAPH_DELEGATED_PERMISSIONS } from '../../../shared/clouds.ts';

describe('authority and scopes per cloud', () => {
  it.each([
    ['global', 'https://login.microsoftonline.com/contoso.onmicrosoft.com', 'https://graph.microsoft.com', 'https://outlook.office365.com'],
    ['usgov', 'https://login.microsoftonline.us/contoso.onmicrosoft.com', 'https://graph.microsoft.us', 'https://outlook.office365.us'],
    ['usgovdod', 'https://login.microsoftonline.us/contoso.onmicrosoft.com', 'https://dod-graph.microsoft.us', 'https://webmail.apps.mil'],
    ['china', 'https://login.chinacloudapi.cn/contoso.onmicrosoft.com', 'https://microsoftgraph.chinacloudapi.cn', 'https://partner.outlook.cn'],
    ['simulated', 'https://login.microsoftonline.com/contoso.onmicrosoft.com', 'https://graph.microsoft.com', 'https://outlook.office365.com'],
  ])('%s: authority %s, scopes on %s and %s', (id, authority, graph, exchange) => {
    const cloud = cloudProfile(id);
    expect(authorityFor(cloud, 'contoso.onmicrosoft.com')).toBe(authority);
    expect(scopesFor(cloud, 'app-only', 'graph')).toEqual([`${graph}/.default`]);
    expect(scopesFor(cloud, 'app-only', 'exchange')).toEqual([`${exchange}/.default`]);
    expect(scopesFor(cloud, 'delegated', 'graph')).toEqual(GRAPH_DELEGATED_PERMISSIONS.map((permission) => `${graph}/${permission}`));
    expect(scopesFor(cloud, 'delegated', 'exchange')).toEqual([`${exchange}/Exchange.Manage`]);
  });

  it('knows every cloud of shared/clouds.ts and refuses others by name', () => {
    for (const id of Object.keys(CLOUDS)) expect(cloudProfile(id).id).toBe(id);
    expect(() => cloudProfile('germany')).toThrow('Unknown cloud "germany". Use one of: global, usgov, usgovdod, china, simulated.');
  });

  it('accepts tenant IDs and domains, refuses what would change the authority URL', () => {
    expect(checkTenant('72f988bf-86f1-41af-91ab-2d7cd011db47', 'app-only')).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(checkTenant('contoso.onmicrosoft.com', 'delegated')).toBe('contoso.onmicrosoft.com');
    for (const bad of ['contoso.com/../common', 'contoso.com?x=1', 'contoso com', '']) expect(() => checkTenant(bad, 'delegated')).toThrow(/is not a tenant/);
  });

  it('requires a real tenant for app-only sign-in', () => {
    expect(checkTenant('organizations', 'delegated')).toBe('organizations');
    expect(() => checkTenant('organizations', 'app-only')).toThrow(/App-only sign-in needs the tenant itself/);
  });
});
