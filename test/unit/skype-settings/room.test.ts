import { describe, expect, it } from 'vitest';
import { CONSOLE_ERAS, type ConsoleEra } from '../../../shared/console-era.ts';
import { MEETING_MODES, resolveRoom, SiteSchema, type Room, type SiteInput } from '../../../shared/model.ts';
import { TOPOLOGY_IDS, type MeetingMode, type TopologyId } from '../../../shared/topology.ts';
import {
  meetingModeFromSettings,
  parseSkypeSettingsXml,
  skypeSettingsForRoom,
  writeSkypeSettingsXml,
} from '../../../shared/skype-settings.ts';

const APP_VERSION: Record<ConsoleEra, string> = { 'srs-v2': '4.8', 'teams-4.9': '4.12.3.0', 'teams-4.17': '5.2.115.0' };

function roomAndSite(topology: TopologyId, era: ConsoleEra, room: Partial<Room> = {}, site: Partial<SiteInput> = {}) {
  const parsedSite = SiteSchema.parse({ name: 'HQ', topology, tenantDomain: 'contoso.com', defaults: { appVersion: APP_VERSION[era], registrarPool: 'pool01.contoso.com' }, ...site });
  const resolved = resolveRoom({ upn: 'boardroom@contoso.com', displayName: 'Boardroom', ...room }, parsedSite);
  return { room: resolved, site: parsedSite };
}

describe('skypeSettingsForRoom', () => {
  it('today: a Teams room signs in with its UPN, Teams only, and nothing else', () => {
    const { room, site } = roomAndSite('teams-online', 'teams-4.17');
    expect(skypeSettingsForRoom(room, site)).toEqual({
      'userAccount.skypeSignInAddress': 'boardroom@contoso.com',
      teamsMeetingsEnabled: true,
      sfbMeetingsEnabled: false,
      isTeamsDefaultClient: true,
    });
  });

  it('4.9: adds the Exchange address and modern authentication for online rooms', () => {
    const { room, site } = roomAndSite('teams-online', 'teams-4.9');
    expect(skypeSettingsForRoom(room, site)).toEqual({
      'userAccount.skypeSignInAddress': 'boardroom@contoso.com',
      'userAccount.exchangeAddress': 'boardroom@contoso.com',
      'userAccount.modernAuthEnabled': true,
      teamsMeetingsEnabled: true,
      sfbMeetingsEnabled: false,
      isTeamsDefaultClient: true,
    });
  });

  it('SfB Server on premises (SRS v2): domain user name, Exchange address, SfB only', () => {
    const { room, site } = roomAndSite('onprem', 'srs-v2', { alias: 'boardroom01' });
    expect(skypeSettingsForRoom(room, site, { netbiosDomain: 'CONTOSO' })).toEqual({
      'userAccount.skypeSignInAddress': 'boardroom@contoso.com',
      'userAccount.exchangeAddress': 'boardroom@contoso.com',
      'userAccount.domainUsername': 'CONTOSO\\boardroom01',
      teamsMeetingsEnabled: false,
      isTeamsDefaultClient: false,
    });
  });

  it('SfB Server: configures the Exchange domain when the SIP domain differs', () => {
    const { room, site } = roomAndSite('hybrid-exo-sfbserver', 'teams-4.9', { sipAddress: 'sip:boardroom@sip.contoso.net' });
    const settings = skypeSettingsForRoom(room, site);
    expect(settings['userAccount.configureDomain']).toBe('contoso.com');
    expect(settings['userAccount.modernAuthEnabled']).toBeUndefined();
    expect(meetingModeFromSettings(settings, 'teams-4.9')).toBe('sfb-default-with-teams');
    expect(skypeSettingsForRoom(room, site, { configureDomains: ['contoso.com', 'fabrikam.com'] })['userAccount.configureDomain']).toBe('contoso.com, fabrikam.com');
    // Same domains: nothing to configure.
    const same = roomAndSite('hybrid-exo-sfbserver', 'teams-4.9');
    expect(skypeSettingsForRoom(same.room, same.site)['userAccount.configureDomain']).toBeUndefined();
  });

  it('writes no domain elements where the era does not document them', () => {
    const { room, site } = roomAndSite('onprem', 'teams-4.17', { sipAddress: 'sip:boardroom@sip.contoso.net' });
    const settings = skypeSettingsForRoom(room, site, { netbiosDomain: 'CONTOSO', modernAuth: true });
    expect(Object.keys(settings).sort()).toEqual(['isTeamsDefaultClient', 'sfbMeetingsEnabled', 'teamsMeetingsEnabled', 'userAccount.skypeSignInAddress']);
  });

  it('includes the password only when asked to', () => {
    const { room, site } = roomAndSite('teams-online', 'teams-4.17');
    expect(skypeSettingsForRoom(room, site)).not.toHaveProperty('userAccount.password');
    expect(writeSkypeSettingsXml(skypeSettingsForRoom(room, site), 'teams-4.17')).not.toContain('Password');
    expect(skypeSettingsForRoom(room, site, { password: '' })).not.toHaveProperty('userAccount.password');
    const withPassword = skypeSettingsForRoom(room, site, { password: 'Pa$$<w0rd>' });
    expect(withPassword['userAccount.password']).toBe('Pa$$<w0rd>');
    expect(writeSkypeSettingsXml(withPassword, 'teams-4.17')).toContain('<Password>Pa$$&lt;w0rd&gt;</Password>');
  });

  it('takes the era from the site unless told otherwise', () => {
    const { room, site } = roomAndSite('teams-online', 'srs-v2');
    expect(skypeSettingsForRoom(room, site)).toHaveProperty('userAccount.exchangeAddress');
    expect(skypeSettingsForRoom(room, site, { era: 'teams-4.17' })).not.toHaveProperty('userAccount.exchangeAddress');
  });

  it("lets the room's account and meeting mode override site-wide settings", () => {
    const { room, site } = roomAndSite('teams-online', 'teams-4.17');
    const settings = skypeSettingsForRoom(room, site, { base: { dualScreenMode: true, teamsMeetingsEnabled: false, 'userAccount.skypeSignInAddress': 'other@contoso.com' } });
    expect(settings).toMatchObject({ dualScreenMode: true, teamsMeetingsEnabled: true, 'userAccount.skypeSignInAddress': 'boardroom@contoso.com' });
  });

  describe.each(TOPOLOGY_IDS)('%s', (topology) => {
    it.each(CONSOLE_ERAS.flatMap((era) => MEETING_MODES.map((mode) => [era, mode] as [ConsoleEra, MeetingMode])))(
      '%s, %s: writes, reads back the same, keeps the mode',
      (era, mode) => {
        const { room, site } = roomAndSite(topology, era, { meetingMode: mode, sipAddress: 'sip:boardroom@sip.contoso.net' });
        const settings = skypeSettingsForRoom(room, site, { netbiosDomain: 'CONTOSO', password: 'Secret-1' });
        const parsed = parseSkypeSettingsXml(writeSkypeSettingsXml(settings, era), { era });
        expect(parsed.settings).toEqual(settings);
        expect(parsed.problems.map((problem) => problem.code)).toEqual(['plain-text-password']);
        expect(meetingModeFromSettings(parsed.settings, era)).toBe(mode);
      },
    );
  });
});
