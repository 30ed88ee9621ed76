// Each check passes on a correct room, fails (or warns) on exactly its own misconfiguration, and is
// unknown (never passed) when what it reads could not be read.
import { describe, expect, it } from 'vitest';
import {
  CHECKS,
  checkById,
  evaluateRoom,
  evaluateTenant,
  observed,
  roomChecksFor,
  unavailable,
  type CheckId,
  type CheckResult,
  type RoomObservation,
} from '../../../shared/checks.ts';
import { TOPOLOGIES } from '../../../shared/topology.ts';
import { FORBIDDEN, ROOM, SKU, UPN, changed, expectations, goodObservation, goodTenant, tenantChanged } from './fixtures.ts';

const notPassed = (results: readonly CheckResult[]) => results.filter((result) => result.status !== 'passed');
const resultOf = (results: readonly CheckResult[], id: CheckId) => results.find((result) => result.id === id);

describe('a correctly provisioned room', () => {
  it('passes every room check of its topology, and the tenant checks', () => {
    const results = evaluateRoom(expectations(), goodObservation());
    expect(notPassed(results)).toEqual([]);
    expect(results.map((result) => result.id).sort()).toEqual(roomChecksFor(expectations()).map((check) => check.id).sort());
    // Every room check that reads only Exchange Online or Graph applies to teams-online.
    expect(results).toHaveLength(CHECKS.filter((check) => check.scope === 'room' && check.topologies.includes('teams-online')).length);
    expect(notPassed(evaluateTenant(TOPOLOGIES['teams-online'], goodTenant()))).toEqual([]);
  });
});

const good = goodObservation();

/** One misconfiguration each, as admins leave them (peers.md §3). */
const MISCONFIGURED: Array<[CheckId, string, RoomObservation]> = [
  ['mailbox.is-room', 'a user mailbox', changed(good, 'mailbox', { RecipientTypeDetails: 'UserMailbox' })],
  ['mailbox.is-room', 'a shared mailbox', changed(good, 'mailbox', { RecipientTypeDetails: 'SharedMailbox' })],
  ['calendar.auto-accept', 'AutomateProcessing AutoUpdate (the default)', changed(good, 'calendar', { AutomateProcessing: 'AutoUpdate' })],
  ['calendar.keep-comments', 'DeleteComments True', changed(good, 'calendar', { DeleteComments: true })],
  ['calendar.keep-subject', 'DeleteSubject True', changed(good, 'calendar', { DeleteSubject: true })],
  ['calendar.keep-private', 'RemovePrivateProperty True', changed(good, 'calendar', { RemovePrivateProperty: true })],
  ['calendar.organizer-not-in-subject', 'AddOrganizerToSubject True', changed(good, 'calendar', { AddOrganizerToSubject: true })],
  ['calendar.external-invites', 'ProcessExternalMeetingMessages False', changed(good, 'calendar', { ProcessExternalMeetingMessages: false })],
  ['account.sign-in-not-blocked', 'accountEnabled false', changed(good, 'user', { accountEnabled: false })],
  ['account.password-never-expires', 'no password policy', changed(good, 'user', { passwordPolicies: null })],
  ['account.password-never-expires', 'only DisableStrongPassword', changed(good, 'user', { passwordPolicies: 'DisableStrongPassword' })],
  ['account.no-forced-change', 'forceChangePasswordNextSignIn true', changed(good, 'user', { passwordProfile: { forceChangePasswordNextSignIn: true } })],
  ['identity.upn-equals-smtp', 'the primary SMTP address on another domain', changed(good, 'mailbox', { PrimarySmtpAddress: 'mtr-rainier@contoso.onmicrosoft.com' })],
  ['license.usage-location', 'no usage location', changed(good, 'user', { usageLocation: null })],
  ['license.teams-rooms', 'no licence', changed(good, 'user', { assignedLicenses: [] })],
  ['license.not-user-suite', 'Microsoft 365 E5 beside Pro', changed(good, 'user', { assignedLicenses: [{ skuId: SKU.pro.skuId }, { skuId: SKU.e5.skuId }] })],
  ['license.not-user-suite', 'Shared Devices beside Pro', changed(good, 'user', { assignedLicenses: [{ skuId: SKU.pro.skuId }, { skuId: SKU.sharedDevices.skuId }] })],
  [
    'security.no-mfa-or-device-ca',
    'outside the group the MFA policy excludes',
    { ...good, memberships: observed({ groupIds: ['another-group'], roleTemplateIds: [] }) },
  ],
  ['places.room-list', 'in no room list', tenantChanged(good, { roomLists: observed([{ name: 'Building 7 Rooms', primarySmtpAddress: 'b7@contoso.com', members: [] }]) })],
  ['places.metadata', 'capacity 10 where the site says 12', changed(good, 'place', { Capacity: 10 })],
];

describe('each misconfiguration makes exactly its check fail', () => {
  it.each(MISCONFIGURED)('%s: %s', (id, _what, observation) => {
    const results = evaluateRoom(expectations(), observation);
    const problems = notPassed(results);
    expect(problems.map((result) => result.id)).toEqual([id]);
    const [problem] = problems;
    expect(problem!.status).toBe(checkById(id).severity === 'fail' ? 'failed' : 'warning');
    expect(problem!.message).toContain(checkById(id).breaks);
    expect(problem!.remediation?.text.length).toBeGreaterThan(0);
    expect(problem!.evidence.observed).not.toEqual(problem!.evidence.expected);
  });

  it('every room check of teams-online has a misconfiguration above', () => {
    const covered = new Set(MISCONFIGURED.map(([id]) => id));
    expect(roomChecksFor(expectations()).map((check) => check.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('no mailbox: mailbox.is-room fails and the checks that read the mailbox say why they are unknown', () => {
    const results = evaluateRoom(expectations(), { ...changed(changed(good, 'mailbox', undefined), 'calendar', undefined), place: observed(undefined) });
    expect(resultOf(results, 'mailbox.is-room')!.status).toBe('failed');
    for (const id of ['calendar.keep-comments', 'identity.upn-equals-smtp'] as const) {
      expect(resultOf(results, id)!.status).toBe('unknown');
      expect(resultOf(results, id)!.reason).toContain('no mailbox');
    }
    expect(notPassed(results).filter((result) => result.status === 'failed').map((result) => result.id)).toEqual(['mailbox.is-room']);
  });

  it('no Entra ID account: sign-in fails, the other account checks are unknown rather than failed twice', () => {
    const results = evaluateRoom(expectations(), changed(good, 'user', undefined));
    expect(notPassed(results).filter((result) => result.status === 'failed').map((result) => result.id)).toEqual(['account.sign-in-not-blocked']);
    expect(resultOf(results, 'license.teams-rooms')!.status).toBe('unknown');
  });
});

describe('topology-specific checks', () => {
  it('Exchange Server topologies check the room mailbox account; Exchange Online ones read it in Entra ID instead', () => {
    expect(roomChecksFor(expectations('teams-online')).map((check) => check.id)).not.toContain('mailbox.account-enabled');
    const onprem = { ...ROOM, registrarPool: 'pool01.contoso.com' };
    const results = evaluateRoom(expectations('onprem', onprem), changed(goodObservation(), 'mailbox', { RoomMailboxAccountEnabled: false }));
    expect(resultOf(results, 'mailbox.account-enabled')!.status).toBe('failed');
    expect(resultOf(results, 'mailbox.account-enabled')!.remediation!.powershell).toContain('-EnableRoomMailboxAccount:$true');
  });

  it('hybrid topologies check the Active Directory account; unreadable from here, it is unknown with the on-premises command', () => {
    const hybrid = { ...ROOM, registrarPool: 'pool01.contoso.com' };
    const observation = { ...goodObservation(), activeDirectory: unavailable('Active Directory is on premises') };
    const results = evaluateRoom(expectations('hybrid-exo-sfbserver', hybrid), observation);
    for (const id of ['account.enabled', 'account.password-never-expires-on-premises'] as const) {
      const result = resultOf(results, id)!;
      expect(result.status).toBe('unknown');
      expect(result.remediation!.powershell).toMatch(/^Get-ADUser -Filter 'UserPrincipalName -eq \$Upn'/);
    }
    const disabled = evaluateRoom(expectations('hybrid-exo-sfbserver', hybrid), changed(goodObservation(), 'activeDirectory', { Enabled: false }));
    expect(resultOf(disabled, 'account.enabled')!.status).toBe('failed');
    expect(resultOf(disabled, 'account.enabled')!.remediation!.powershell).toContain(`$Upn = '${UPN}'`);
  });

  it('Skype for Business topologies check SIP = UPN; Teams-only ones do not', () => {
    expect(roomChecksFor(expectations('teams-online')).map((check) => check.id)).not.toContain('identity.sip-equals-upn');
    const hybrid = { ...ROOM, registrarPool: 'pool01.contoso.com' };
    const pass = evaluateRoom(expectations('hybrid-exo-sfbserver', hybrid), goodObservation());
    expect(resultOf(pass, 'identity.sip-equals-upn')!.status).toBe('passed');
    const other = evaluateRoom(expectations('hybrid-exo-sfbserver', hybrid), changed(goodObservation(), 'user', { proxyAddresses: [`SMTP:${UPN}`, 'SIP:rainier@contoso.com'] }));
    const result = resultOf(other, 'identity.sip-equals-upn')!;
    expect(result.status).toBe('warning');
    expect(result.remediation!.powershell).toBe(`Set-CsMeetingRoom -Identity '${UPN}' -SipAddress 'sip:${UPN}'`);
    const none = evaluateRoom(expectations('hybrid-exo-sfbserver', hybrid), changed(goodObservation(), 'user', { proxyAddresses: [`SMTP:${UPN}`] }));
    expect(resultOf(none, 'identity.sip-equals-upn')!.status).toBe('warning');
  });

  it('Places details are only compared when the site gives them', () => {
    const bare = expectations('teams-online', { upn: UPN, displayName: 'Rainier' });
    expect(roomChecksFor(bare).map((check) => check.id)).not.toContain('places.metadata');
    expect(roomChecksFor(expectations()).map((check) => check.id)).toContain('places.metadata');
  });
});

describe('a read that failed makes its checks unknown, never passed', () => {
  const cases = roomChecksFor(expectations()).flatMap((check) => check.reads.map((read) => [check.id, read] as const));

  it.each(cases)('%s is unknown when %s is unavailable', (id, read) => {
    const reason = `HTTP 403 for ${read}`;
    const observation: RoomObservation =
      read === 'subscribedSkus' || read === 'conditionalAccess' || read === 'roomLists'
        ? tenantChanged(good, { [read]: unavailable(reason) })
        : { ...good, [read]: unavailable(reason) };
    const result = resultOf(evaluateRoom(expectations(), observation), id)!;
    expect(result.status).toBe('unknown');
    expect(result.reason).toContain(reason);
    expect(result.message).toContain(reason);
    expect(result.remediation, 'unknown results say how to check by hand').toBeDefined();
  });

  it('with nothing readable, no check passes', () => {
    const tenant = { subscribedSkus: FORBIDDEN, conditionalAccess: FORBIDDEN, roomLists: FORBIDDEN };
    const nothing: RoomObservation = {
      upn: UPN,
      mailbox: FORBIDDEN,
      calendar: FORBIDDEN,
      place: FORBIDDEN,
      user: FORBIDDEN,
      memberships: FORBIDDEN,
      activeDirectory: FORBIDDEN,
      tenant,
    };
    const results = [...evaluateRoom(expectations(), nothing), ...evaluateTenant(TOPOLOGIES['teams-online'], tenant)];
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(['unknown']));
  });

  it('an unreadable optional read matters only when the decision needs it', () => {
    // The MFA policy excludes a group: without memberships the exclusion cannot be confirmed.
    const unknownMembership = { ...good, memberships: unavailable('memberships are not read') };
    const result = resultOf(evaluateRoom(expectations(), unknownMembership), 'security.no-mfa-or-device-ca')!;
    expect(result.status).toBe('unknown');
    expect(result.reason).toContain('Require MFA for all users');
    // A policy that excludes the room by its own id needs no membership.
    const byId = tenantChanged(unknownMembership, {
      conditionalAccess: observed([
        {
          id: 'p',
          displayName: 'MFA',
          state: 'enabled',
          conditions: { users: { includeUsers: ['All'], excludeUsers: ['A1B2C3D4-0000-4000-8000-000000000002'] } },
          grantControls: { operator: 'OR', builtInControls: ['mfa'] },
        },
      ]),
    });
    expect(resultOf(evaluateRoom(expectations(), byId), 'security.no-mfa-or-device-ca')!.status).toBe('passed');
  });
});

describe('room lists name members by primary SMTP address', () => {
  it('a room whose SMTP address differs from its UPN is still found in its list (only the identity check fails)', () => {
    const smtp = 'rainier@contoso.com';
    const observation = tenantChanged(changed(good, 'mailbox', { PrimarySmtpAddress: smtp }), {
      roomLists: observed([{ name: 'Building 7 Rooms', primarySmtpAddress: 'b7@contoso.com', members: [smtp] }]),
    });
    expect(notPassed(evaluateRoom(expectations(), observation)).map((result) => result.id)).toEqual(['identity.upn-equals-smtp']);
  });
});
