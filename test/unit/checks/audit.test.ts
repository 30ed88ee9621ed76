// The audit's discovery over in-memory gateways: rooms by evidence (an enabled room-mailbox
// account, a Teams Rooms licence), a source that fails is reported rather than silently empty, and
// only reads are made.
import { describe, expect, it } from 'vitest';
import { auditTenant } from '../../../main/checks/audit.ts';
import type { ReadGateways } from '../../../main/checks/read-only.ts';
import { PermissionError, type GraphUser } from '../../../main/tenant/types.ts';
import { SKU } from './fixtures.ts';

const user = (upn: string, accountEnabled: boolean, skuIds: string[] = []): GraphUser => ({
  id: `id-${upn}`,
  userPrincipalName: upn,
  accountEnabled,
  assignedLicenses: skuIds.map((skuId) => ({ skuId, disabledPlans: [] })),
});

function fake(options: { refuseExchange?: boolean } = {}) {
  const calls: string[] = [];
  const users = new Map([
    ['enabled-room@contoso.com', user('enabled-room@contoso.com', true)],
    ['disabled-room@contoso.com', user('disabled-room@contoso.com', false)],
    ['licensed@contoso.com', user('licensed@contoso.com', true, [SKU.pro.skuId])],
  ]);
  const gateways: ReadGateways = {
    graph: {
      async getUsers(upns) {
        calls.push(`getUsers ${upns.join(',')}`);
        return new Map(upns.map((upn) => [upn, users.get(upn)]));
      },
      async findUsers(filter) {
        calls.push(`findUsers ${filter}`);
        return filter.includes(SKU.pro.skuId) ? [users.get('licensed@contoso.com')!] : [];
      },
      userMemberships: async () => ({ groupIds: [], roleTemplateIds: [] }),
      listSubscribedSkus: async () =>
        [SKU.pro, SKU.e5, { skuId: 'not-a-guid', skuPartNumber: 'Microsoft_Teams_Rooms_Basic' }].map((sku) => ({
          ...sku,
          appliesTo: 'User',
          capabilityStatus: 'Enabled',
          consumedUnits: 1,
          prepaidUnits: { enabled: 5, suspended: 0, warning: 0 },
        })),
      listConditionalAccessPolicies: async () => [],
    },
    exchange: {
      async invoke(cmdlet, parameters) {
        calls.push(`${cmdlet} ${JSON.stringify(parameters)}`);
        if (options.refuseExchange) throw new PermissionError('Exchange Online refused Get-Mailbox (403)', 'exchange', 403);
        if (cmdlet === 'Get-Mailbox' && parameters.RecipientTypeDetails === 'RoomMailbox') {
          return ['enabled-room@contoso.com', 'disabled-room@contoso.com'].map((upn) => ({ UserPrincipalName: upn, PrimarySmtpAddress: upn }));
        }
        return [];
      },
    },
  };
  return { gateways, calls };
}

describe('auditTenant', () => {
  it('finds enabled room accounts and Teams Rooms licence holders, not disabled room mailboxes', async () => {
    const { gateways, calls } = fake();
    const report = await auditTenant(gateways);
    expect(report.kind).toBe('audit');
    expect(report.rooms.map((room) => [room.upn, room.foundBy])).toEqual([
      ['enabled-room@contoso.com', ['room-mailboxes']],
      ['licensed@contoso.com', ['teams-rooms-licenses']],
    ]);
    // One query per Teams Rooms SKU the tenant has, by its GUID; a value that is not a GUID never reaches a filter.
    expect(calls.filter((call) => call.startsWith('findUsers'))).toEqual([`findUsers assignedLicenses/any(x:x/skuId eq ${SKU.pro.skuId})`]);
    expect(calls.find((call) => call.startsWith('Get-Mailbox {"RecipientTypeDetails"'))).toContain('"ResultSize":"Unlimited"');
    expect(calls.every((call) => /^(getUsers|findUsers|Get-)/.test(call))).toBe(true);
  });

  it('reports a discovery source it could not read, and still audits what the other found', async () => {
    const { gateways } = fake({ refuseExchange: true });
    const report = await auditTenant(gateways);
    expect(report.coverage.discovery).toEqual([
      { source: 'room-mailboxes', status: 'unavailable', found: 0, reason: expect.stringContaining('403') },
      { source: 'teams-rooms-licenses', status: 'read', found: 1 },
    ]);
    expect(report.rooms.map((room) => room.upn)).toEqual(['licensed@contoso.com']);
    expect(report.rooms[0]!.results.find((result) => result.id === 'mailbox.is-room')!.status).toBe('unknown');
  });
});
