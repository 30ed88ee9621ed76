import { describe, expect, it } from 'vitest';
import { SiteSchema, TOPOLOGY_IDS, type Room, type SiteInput } from '../../../shared/model.ts';
import { CALENDAR_PROCESSING, planRoom, stepNeedsPassword, stepSettings, type Step } from '../../../shared/plan.ts';

const fullRoom: Room = {
  upn: 'mtr-rainier@contoso.com',
  displayName: 'Rainier (Bldg 7)',
  capacity: 12,
  building: 'Building 7',
  floor: '3',
  city: 'Redmond',
  timeZone: 'Pacific Standard Time',
  roomList: 'Building 7 Rooms',
};
const bareRoom: Room = { upn: 'mtr-bare@contoso.com', displayName: 'Bare' };

function site(topology: (typeof TOPOLOGY_IDS)[number], mode: 'create' | 'convert', extra: Partial<SiteInput['defaults']> = {}) {
  return SiteSchema.parse({
    name: 'HQ',
    topology,
    defaults: { mode, usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro', registrarPool: 'pool01.contoso.com', ...extra },
  });
}
const ids = (steps: Step[]): string[] => steps.map((step) => step.id);
const combos = TOPOLOGY_IDS.flatMap((topology) => (['create', 'convert'] as const).map((mode) => [topology, mode] as const));

describe('planRoom, every topology and mode', () => {
  it.each(combos)('%s/%s: each runtime is one contiguous phase, so each script runs once', (topology, mode) => {
    const plan = planRoom(fullRoom, site(topology, mode));
    const runtimes = plan.phases.map((phase) => phase.runtime);
    expect(new Set(runtimes).size).toBe(runtimes.length);
    expect(plan.phases.flatMap((phase) => phase.steps)).toEqual(plan.steps);
  });

  it.each(combos)('%s/%s: dependencies come first', (topology, mode) => {
    const order = ids(planRoom(fullRoom, site(topology, mode)).steps);
    const before = (a: string, b: string) => {
      if (order.includes(a) && order.includes(b)) expect(order.indexOf(a), `${a} before ${b}`).toBeLessThan(order.indexOf(b));
    };
    const mailbox = order.find((id) => ['exchange.room-mailbox', 'exchange.enable-room-mailbox', 'exchange.convert-to-room'].includes(id));
    expect(mailbox).toBeDefined();
    for (const later of ['exchange.calendar-processing', 'places.metadata', 'exchange.room-list', 'exchange.regional-configuration', 'entra.license']) {
      before(mailbox!, later);
    }
    before('entra.usage-location', 'entra.license');
    before('ad.user', 'exchange.enable-room-mailbox');
    before('ad.user', 'sfb.meeting-room');
    before('directory.sync', 'entra.usage-location');
    before('entra.license', 'teams.online-user');
  });

  it.each(combos)('%s/%s: no step carries a secret value, only references resolved at run time', (topology, mode) => {
    const plan = planRoom(fullRoom, site(topology, mode));
    const json = JSON.stringify(plan.steps);
    expect(json).not.toMatch(/"(Password|AccountPassword|RoomMailboxPassword)":"/);
    for (const step of plan.steps) {
      for (const setting of stepSettings(step)) expect(setting.value).not.toMatch(/^\{/);
    }
  });
});

describe('topology specifics', () => {
  it('teams-online touches only Exchange Online and Graph', () => {
    const plan = planRoom(fullRoom, site('teams-online', 'create'));
    expect(plan.phases.map((phase) => phase.runtime)).toEqual(['exchange-online', 'graph']);
    expect(ids(plan.steps)).toEqual([
      'exchange.room-mailbox',
      'exchange.calendar-processing',
      'exchange.regional-configuration',
      'places.metadata',
      'exchange.room-list',
      'entra.sign-in',
      'entra.password-never-expires',
      'entra.usage-location',
      'entra.license',
    ]);
  });

  it('the seed\'s online topology ends with the Teams account check that replaced Enable-CsMeetingRoom', () => {
    const plan = planRoom(fullRoom, site('online', 'create'));
    expect(plan.phases.map((phase) => phase.runtime)).toEqual(['exchange-online', 'graph', 'teams']);
    expect(plan.steps.at(-1)!.kind).toBe('verify');
  });

  it('on premises: Exchange Server, then AD, then Skype for Business Server, and nothing in the cloud', () => {
    const plan = planRoom(fullRoom, site('onprem', 'create'));
    expect(plan.phases.map((phase) => phase.runtime)).toEqual(['exchange-server', 'active-directory', 'sfb-server']);
    const mailbox = plan.steps[0]!;
    expect(mailbox.kind === 'create' && mailbox.create.parameters).toMatchObject({
      UserPrincipalName: fullRoom.upn,
      PrimarySmtpAddress: fullRoom.upn,
      Room: true,
      EnableRoomMailboxAccount: true,
      RoomMailboxPassword: { secret: 'room-password' },
    });
    const sfb = plan.steps.at(-1)!;
    expect(sfb.kind === 'create' && sfb.create).toEqual({
      cmdlet: 'Enable-CsMeetingRoom',
      parameters: { Identity: fullRoom.upn, RegistrarPool: 'pool01.contoso.com', SipAddress: 'sip:mtr-rainier@contoso.com' },
    });
  });

  it('Exchange Online mailboxes are created with MicrosoftOnlineServicesID = UPN = primary SMTP', () => {
    const mailbox = planRoom(fullRoom, site('teams-online', 'create')).steps[0]!;
    expect(mailbox.kind).toBe('create');
    if (mailbox.kind !== 'create') return;
    expect(mailbox.create.cmdlet).toBe('New-Mailbox');
    expect(mailbox.create.parameters).toMatchObject({ MicrosoftOnlineServicesID: fullRoom.upn, PrimarySmtpAddress: fullRoom.upn });
    expect(mailbox.create.parameters).not.toHaveProperty('UserPrincipalName');
  });

  it('hybrid Exchange Online + SfB Server: mailbox online, AD user with a proxy address to soft-match, sync, licence, SfB', () => {
    const plan = planRoom(fullRoom, site('hybrid-exo-sfbserver', 'create'));
    expect(plan.phases.map((phase) => phase.runtime)).toEqual(['exchange-online', 'active-directory', 'manual', 'graph', 'sfb-server']);
    const adUser = plan.steps.find((step) => step.id === 'ad.user')!;
    expect(adUser.kind === 'create' && adUser.create.parameters.OtherAttributes).toEqual({ hashtable: { proxyAddresses: 'SMTP:mtr-rainier@contoso.com' } });
    expect(ids(plan.steps)).not.toContain('entra.sign-in'); // the synced account is enabled in AD
  });

  it('hybrid Exchange Server + online meetings: AD user first when creating, the mailbox first when converting', () => {
    expect(planRoom(fullRoom, site('hybrid-exchange-onprem-sfbonline', 'create')).phases.map((p) => p.runtime)).toEqual([
      'active-directory',
      'exchange-server',
      'manual',
      'graph',
      'teams',
    ]);
    expect(planRoom(fullRoom, site('hybrid-exchange-onprem-sfbonline', 'convert')).phases.map((p) => p.runtime)).toEqual([
      'exchange-server',
      'active-directory',
      'manual',
      'graph',
      'teams',
    ]);
  });

  it('convert mode turns the existing mailbox into a room instead of creating one', () => {
    for (const topology of TOPOLOGY_IDS) {
      const order = ids(planRoom(fullRoom, site(topology, 'convert')).steps);
      expect(order[0]).toBe('exchange.convert-to-room');
      expect(order).not.toContain('exchange.room-mailbox');
    }
    const convert = planRoom(fullRoom, site('teams-online', 'convert')).steps[0]!;
    expect(convert.kind === 'ensure' && convert.properties.map((rule) => [rule.property, rule.write?.parameter])).toEqual([
      ['RecipientTypeDetails', 'Type'],
      ['UserPrincipalName', 'MicrosoftOnlineServicesID'],
      ['PrimarySmtpAddress', undefined], // verified, never changed by RoomReady
    ]);
  });

  it('a per-room mode overrides the site default', () => {
    const plan = planRoom({ ...fullRoom, mode: 'convert' }, site('teams-online', 'create'));
    expect(plan.mode).toBe('convert');
    expect(plan.steps[0]!.id).toBe('exchange.convert-to-room');
  });
});

describe('step contents', () => {
  it('calendar processing sets the documented values and the additional response', () => {
    const step = planRoom(fullRoom, site('teams-online', 'create', { additionalResponse: 'Welcome to Rainier' })).steps.find(
      (s) => s.id === 'exchange.calendar-processing',
    )!;
    expect(step.kind).toBe('ensure');
    if (step.kind !== 'ensure') return;
    const values = Object.fromEntries(step.properties.map((rule) => [rule.write!.parameter, rule.write!.value]));
    expect(values).toEqual({
      AutomateProcessing: 'AutoAccept',
      AddOrganizerToSubject: false,
      AllowConflicts: false,
      DeleteComments: false,
      DeleteSubject: false,
      RemovePrivateProperty: false,
      ProcessExternalMeetingMessages: true,
      AddAdditionalResponse: true,
      AdditionalResponse: 'Welcome to Rainier',
    });
    expect(CALENDAR_PROCESSING.every((setting) => setting.why.length > 10)).toBe(true);
  });

  it('optional steps appear only when the room has their data', () => {
    const bare = ids(planRoom(bareRoom, site('teams-online', 'create', { license: undefined })).steps);
    expect(bare).not.toContain('places.metadata');
    expect(bare).not.toContain('exchange.room-list');
    expect(bare).not.toContain('exchange.regional-configuration');
    expect(bare).not.toContain('entra.license');
    const onprem = ids(planRoom(bareRoom, site('onprem', 'create')).steps);
    expect(onprem).not.toContain('exchange.room-capacity');
    expect(onprem).not.toContain('exchange.room-location');
  });

  it('Places gets a numeric floor as Floor and anything else as FloorLabel', () => {
    const places = (floor: string) => {
      const step = planRoom({ ...fullRoom, floor }, site('teams-online', 'create')).steps.find((s) => s.id === 'places.metadata')!;
      return step.kind === 'ensure' ? Object.fromEntries(step.properties.map((rule) => [rule.property, rule.expected])) : {};
    };
    expect(places('3')).toMatchObject({ Floor: 3, Capacity: 12, Building: 'Building 7', City: 'Redmond' });
    expect(places('Mezzanine')).toMatchObject({ FloorLabel: 'Mezzanine' });
  });

  it('password never expires merges into the existing policy list instead of replacing it', () => {
    const step = planRoom(fullRoom, site('teams-online', 'create')).steps.find((s) => s.id === 'entra.password-never-expires')!;
    expect(step.kind === 'ensure' && step.properties[0]!.match).toBe('token');
  });

  it('knows which steps need the room password', () => {
    const plan = planRoom(fullRoom, site('hybrid-exchange-onprem-sfbonline', 'create'));
    expect(plan.steps.filter(stepNeedsPassword).map((step) => step.id)).toEqual(['ad.user', 'exchange.room-account']);
    const cloud = planRoom(fullRoom, site('teams-online', 'create'));
    expect(cloud.steps.filter(stepNeedsPassword).map((step) => step.id)).toEqual(['exchange.room-mailbox', 'entra.sign-in']);
  });

  it('every step says why it matters, how to verify it and how to fix it', () => {
    for (const [topology, mode] of combos) {
      for (const step of planRoom(fullRoom, site(topology, mode)).steps) {
        expect(step.purpose.length, step.id).toBeGreaterThan(20);
        expect(step.verification.length, step.id).toBeGreaterThan(10);
        expect(step.remediation.length, step.id).toBeGreaterThan(10);
        expect(step.source, step.id).toMatch(/mtr-facts|cmdlet-params|peers|ARCHITECTURE/);
      }
    }
  });
});
