import { describe, expect, it } from 'vitest';
import { eraForAppVersion } from '../../../shared/console-era.ts';
import { classifyLicense } from '../../../shared/licenses.ts';
import {
  checkAlias,
  checkRoom,
  checkSite,
  checkSiteSettings,
  checkUpn,
  resolveRoom,
  RoomSchema,
  samAccountNameFor,
  SiteSchema,
  type Room,
  type SiteInput,
} from '../../../shared/model.ts';

function site(overrides: Partial<SiteInput> = {}, rooms: Room[] = []) {
  return SiteSchema.parse({
    name: 'Seattle HQ',
    topology: 'teams-online',
    tenantDomain: 'contoso.com',
    defaults: { usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro' },
    rooms,
    ...overrides,
  });
}
const room = (overrides: Partial<Room> = {}): Room => ({ upn: 'mtr-rainier@contoso.com', displayName: 'Rainier', ...overrides });
const fieldsOf = (findings: { field: string; severity: string }[], severity: 'error' | 'warning') =>
  findings.filter((finding) => finding.severity === severity).map((finding) => finding.field);

describe('UPN rules (Entra ID)', () => {
  it.each([
    'mtr-rainier@contoso.com',
    "o'brien.room@contoso.co.uk",
    'a_b-c!d#e^f~g@sub.contoso.com',
    `${'a'.repeat(64)}@contoso.com`,
  ])('accepts %s', (upn) => expect(checkUpn(upn)).toBeUndefined());

  it.each([
    ['no-at-sign.contoso.com', 'exactly one "@"'],
    ['a@b@contoso.com', 'exactly one "@"'],
    ['@contoso.com', 'empty'],
    [`${'a'.repeat(65)}@contoso.com`, '65 characters'],
    ['room one@contoso.com', 'contains " "'],
    ['ré@contoso.com', 'contains "é"'],
    ['.room@contoso.com', 'start or end with a period'],
    ['room.@contoso.com', 'start or end with a period'],
    ['ro..om@contoso.com', 'two periods'],
    ['room@contoso', 'fully qualified'],
    ['room@-contoso.com', 'not a valid DNS label'],
    ['room@contoso.123', 'top-level domain'],
    [`room@${'d'.repeat(45)}.com`, 'at most 48'],
  ])('rejects %s', (upn, reason) => expect(checkUpn(upn)).toContain(reason));

  it('limits the whole UPN to 113 characters', () => {
    expect(checkUpn(`${'a'.repeat(64)}@${'b'.repeat(40)}.${'c'.repeat(7)}`)).toBeUndefined();
    expect(checkUpn(`${'a'.repeat(64)}@${'b'.repeat(40)}.${'c'.repeat(8)}`)).toContain('113');
  });
});

describe('Exchange alias rules', () => {
  it('accepts the documented character set', () => {
    expect(checkAlias("help.desk!#$%&'*+-/=?^_`{|}~")).toBeUndefined();
    expect(checkAlias('köln-raum')).toBeUndefined(); // U+00F6 is inside U+00A1–U+00FF
  });
  it('rejects spaces, characters outside the set and bad periods', () => {
    expect(checkAlias('two words')).toContain('" "');
    expect(checkAlias('łódź')).toContain('"ł"');
    expect(checkAlias('.lead')).toContain('period');
    expect(checkAlias('trail.')).toContain('period');
    expect(checkAlias('dou..ble')).toContain('period');
    expect(checkAlias('a'.repeat(65))).toContain('at most 64');
  });
});

describe('checkRoom', () => {
  it('a well-formed room has no findings', () => {
    expect(checkRoom(room(), site())).toEqual([]);
  });

  it('requires UPN = primary SMTP address', () => {
    const findings = checkRoom(room({ primarySmtpAddress: 'rainier@contoso.com' }), site());
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'error', field: 'primarySmtpAddress' }));
    expect(checkRoom(room({ primarySmtpAddress: 'MTR-Rainier@Contoso.com' }), site())).toEqual([]);
  });

  it('limits display name to 256 and the mailbox Name to 64', () => {
    expect(fieldsOf(checkRoom(room({ displayName: 'x'.repeat(257), mailboxName: 'short' }), site()), 'error')).toEqual(['displayName']);
    // The Name defaults to the display name, so a long display name without a Name is an error on the display name.
    const derived = checkRoom(room({ displayName: 'x'.repeat(65) }), site());
    expect(derived).toContainEqual(expect.objectContaining({ field: 'displayName', message: expect.stringContaining('mailbox Name') }));
    expect(checkRoom(room({ displayName: 'x'.repeat(65), mailboxName: 'Rainier' }), site())).toEqual([]);
    expect(fieldsOf(checkRoom(room({ mailboxName: 'n'.repeat(65) }), site()), 'error')).toEqual(['mailboxName']);
  });

  it('checks the usage location as ISO 3166-1 alpha-2 and hints at common mistakes', () => {
    expect(checkRoom(room({ usageLocation: 'gb' }), site())).toEqual([]);
    const uk = checkRoom(room({ usageLocation: 'UK' }), site());
    expect(uk).toContainEqual(expect.objectContaining({ field: 'usageLocation', message: expect.stringContaining('did you mean GB') }));
    expect(fieldsOf(checkRoom(room({ usageLocation: 'XX' }), site()), 'error')).toEqual(['usageLocation']);
  });

  it('requires a usage location where licences are assigned in the cloud, not on premises', () => {
    const cloud = site({ defaults: { license: 'Microsoft_Teams_Rooms_Pro' } });
    expect(fieldsOf(checkRoom(room(), cloud), 'error')).toEqual(['usageLocation']);
    const onprem = site({ topology: 'onprem', defaults: { registrarPool: 'pool01.contoso.com' } });
    expect(checkRoom(room(), onprem)).toEqual([]);
  });

  it('grades licences: Teams Rooms SKUs pass, unknown warn, user suites and shared-device SKUs fail', () => {
    expect(checkRoom(room({ license: 'microsoft_teams_rooms_basic' }), site())).toEqual([]);
    expect(fieldsOf(checkRoom(room({ license: 'CONTOSO_ROOM_BUNDLE' }), site()), 'warning')).toEqual(['license']);
    expect(fieldsOf(checkRoom(room({ license: 'SPE_E5' }), site()), 'error')).toEqual(['license']);
    expect(fieldsOf(checkRoom(room({ license: 'ENTERPRISEPACK' }), site()), 'error')).toEqual(['license']);
    expect(fieldsOf(checkRoom(room({ license: 'MCOCAP' }), site()), 'error')).toEqual(['license']);
    expect(fieldsOf(checkRoom(room({ license: 'MEETING_ROOM' }), site()), 'warning')).toEqual(['license']);
  });

  it('requires a registrar pool for Skype for Business Server topologies', () => {
    for (const topology of ['onprem', 'hybrid-exo-sfbserver'] as const) {
      const withoutPool = site({ topology, defaults: { usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro' } });
      expect(fieldsOf(checkRoom(room(), withoutPool), 'error')).toContain('registrarPool');
      expect(fieldsOf(checkRoom(room({ registrarPool: 'pool01.contoso.com' }), withoutPool), 'error')).not.toContain('registrarPool');
      expect(fieldsOf(checkRoom(room({ registrarPool: 'not a host' }), withoutPool), 'error')).toContain('registrarPool');
    }
  });

  it('warns when the SIP address differs from the UPN (modern authentication)', () => {
    const onprem = site({ topology: 'onprem', defaults: { registrarPool: 'pool01.contoso.com' } });
    expect(fieldsOf(checkRoom(room({ sipAddress: 'sip:rainier@contoso.com' }), onprem), 'warning')).toEqual(['sipAddress']);
    expect(checkRoom(room({ sipAddress: 'SIP:MTR-Rainier@contoso.com' }), onprem)).toEqual([]);
  });

  it('checks distinguished names and sAMAccountName on premises', () => {
    const onprem = site({ topology: 'onprem', defaults: { registrarPool: 'pool01.contoso.com' } });
    expect(checkRoom(room({ organizationalUnit: 'OU=Rooms,OU=Resources,DC=contoso,DC=com' }), onprem)).toEqual([]);
    expect(checkRoom(room({ organizationalUnit: 'OU=Rooms\\, West,DC=contoso,DC=com' }), onprem)).toEqual([]);
    expect(fieldsOf(checkRoom(room({ organizationalUnit: 'Rooms/West' }), onprem), 'error')).toEqual(['organizationalUnit']);
    expect(fieldsOf(checkRoom(room({ samAccountName: 'a'.repeat(21) }), onprem), 'error')).toEqual(['samAccountName']);
    expect(fieldsOf(checkRoom(room({ samAccountName: 'bad[name]' }), onprem), 'error')).toEqual(['samAccountName']);
    const long = room({ upn: 'mtr-building-seven-boardroom@contoso.com' });
    expect(fieldsOf(checkRoom(long, onprem), 'warning')).toEqual(['samAccountName']);
    expect(resolveRoom(long, onprem).samAccountName).toBe('mtr-building-seven-b');
  });

  it('refuses control characters in any text field', () => {
    expect(fieldsOf(checkRoom(room({ displayName: 'Two\nlines' }), site()), 'error')).toEqual(['displayName']);
    expect(fieldsOf(checkRoom(room({ building: 'tab\there' }), site()), 'error')).toEqual(['building']);
  });

  it('warns when the UPN domain is not the tenant domain or a subdomain of it', () => {
    expect(checkRoom(room({ upn: 'room@rooms.contoso.com' }), site())).toEqual([]);
    expect(fieldsOf(checkRoom(room({ upn: 'room@fabrikam.com' }), site()), 'warning')).toEqual(['upn']);
  });

  it('warns about unknown Windows time zones but accepts known ones in any case', () => {
    expect(checkRoom(room({ timeZone: 'pacific standard time' }), site())).toEqual([]);
    expect(resolveRoom(room({ timeZone: 'pacific standard time' }), site()).timeZone).toBe('Pacific Standard Time');
    expect(fieldsOf(checkRoom(room({ timeZone: 'Europe/Berlin' }), site()), 'warning')).toEqual(['timeZone']);
  });
});

describe('RoomSchema', () => {
  it('capacity is a non-negative integer', () => {
    expect(RoomSchema.safeParse(room({ capacity: 0 })).success).toBe(true);
    expect(RoomSchema.safeParse(room({ capacity: -1 })).success).toBe(false);
    expect(RoomSchema.safeParse(room({ capacity: 2.5 })).success).toBe(false);
  });
  it('has no password field: a smuggled password is stripped', () => {
    const parsed = RoomSchema.parse({ ...room(), password: 'Hunter2!Hunter2!' });
    expect(JSON.stringify(parsed)).not.toContain('Hunter2');
  });
});

describe('checkSite', () => {
  it('reports duplicate UPN, alias and mailbox Name on the later room, case-insensitively', () => {
    const result = checkSite(
      site({}, [
        room(),
        room({ upn: 'MTR-RAINIER@contoso.com', displayName: 'Rainier 2' }),
        room({ upn: 'other@contoso.com', alias: 'mtr-rainier', displayName: 'Other' }),
        room({ upn: 'third@contoso.com', displayName: 'rainier' }),
      ]),
    );
    expect(result.rooms[0]).toEqual([]);
    expect(result.rooms[1]!.map((f) => f.field)).toEqual(['upn', 'alias']);
    expect(result.rooms[2]!.map((f) => f.field)).toEqual(['alias']);
    expect(result.rooms[3]!.map((f) => f.field)).toEqual(['displayName']);
    expect(result.rooms[3]![0]!.message).toContain('room 1');
    expect(result.errorCount).toBe(4);
  });

  it('flags a retired topology and an unreadable app version at site level', () => {
    const findings = checkSiteSettings(site({ topology: 'online', defaults: { usageLocation: 'US', appVersion: 'latest' } }));
    expect(findings.map((f) => [f.severity, f.field])).toEqual([
      ['error', 'defaults.appVersion'],
      ['warning', 'topology'],
    ]);
  });
});

describe('licences and eras', () => {
  it('accepts MSOnline tenant:SKU and SKU GUIDs', () => {
    const prefixed = classifyLicense('contoso:MEETING_ROOM');
    expect(prefixed.kind).toBe('room');
    if (prefixed.kind === 'room') expect(prefixed.warning).toContain('prefix');
    const byGuid = classifyLicense('4CDE982A-EDE4-4409-9AE6-B003453C8EA6');
    expect(byGuid.kind === 'room' && byGuid.license.partNumber).toBe('Microsoft_Teams_Rooms_Pro');
    expect(classifyLicense('not a sku!').kind).toBe('rejected');
  });

  it('maps app versions to the three documented eras', () => {
    expect(eraForAppVersion('4.8')).toBe('srs-v2');
    expect(eraForAppVersion('3.1.104.0')).toBe('srs-v2');
    expect(eraForAppVersion('4.9')).toBe('teams-4.9');
    expect(eraForAppVersion('4.16.40.0')).toBe('teams-4.9');
    expect(eraForAppVersion('4.17')).toBe('teams-4.17');
    expect(eraForAppVersion('5.2.115.0')).toBe('teams-4.17');
    expect(eraForAppVersion('four')).toBeUndefined();
  });

  it('derives sAMAccountName without forbidden characters', () => {
    expect(samAccountNameFor('a+b=c[d]e')).toBe('abcde');
    expect(samAccountNameFor('x'.repeat(19) + '.y')).toBe('x'.repeat(19));
  });
});
