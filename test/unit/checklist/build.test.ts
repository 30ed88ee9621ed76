import { describe, expect, it } from 'vitest';
import { buildConsoleChecklist, PASSWORD_DESCRIPTION, type ChecklistItem, type ConsoleChecklist } from '../../../shared/checklist.ts';
import type { ConsoleEra } from '../../../shared/console-era.ts';
import type { TopologyId } from '../../../shared/topology.ts';
import { COMBINATIONS, OU, POOL, roomIn, siteFor, UPN } from './helpers.ts';

const sectionIds = (checklist: ConsoleChecklist): string[] => checklist.sections.map((section) => section.id);
const items = (checklist: ConsoleChecklist): ChecklistItem[] => checklist.sections.flatMap((section) => section.items);
const item = (checklist: ConsoleChecklist, id: string) => items(checklist).find((candidate) => candidate.id === id);
const firstRunIds = (checklist: ConsoleChecklist) => checklist.sections.find((section) => section.id === 'first-run')!.items.map((i) => i.id);
const valueOf = (entry: ChecklistItem | undefined, label: string) => entry?.values.find((value) => value.label === label);

/** The installer's order (mtr-facts.md §4.1–4.9, the settings file before the final checks, sign-off last). */
const ORDER = [
  'installation-media',
  'imaging',
  'first-run',
  'certificates',
  'domain-join',
  'windows-settings',
  'console-settings',
  'post-setup-application',
  'post-setup-audio-video',
  'post-setup-dock-console',
  'network',
  'management',
  'sign-off',
];
const ALWAYS = [
  'installation-media',
  'imaging',
  'first-run',
  'windows-settings',
  'console-settings',
  'post-setup-application',
  'post-setup-audio-video',
  'post-setup-dock-console',
  'network',
  'management',
  'sign-off',
];

/** Written out per topology rather than derived, so a change to TOPOLOGIES that moves them fails here. */
const HAS_PRIVATE_CA: Record<TopologyId, boolean> = {
  'teams-online': false,
  online: false,
  onprem: true,
  'hybrid-exo-sfbserver': true,
  'hybrid-exchange-onprem-sfbonline': true,
};
const HAS_DOMAIN_JOIN = HAS_PRIVATE_CA;
const USES_SFB_SERVER: Record<TopologyId, boolean> = {
  'teams-online': false,
  online: false,
  onprem: true,
  'hybrid-exo-sfbserver': true,
  'hybrid-exchange-onprem-sfbonline': false,
};
const MEETING_MODE_LABEL: Record<TopologyId, string> = {
  'teams-online': 'Microsoft Teams Only',
  online: 'Microsoft Teams Only',
  onprem: 'Skype for Business Only',
  'hybrid-exo-sfbserver': 'Skype for Business (default) and Microsoft Teams',
  'hybrid-exchange-onprem-sfbonline': 'Microsoft Teams Only',
};

/** The first-run screens in order; other first-run items (pre-checks) may sit before them. */
function expectedScreens(topology: TopologyId, era: ConsoleEra): string[] {
  switch (era) {
    case 'srs-v2':
      return [
        'first-run.srs.user-account',
        'first-run.password',
        ...(USES_SFB_SERVER[topology] ? ['first-run.srs.configure-domain'] : []),
        'first-run.next',
        'first-run.srs.features',
        'first-run.finish',
      ];
    case 'teams-4.9':
      return [
        'first-run.teams.user-account',
        'first-run.password',
        'first-run.teams.meeting-mode',
        'first-run.teams.modern-authentication',
        'first-run.next',
        'first-run.teams.advanced-blank',
        'first-run.teams.next-after-advanced',
        'first-run.finish',
      ];
    case 'teams-4.17':
      return [
        'first-run.current.get-started',
        'first-run.current.device-verification',
        'first-run.current.eula',
        'first-run.current.one-time-password',
        'first-run.current.manual-setup',
        'first-run.current.account-setup',
        'first-run.current.signed-in',
      ];
  }
}

describe('buildConsoleChecklist for every topology and console era', () => {
  for (const { topology, era } of COMBINATIONS) {
    describe(`${topology} × ${era}`, () => {
      const site = siteFor(topology, era);
      const checklist = buildConsoleChecklist(roomIn(site), site);
      const ids = sectionIds(checklist);

      it('names the room, topology and era in its header', () => {
        expect(checklist.room.upn).toBe(UPN);
        expect(checklist.topology.id).toBe(topology);
        expect(checklist.era.id).toBe(era);
        expect(checklist.room.meetingModeLabel).toBe(MEETING_MODE_LABEL[topology]);
        expect(checklist.passwordNotice).toMatch(/delivered separately/);
      });

      it('has the sections every console needs, in the documented order', () => {
        for (const id of ALWAYS) expect(ids).toContain(id);
        expect(ids).toEqual(ORDER.filter((id) => ids.includes(id)));
      });

      it(`${HAS_PRIVATE_CA[topology] ? 'has' : 'has no'} private-CA certificate section and ${HAS_DOMAIN_JOIN[topology] ? 'has' : 'has no'} domain join`, () => {
        expect(ids.includes('certificates')).toBe(HAS_PRIVATE_CA[topology]);
        expect(ids.includes('domain-join')).toBe(HAS_DOMAIN_JOIN[topology]);
      });

      it('lists the first-run screens of its era in screen order', () => {
        const screens = expectedScreens(topology, era);
        expect(firstRunIds(checklist).filter((id) => screens.includes(id))).toEqual(screens);
        // No screen of another era leaks in.
        const otherEraScreens = COMBINATIONS.filter((c) => c.era !== era).flatMap((c) => expectedScreens(c.topology, c.era));
        const foreign = firstRunIds(checklist).filter((id) => otherEraScreens.includes(id) && !screens.includes(id));
        expect(foreign).toEqual([]);
      });

      it("puts the room's own values on the first-run screens", () => {
        const signIn = items(checklist).filter((entry) => entry.id.startsWith('first-run.') && entry.kind === 'type');
        const typed = signIn.flatMap((entry) => entry.values).filter((value) => (value.presentation ?? 'verbatim') === 'verbatim');
        expect(typed.map((value) => value.value)).toContain(UPN);
        if (era === 'teams-4.9') expect(valueOf(item(checklist, 'first-run.teams.meeting-mode'), 'Supported meeting mode')?.value).toBe(MEETING_MODE_LABEL[topology]);
        const configureDomain = item(checklist, 'first-run.srs.configure-domain');
        if (era === 'srs-v2' && USES_SFB_SERVER[topology]) expect(valueOf(configureDomain, 'Skype for Business Server FQDN')?.value).toBe(POOL);
        else expect(configureDomain).toBeUndefined();
      });

      it('describes the password wherever it is entered and never carries one', () => {
        const roomPassword = items(checklist)
          .flatMap((entry) => entry.values)
          .filter((value) => value.label === 'Password' || value.label === 'Confirm password');
        expect(roomPassword.length).toBeGreaterThan(0);
        for (const value of roomPassword) expect(value).toEqual({ label: value.label, value: PASSWORD_DESCRIPTION, presentation: 'description' });
      });

      it('states each item kind consistently: commands carry a command, typed items carry values', () => {
        for (const entry of items(checklist)) {
          expect(entry.command !== undefined, entry.id).toBe(entry.kind === 'command');
          if (entry.kind === 'type') expect(entry.values.length, entry.id).toBeGreaterThan(0);
          expect(entry.text.trim().length, entry.id).toBeGreaterThan(0);
        }
      });

      it('is plain JSON data', () => {
        expect(JSON.parse(JSON.stringify(checklist))).toEqual(checklist);
      });

      it('lists SfB ports only where the meeting mode uses Skype for Business, Teams endpoints only where it uses Teams', () => {
        const mode = checklist.room.meetingMode;
        expect(item(checklist, 'network.sfb-media-ports') !== undefined).toBe(mode !== 'teams-only');
        expect(item(checklist, 'network.teams-endpoints') !== undefined).toBe(mode !== 'sfb-only');
        expect(item(checklist, 'network.pro-management') !== undefined).toBe(era !== 'srs-v2');
        expect(item(checklist, 'network.bandwidth') !== undefined).toBe(era !== 'srs-v2');
      });

      it('enrols the console with the management service of its era', () => {
        const management = checklist.sections.find((section) => section.id === 'management')!.items.map((entry) => entry.id);
        if (era === 'srs-v2') {
          expect(management).toEqual(['management.log-analytics-workspace', 'management.monitoring-agent', 'management.heartbeat']);
          expect(valueOf(item(checklist, 'management.log-analytics-workspace'), 'Event log')?.value).toBe('Skype Room System');
        } else {
          expect(management).toEqual(['management.pro-portal', 'management.teams-admin-center']);
        }
      });
    });
  }
});

describe('first-run values that depend on the room', () => {
  it('asks for the Exchange domain too when the SIP domain differs (SRS v2 Configure Domain, 4.9 Advanced)', () => {
    const srs = siteFor('onprem', 'srs-v2');
    const srsList = buildConsoleChecklist(roomIn(srs, { sipAddress: 'sip:mtr-board@sip.contoso.net' }), srs);
    expect(item(srsList, 'first-run.srs.configure-domain')?.values).toEqual([
      { label: 'Skype for Business Server FQDN', value: POOL },
      { label: 'Exchange domain', value: 'contoso.com' },
    ]);

    const teams = siteFor('hybrid-exo-sfbserver', 'teams-4.9');
    const teamsList = buildConsoleChecklist(roomIn(teams, { sipAddress: 'sip:mtr-board@sip.contoso.net' }), teams);
    const ids = firstRunIds(teamsList);
    expect(ids).toContain('first-run.teams.advanced-sfb-server');
    expect(ids).not.toContain('first-run.teams.advanced-blank');
    expect(ids.indexOf('first-run.teams.advanced-sfb-server')).toBeGreaterThan(ids.indexOf('first-run.next'));
    expect(valueOf(item(teamsList, 'first-run.teams.advanced-sfb-server'), 'Skype for Business Server FQDN')?.value).toBe(POOL);
    // A SIP address other than the UPN is flagged before setup starts.
    expect(ids[1]).toBe('first-run.sip-matches-upn');
  });

  it('leaves the Advanced section blank for SfB Online topologies even when the SIP domain differs', () => {
    const site = siteFor('hybrid-exchange-onprem-sfbonline', 'teams-4.9', { defaults: { meetingMode: 'sfb-only' } });
    const checklist = buildConsoleChecklist(roomIn(site, { sipAddress: 'sip:mtr-board@sip.contoso.net' }), site);
    expect(firstRunIds(checklist)).toContain('first-run.teams.advanced-blank');
    expect(firstRunIds(checklist)).not.toContain('first-run.teams.advanced-sfb-server');
  });

  it('derives the 4.9 meeting-mode option from the room, not the topology default', () => {
    const site = siteFor('onprem', 'teams-4.9');
    const checklist = buildConsoleChecklist(roomIn(site, { meetingMode: 'teams-default-with-sfb' }), site);
    expect(valueOf(item(checklist, 'first-run.teams.meeting-mode'), 'Supported meeting mode')?.value).toBe('Skype for Business and Microsoft Teams (default)');
  });

  it('says when the registrar pool is missing instead of inventing one', () => {
    const site = siteFor('onprem', 'srs-v2', { defaults: { registrarPool: undefined } });
    const checklist = buildConsoleChecklist(roomIn(site), site);
    const pool = valueOf(item(checklist, 'first-run.srs.configure-domain'), 'Skype for Business Server FQDN');
    expect(pool?.presentation).toBe('description');
    expect(pool?.value).toMatch(/not set for this room/);
  });

  it('uses peripheral names on the SRS v2 Features screen when the site knows them', () => {
    const site = siteFor('onprem', 'srs-v2');
    const checklist = buildConsoleChecklist(roomIn(site), site, { peripherals: { microphone: 'Jabra Speak 750', speaker: 'Logitech MeetUp', defaultSpeaker: 'HDMI Audio' } });
    expect(item(checklist, 'first-run.srs.features')?.values).toEqual([
      { label: 'Auto Screen sharing', value: 'On' },
      { label: 'Hide meeting names', value: 'Off' },
      { label: 'Microphone for Conferencing', value: 'Jabra Speak 750' },
      { label: 'Speaker for Conferencing', value: 'Logitech MeetUp' },
      { label: 'Default Speaker', value: 'HDMI Audio' },
    ]);
  });
});

describe('Teams Rooms 4.17+ sign-in routes', () => {
  const routes = (checklist: ConsoleChecklist) =>
    firstRunIds(checklist).filter((id) => ['first-run.current.one-time-password', 'first-run.current.manual-setup'].includes(id));

  it('offers only the route the site chose', () => {
    const site = siteFor('teams-online', 'teams-4.17');
    expect(routes(buildConsoleChecklist(roomIn(site), site, { signIn: 'manual' }))).toEqual(['first-run.current.manual-setup']);
    expect(routes(buildConsoleChecklist(roomIn(site), site, { signIn: 'one-time-password' }))).toEqual(['first-run.current.one-time-password']);
  });

  it('has no one-time password where the Pro Management portal cannot issue one', () => {
    const basic = siteFor('teams-online', 'teams-4.17');
    const basicList = buildConsoleChecklist(roomIn(basic, { license: 'Microsoft_Teams_Rooms_Basic' }), basic, { signIn: 'one-time-password' });
    expect(routes(basicList)).toEqual(['first-run.current.manual-setup']);
    expect(item(basicList, 'management.no-pro-portal')).toBeDefined();
    expect(item(basicList, 'network.pro-management')).toBeUndefined();

    const gccHigh = siteFor('teams-online', 'teams-4.17', { cloud: 'usgov' });
    expect(routes(buildConsoleChecklist(roomIn(gccHigh), gccHigh))).toEqual(['first-run.current.manual-setup']);

    const gcc = siteFor('teams-online', 'teams-4.17');
    const gccList = buildConsoleChecklist(roomIn(gcc), gcc, { gcc: true });
    expect(routes(gccList)).toEqual(['first-run.current.manual-setup']);
    const hosts = item(gccList, 'network.pro-management')!.values.map((value) => value.value);
    expect(hosts).toContain('mmrprodgcciot.azure-devices.net');
    expect(hosts).toContain('agent.rooms.microsoft.com');
  });

  it('leaves the GCC endpoints out for commercial tenants', () => {
    const site = siteFor('teams-online', 'teams-4.17');
    const hosts = item(buildConsoleChecklist(roomIn(site), site), 'network.pro-management')!.values.map((value) => value.value);
    expect(hosts).not.toContain('mmrprodgcciot.azure-devices.net');
    expect(hosts).toHaveLength(11);
  });

  it('asks to confirm a Skype for Business meeting mode after the settings file is applied', () => {
    const site = siteFor('hybrid-exo-sfbserver', 'teams-4.17');
    const check = item(buildConsoleChecklist(roomIn(site), site), 'console-settings.meeting-mode');
    expect(valueOf(check, 'Supported meeting mode')?.value).toBe('Skype for Business (default) and Microsoft Teams');
    const teamsOnly = siteFor('teams-online', 'teams-4.17');
    expect(item(buildConsoleChecklist(roomIn(teamsOnly), teamsOnly), 'console-settings.meeting-mode')).toBeUndefined();
  });
});

describe('options that add sections or values', () => {
  it('adds the certificate section for teams-online when the proxy uses an internal CA', () => {
    const site = siteFor('teams-online', 'teams-4.17');
    const checklist = buildConsoleChecklist(roomIn(site), site, { proxyUsesInternalCa: true });
    expect(sectionIds(checklist)).toContain('certificates');
    expect(item(checklist, 'certificates.proxy-chain')).toBeDefined();
    expect(item(checklist, 'certificates.choose-method')?.text).not.toMatch(/join the console to the domain/);
  });

  it('joins the domain a site names even without an on-premises directory', () => {
    const site = siteFor('teams-online', 'teams-4.17');
    const checklist = buildConsoleChecklist(roomIn(site), site, { adDomain: 'corp.contoso.com' });
    expect(item(checklist, 'domain-join.add-computer')?.command).toBe("Add-Computer -DomainName 'corp.contoso.com'");
    expect(item(checklist, 'domain-join.add-computer')?.why).toBeUndefined();
  });

  it('shows the proxy the site sets, and the documented registry values', () => {
    const site = siteFor('onprem', 'srs-v2');
    const server = buildConsoleChecklist(roomIn(site), site, { proxy: { server: 'proxy.contoso.com:8080' } });
    expect(item(server, 'windows.proxy-values')?.values).toEqual([
      { label: 'Key', value: 'HKEY_USERS\\Skype\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings' },
      { label: 'MigrateProxy (DWORD)', value: '1' },
      { label: 'ProxyEnable (DWORD)', value: '1' },
      { label: 'ProxyServer (String)', value: 'proxy.contoso.com:8080' },
    ]);
    expect(item(server, 'windows.proxy-values')?.text).not.toMatch(/Only if/);
    const pac = buildConsoleChecklist(roomIn(site), site, { proxy: { autoConfigUrl: 'http://wpad.contoso.com/proxy.pac' } });
    expect(valueOf(item(pac, 'windows.proxy-values'), 'AutoConfigURL (String)')?.value).toBe('http://wpad.contoso.com/proxy.pac');
    const none = buildConsoleChecklist(roomIn(site), site);
    expect(item(none, 'windows.proxy-values')?.text).toMatch(/^Only if a proxy is needed/);
    expect(item(none, 'windows.proxy-unauthenticated')?.why).toBe('Authenticated proxies are not supported.');
  });

  it("names the room's generated settings file", () => {
    const site = siteFor('teams-online', 'teams-4.17');
    const checklist = buildConsoleChecklist(roomIn(site), site, { skypeSettingsFile: 'mtr-board/SkypeSettings.xml' });
    expect(item(checklist, 'console-settings.copy')?.values).toEqual([
      { label: 'File in the room package', value: 'mtr-board/SkypeSettings.xml' },
      { label: 'Folder on the console', value: 'C:\\Users\\Skype\\AppData\\Local\\Packages\\Microsoft.SkypeRoomSystem_8wekyb3d8bbwe\\LocalState' },
      { label: 'Name on the console', value: 'SkypeSettings.xml' },
    ]);
  });

  it('prints a timestamp only when given one', () => {
    const site = siteFor('teams-online', 'teams-4.17');
    expect(buildConsoleChecklist(roomIn(site), site)).not.toHaveProperty('generatedAt');
    expect(buildConsoleChecklist(roomIn(site), site, { generatedAt: '2026-03-01' }).generatedAt).toBe('2026-03-01');
  });

  it('takes the OU from the room', () => {
    const site = siteFor('onprem', 'teams-4.9');
    expect(item(buildConsoleChecklist(roomIn(site), site), 'domain-join.add-computer')?.command).toBe(
      `Add-Computer -DomainName 'contoso.com' -OUPath '${OU}'`,
    );
  });
});
