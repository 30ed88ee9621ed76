// Licences: the PasswordPolicies token rule (the peer auditors' -contains bug), SKU families, and
// the tenant's Basic count.
import { describe, expect, it } from 'vitest';
import { basicLicenseUse, evaluateRoom, evaluateTenant, observed, type CheckId, type RoomObservation } from '../../../shared/checks.ts';
import { BASIC_LICENSE_TENANT_LIMIT } from '../../../shared/licenses.ts';
import { TOPOLOGIES } from '../../../shared/topology.ts';
import { ROOM, SKU, changed, expectations, goodObservation, goodTenant } from './fixtures.ts';

const result = (observation: RoomObservation, id: CheckId, room = ROOM) => evaluateRoom(expectations('teams-online', room), observation).find((r) => r.id === id)!;

describe('password never expires: passwordPolicies is a comma-separated list', () => {
  it.each([
    ['DisablePasswordExpiration', 'passed'],
    ['DisableStrongPassword, DisablePasswordExpiration', 'passed'],
    ['DisablePasswordExpiration,DisableStrongPassword', 'passed'],
    ['disablepasswordexpiration', 'passed'],
    ['DisableStrongPassword', 'failed'],
    ['DisablePasswordExpirationLater', 'failed'],
    ['', 'failed'],
    [null, 'failed'],
  ] as const)('%j is %s', (policies, status) => {
    expect(result(changed(goodObservation(), 'user', { passwordPolicies: policies }), 'account.password-never-expires').status).toBe(status);
  });

  it('the fix keeps the policies already set (Graph replaces the whole list)', () => {
    const fix = result(changed(goodObservation(), 'user', { passwordPolicies: 'DisableStrongPassword' }), 'account.password-never-expires').remediation!;
    expect(fix.powershell).toBe("Update-MgUser -UserId 'mtr-rainier@contoso.com' -PasswordPolicies 'DisableStrongPassword, DisablePasswordExpiration'");
  });
});

describe('forced password change', () => {
  it('is unknown when Graph does not say (passwordProfile null or absent), never passed', () => {
    expect(result(changed(goodObservation(), 'user', { passwordProfile: null }), 'account.no-forced-change').status).toBe('unknown');
    expect(result(changed(goodObservation(), 'user', { passwordProfile: undefined }), 'account.no-forced-change').status).toBe('unknown');
    expect(result(changed(goodObservation(), 'user', { passwordProfile: { forceChangePasswordNextSignIn: true } }), 'account.no-forced-change').status).toBe('failed');
  });

  it('the fix reads the password without echoing it and writes no password down', () => {
    const fix = result(changed(goodObservation(), 'user', { passwordProfile: { forceChangePasswordNextSignIn: true } }), 'account.no-forced-change').remediation!;
    expect(fix.powershell).toContain('Read-Host -AsSecureString');
    expect(fix.powershell).toContain('ForceChangePasswordNextSignIn = $false');
    expect(fix.portal).toContain('Reset password');
  });
});

describe('Teams Rooms licence', () => {
  const withLicenses = (...skuIds: string[]) => changed(goodObservation(), 'user', { assignedLicenses: skuIds.map((skuId) => ({ skuId })) });

  it('a legacy Standard licence works but warns', () => {
    const legacy = result(withLicenses(SKU.standard.skuId), 'license.teams-rooms', { ...ROOM, license: undefined });
    expect(legacy.status).toBe('warning');
    expect(legacy.message).toContain('legacy');
  });

  it('Basic where the site asks for Pro warns and names both', () => {
    const other = result(withLicenses(SKU.basic.skuId), 'license.teams-rooms');
    expect(other.status).toBe('warning');
    expect(other.message).toContain('Microsoft_Teams_Rooms_Basic');
    expect(other.message).toContain('Microsoft_Teams_Rooms_Pro');
  });

  it('a user suite instead of a room licence fails both licence checks', () => {
    const observation = withLicenses(SKU.e5.skuId);
    expect(result(observation, 'license.teams-rooms').status).toBe('failed');
    const suite = result(observation, 'license.not-user-suite');
    expect(suite.status).toBe('failed');
    expect(suite.message).toContain('SPE_E5');
    expect(suite.remediation!.powershell).toBe(`Set-MgUserLicense -UserId 'mtr-rainier@contoso.com' -AddLicenses @() -RemoveLicenses @('${SKU.e5.skuId}')`);
  });

  it('names a skuId the tenant does not list by the SKU table, or shows the id', () => {
    const tenantWithoutPro = { ...goodTenant(), subscribedSkus: observed([]) };
    expect(result({ ...withLicenses(SKU.pro.skuId), tenant: tenantWithoutPro }, 'license.teams-rooms').status).toBe('passed');
    const unknownSku = result(withLicenses('00000000-0000-4000-8000-00000000dead'), 'license.teams-rooms');
    expect(unknownSku.status).toBe('failed');
    expect(unknownSku.evidence.observed).toEqual(['00000000-0000-4000-8000-00000000dead']);
  });

  it('the fix looks the SKU up by part number, never a hard-coded id', () => {
    const fix = result(withLicenses(), 'license.teams-rooms').remediation!;
    expect(fix.powershell).toContain("Where-Object { $_.SkuPartNumber -eq 'Microsoft_Teams_Rooms_Pro' }");
    expect(fix.powershell).not.toContain(SKU.pro.skuId);
  });
});

describe('Basic count (tenant)', () => {
  const tenantWithBasic = (...consumed: number[]) => ({
    ...goodTenant(),
    subscribedSkus: observed([
      { ...SKU.pro, consumedUnits: 40, prepaidUnits: { enabled: 50 } },
      { ...SKU.basic, consumedUnits: consumed[0] ?? 0, prepaidUnits: { enabled: 25 } },
      { skuId: 'a4e376bd-c61e-4618-9901-3fc0cb1b88bb', skuPartNumber: 'Microsoft_Teams_Rooms_Basic_FAC', consumedUnits: consumed[1] ?? 0, prepaidUnits: { enabled: 25 } },
    ]),
  });
  const basic = (tenant: ReturnType<typeof tenantWithBasic>) => evaluateTenant(TOPOLOGIES['teams-online'], tenant).find((r) => r.id === 'license.basic-count')!;

  it(`passes at ${BASIC_LICENSE_TENANT_LIMIT}, fails above, counting every Basic SKU and no Pro`, () => {
    expect(basic(tenantWithBasic(BASIC_LICENSE_TENANT_LIMIT)).status).toBe('passed');
    expect(basic(tenantWithBasic(20, 6)).status).toBe('failed');
    expect(basic(tenantWithBasic(20, 6)).message).toContain('26');
    expect(basicLicenseUse([{ ...SKU.pro, consumedUnits: 99, prepaidUnits: { enabled: 99 } }]).total).toBe(0);
  });

  it('runs once per report, not per room', () => {
    expect(evaluateRoom(expectations(), goodObservation()).map((r) => r.id)).not.toContain('license.basic-count');
  });
});
