// Exchange Online's admin API (InvokeCommand) as the simulated tenant runs it: the cmdlets of the
// plan, with their parameters, defaults, collisions and errors in Exchange's shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_PROCESSING } from '../../shared/plan/calendar.ts';
import { startSimulator } from '../../main/simulator/index.ts';
import type { RunningSimulator } from '../../main/simulator/contract.ts';
import { SAMPLE_ROOMS } from '../../main/simulator/sample-data.ts';
import { appToken, cmdletError, exchange, graph, send, userToken, type Answer, type Json } from './simulator-support.ts';

let sim: RunningSimulator;
let exo: string;
let graphToken: string;
beforeAll(async () => {
  sim = await startSimulator({ seed: 31 });
  exo = await appToken(sim, 'exchange');
  graphToken = await appToken(sim, 'graph');
});
afterAll(() => sim.stop());

const run = (cmdlet: string, parameters: Record<string, unknown> = {}) => exchange(sim, exo, cmdlet, parameters);

const newRoom = (upn: string, extra: Record<string, unknown> = {}) =>
  run('New-Mailbox', { Name: upn.split('@')[0], Alias: upn.split('@')[0], DisplayName: upn.split('@')[0], MicrosoftOnlineServicesID: upn, PrimarySmtpAddress: upn, Room: true, EnableRoomMailboxAccount: true, RoomMailboxPassword: 'Practice-Room-1!', ...extra });

describe('the InvokeCommand endpoint', () => {
  it('answers {"@odata.context", "@adminapi.warnings", "value"} on the Exchange host', async () => {
    const answer = await run('Get-Mailbox', { Identity: SAMPLE_ROOMS.configured });
    expect(answer.status).toBe(200);
    expect(answer.json['@odata.context']).toBe(`https://outlook.office365.com/adminapi/beta/${sim.tenantId}/$metadata#Collection(Exchange.GenericHashTable)`);
    expect(answer.json['@adminapi.warnings']).toEqual([]);
    expect(answer.json.value[0]).toMatchObject({
      RecipientTypeDetails: 'RoomMailbox',
      PrimarySmtpAddress: SAMPLE_ROOMS.configured,
      UserPrincipalName: SAMPLE_ROOMS.configured,
      Alias: 'mtr-rainier',
      Name: 'Rainier',
      DisplayName: 'Rainier',
      RoomMailboxAccountEnabled: true,
      ResourceCapacity: 12,
      'EmailAddresses@odata.type': '#Collection(String)',
    });
    expect(answer.json.value[0].ExternalDirectoryObjectId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses tokens for another service, callers without Exchange rights, unknown cmdlets and parameters', async () => {
    const wrongAudience = await exchange(sim, graphToken, 'Get-Mailbox', {});
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.headers['www-authenticate']).toContain('Bearer');
    const helpdesk = await userToken(sim, sim.limitedAdminUpn, 'exchange');
    const denied = await exchange(sim, helpdesk, 'Set-CalendarProcessing', { Identity: SAMPLE_ROOMS.configured, DeleteComments: false });
    expect(denied.status).toBe(403);
    expect(cmdletError(denied).message).toContain('not present in the role definition');
    const admin = await userToken(sim, sim.adminUpn, 'exchange');
    expect((await exchange(sim, admin, 'Get-Mailbox', { Identity: SAMPLE_ROOMS.configured })).status).toBe(200);

    const unknown = await run('Get-Teleporter', {});
    expect(unknown.status).toBe(400);
    expect(cmdletError(unknown)).toEqual({ type: 'System.Management.Automation.CommandNotFoundException', message: expect.stringContaining("The term 'Get-Teleporter' is not recognized") });
    const badParameter = await run('Get-Mailbox', { Identity: SAMPLE_ROOMS.configured, Colour: 'blue' });
    expect(cmdletError(badParameter)).toEqual({ type: 'System.Management.Automation.ParameterBindingException', message: "A parameter cannot be found that matches parameter name 'Colour'." });
    // -UserPrincipalName is New-Mailbox's on-premises parameter; Exchange Online takes -MicrosoftOnlineServicesID.
    const onPremises = await run('New-Mailbox', { Name: 'X', Room: true, UserPrincipalName: 'x@contoso.com' });
    expect(cmdletError(onPremises).message).toBe("A parameter cannot be found that matches parameter name 'UserPrincipalName'.");
  });

  it('answers a missing object with ManagementObjectNotFoundException in the real shape', async () => {
    const missing = await run('Get-CalendarProcessing', { Identity: 'ghost@contoso.com' });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: 'NotFound', message: 'Error executing cmdlet', innererror: { type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException' } });
    expect(missing.json.error.details[0].message).toMatch(/^Ex6F9304\|Microsoft\.Exchange\.Configuration\.Tasks\.ManagementObjectNotFoundException\|The operation couldn't be performed because object 'ghost@contoso.com' couldn't be found on '.+'\.$/);
  });
});

describe('room mailboxes', () => {
  it('creates a room mailbox whose account stays disabled without a password (EXO: enabled through Graph)', async () => {
    const created = await newRoom('mtr-shasta@contoso.com', { ResourceCapacity: 6 });
    expect(created.status).toBe(200);
    expect(created.json.value[0]).toMatchObject({ RecipientTypeDetails: 'RoomMailbox', UserPrincipalName: 'mtr-shasta@contoso.com', PrimarySmtpAddress: 'mtr-shasta@contoso.com', RoomMailboxAccountEnabled: false, ResourceCapacity: 6, Alias: 'mtr-shasta' });
    const user = await graph(sim, graphToken, 'GET', '/users/mtr-shasta@contoso.com?$select=accountEnabled,mail,mailNickname,proxyAddresses');
    expect(user.json).toMatchObject({ accountEnabled: false, mail: 'mtr-shasta@contoso.com', mailNickname: 'mtr-shasta' });
    expect(sim.tenant.snapshot().users.find((u) => u.userPrincipalName === 'mtr-shasta@contoso.com')!.hasPassword).toBe(false);

    // The plan's next step: enable the account and set its password through Graph.
    const enabled = await graph(sim, graphToken, 'PATCH', '/users/mtr-shasta@contoso.com', { accountEnabled: true, passwordProfile: { password: 'Practice-Room-1!', forceChangePasswordNextSignIn: false } });
    expect(enabled.status).toBe(204);
    expect((await run('Get-Mailbox', { Identity: 'mtr-shasta' })).json.value[0].RoomMailboxAccountEnabled).toBe(true);
  });

  it('refuses a taken name, alias or address with Exchange\'s exception types', async () => {
    const name = await run('New-Mailbox', { Name: 'Rainier', Alias: 'fresh1', PrimarySmtpAddress: 'fresh1@contoso.com', MicrosoftOnlineServicesID: 'fresh1@contoso.com', Room: true });
    expect(cmdletError(name)).toEqual({ type: 'Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException', message: 'The name "Rainier" is already being used. Please try another name.' });
    const alias = await run('New-Mailbox', { Name: 'Fresh 2', Alias: 'mtr-rainier', PrimarySmtpAddress: 'fresh2@contoso.com', MicrosoftOnlineServicesID: 'fresh2@contoso.com', Room: true });
    expect(cmdletError(alias).type).toBe('Microsoft.Exchange.Configuration.ObjectModel.PropertyValueExistsException');
    const address = await run('New-Mailbox', { Name: 'Fresh 3', Alias: 'fresh3', PrimarySmtpAddress: SAMPLE_ROOMS.configured, MicrosoftOnlineServicesID: 'fresh3@contoso.com', Room: true });
    expect(cmdletError(address)).toEqual({ type: 'Microsoft.Exchange.Configuration.ObjectModel.ProxyAddressExistsException', message: expect.stringContaining(`The proxy address "SMTP:${SAMPLE_ROOMS.configured}" is already being used`) });
    const unverified = await run('New-Mailbox', { Name: 'Fresh 4', PrimarySmtpAddress: 'fresh4@fabrikam.com', Room: true });
    expect(cmdletError(unverified).message).toContain("isn't an accepted domain");
    const sets = await run('New-Mailbox', { Name: 'Fresh 5', EnableRoomMailboxAccount: true });
    expect(cmdletError(sets).message).toBe('Parameter set cannot be resolved using the specified named parameters.');
    expect(sim.tenant.snapshot().mailboxes.some((m) => m.name.startsWith('Fresh'))).toBe(false);
  });

  it('converts a legacy shared mailbox into a room whose UPN is its address', async () => {
    const before = (await run('Get-Mailbox', { Identity: SAMPLE_ROOMS.legacy })).json.value[0];
    expect(before).toMatchObject({ RecipientTypeDetails: 'SharedMailbox', UserPrincipalName: `boardroom@${sim.tenantDomain}` });
    const converted = await run('Set-Mailbox', { Identity: SAMPLE_ROOMS.legacy, Type: 'Room', MicrosoftOnlineServicesID: SAMPLE_ROOMS.legacy });
    expect(converted.status).toBe(200);
    expect(converted.json.value).toEqual([]);
    const after = (await run('Get-Mailbox', { Identity: SAMPLE_ROOMS.legacy })).json.value[0];
    expect(after).toMatchObject({ RecipientTypeDetails: 'RoomMailbox', UserPrincipalName: SAMPLE_ROOMS.legacy, ResourceType: 'Room' });
    expect((await graph(sim, graphToken, 'GET', `/users/${SAMPLE_ROOMS.legacy}?$select=userPrincipalName`)).json.userPrincipalName).toBe(SAMPLE_ROOMS.legacy);
    expect((await run('Get-CalendarProcessing', { Identity: SAMPLE_ROOMS.legacy })).json.value[0].AutomateProcessing).toBe('AutoAccept');
    const again = await run('Set-Mailbox', { Identity: SAMPLE_ROOMS.legacy, Type: 'Room', MicrosoftOnlineServicesID: SAMPLE_ROOMS.legacy });
    expect(again.json['@adminapi.warnings']).toEqual([`The command completed successfully but no settings of '${SAMPLE_ROOMS.legacy}' have been modified.`]);
  });

  it('pages a long answer with @odata.nextLink when the client prefers small pages', async () => {
    const body = { RecipientTypeDetails: 'RoomMailbox', ResultSize: 'Unlimited' };
    const all = (await run('Get-Mailbox', body)).json.value.length;
    const first = await exchange(sim, exo, 'Get-Mailbox', body, { Prefer: 'odata.maxpagesize=2' });
    expect(first.json.value).toHaveLength(2);
    const link = first.json['@odata.nextLink'] as string;
    expect(link.startsWith(`https://outlook.office365.com/adminapi/beta/${sim.tenantId}/InvokeCommand?`)).toBe(true);
    let seen = 2;
    let next: string | undefined = link;
    while (next) {
      const page: Answer<Json> = await send(sim, 'POST', next, {
        headers: { authorization: `Bearer ${exo}`, 'content-type': 'application/json', Prefer: 'odata.maxpagesize=2' },
        body: JSON.stringify({ CmdletInput: { CmdletName: 'Get-Mailbox', Parameters: body } }),
      });
      seen += page.json.value.length;
      next = page.json['@odata.nextLink'];
    }
    expect(seen).toBe(all);
  });

  it('lists room mailboxes by RecipientTypeDetails and by -Filter', async () => {
    const rooms = (await run('Get-Mailbox', { RecipientTypeDetails: 'RoomMailbox', ResultSize: 'Unlimited' })).json.value.map((m: { PrimarySmtpAddress: string }) => m.PrimarySmtpAddress);
    expect(rooms).toEqual(expect.arrayContaining([SAMPLE_ROOMS.configured, SAMPLE_ROOMS.misconfigured]));
    expect(rooms).not.toContain(sim.adminUpn);
    const enabled = (await run('Get-Mailbox', { Filter: "RecipientTypeDetails -eq 'RoomMailbox' -and RoomMailboxAccountEnabled -eq $true" })).json.value.map((m: { PrimarySmtpAddress: string }) => m.PrimarySmtpAddress);
    expect(enabled).toContain(SAMPLE_ROOMS.configured);
    expect(enabled).not.toContain(sim.adminUpn);
  });
});

describe('calendar processing, regional configuration, places', () => {
  it('starts a new room at Exchange\'s defaults and takes every value the plan sets', async () => {
    await newRoom('mtr-hood@contoso.com');
    const defaults = (await run('Get-CalendarProcessing', { Identity: 'mtr-hood@contoso.com' })).json.value[0];
    expect(defaults).toMatchObject({ AutomateProcessing: 'AutoAccept', DeleteComments: true, DeleteSubject: true, AddOrganizerToSubject: true, RemovePrivateProperty: true, ProcessExternalMeetingMessages: false, AddAdditionalResponse: false, AllowConflicts: false, BookingWindowInDays: 180 });
    const settings: Record<string, unknown> = Object.fromEntries(CALENDAR_PROCESSING.map((s) => [s.parameter, s.value]));
    settings.AdditionalResponse = 'This is a Microsoft Teams Meeting room!';
    const set = await run('Set-CalendarProcessing', { Identity: 'mtr-hood@contoso.com', ...settings });
    expect(set.status).toBe(200);
    expect((await run('Get-CalendarProcessing', { Identity: 'mtr-hood@contoso.com' })).json.value[0]).toMatchObject(settings);
    const again = await run('Set-CalendarProcessing', { Identity: 'mtr-hood@contoso.com', ...settings });
    expect(again.json['@adminapi.warnings'][0]).toContain('no settings of');
  });

  it('binds parameter values as PowerShell does', async () => {
    const enumValue = await run('Set-CalendarProcessing', { Identity: SAMPLE_ROOMS.configured, AutomateProcessing: 'Sometimes' });
    expect(cmdletError(enumValue)).toEqual({ type: 'System.Management.Automation.ParameterBindingException', message: expect.stringContaining('Specify one of the following enumerator names and try again: None, AutoUpdate, AutoAccept') });
    const boolValue = await run('Set-CalendarProcessing', { Identity: SAMPLE_ROOMS.configured, DeleteComments: 'False' });
    expect(cmdletError(boolValue).message).toContain('Boolean parameters accept only Boolean values and numbers');
    const caseless = await run('set-calendarprocessing', { identity: SAMPLE_ROOMS.misconfigured, automateprocessing: 'autoaccept', deletecomments: 0 });
    expect(caseless.status).toBe(200);
    expect((await run('Get-CalendarProcessing', { Identity: SAMPLE_ROOMS.misconfigured })).json.value[0]).toMatchObject({ AutomateProcessing: 'AutoAccept', DeleteComments: false });
    const missing = await run('Set-CalendarProcessing', { DeleteComments: false });
    expect(cmdletError(missing).message).toBe('Cannot process command because of one or more missing mandatory parameters: Identity.');
  });

  it('sets the time zone to a Windows time zone ID and refuses others', async () => {
    expect((await run('Get-MailboxRegionalConfiguration', { Identity: SAMPLE_ROOMS.misconfigured })).json.value[0].TimeZone).toBeNull();
    expect((await run('Set-MailboxRegionalConfiguration', { Identity: SAMPLE_ROOMS.misconfigured, TimeZone: 'W. Europe Standard Time' })).status).toBe(200);
    expect((await run('Get-MailboxRegionalConfiguration', { Identity: SAMPLE_ROOMS.misconfigured })).json.value[0].TimeZone).toBe('W. Europe Standard Time');
    const iana = await run('Set-MailboxRegionalConfiguration', { Identity: SAMPLE_ROOMS.misconfigured, TimeZone: 'Europe/Berlin' });
    expect(cmdletError(iana).message).toContain("The time zone ID 'Europe/Berlin' was not found");
  });

  it('reads and writes Places metadata, seen by Graph too', async () => {
    const place = (await run('Get-Place', { Identity: SAMPLE_ROOMS.configured })).json.value[0];
    expect(place).toMatchObject({ Building: 'Building 7', Floor: 3, Capacity: 12, City: 'Redmond', CountryOrRegion: 'US', Type: 'Room' });
    const set = await run('Set-Place', { Identity: SAMPLE_ROOMS.misconfigured, Building: 'Building 4', Floor: 1, Capacity: 8, City: 'Bellevue', CountryOrRegion: 'us', Tags: ['Teams Rooms'] });
    expect(set.status).toBe(200);
    const room = (await graph(sim, graphToken, 'GET', `/places/${SAMPLE_ROOMS.misconfigured}`)).json;
    expect(room).toMatchObject({ building: 'Building 4', floorNumber: 1, capacity: 8, address: { city: 'Bellevue', countryOrRegion: 'US' }, tags: ['Teams Rooms'] });
    const country = await run('Set-Place', { Identity: SAMPLE_ROOMS.misconfigured, CountryOrRegion: 'Narnia' });
    expect(cmdletError(country).type).toBe('System.Management.Automation.ParameterBindingException');
    expect((await run('Get-Place', { Identity: sim.adminUpn })).status).toBe(404);
  });
});

describe('room lists', () => {
  it('creates a room list, adds rooms once, lists members, and shows it in Places', async () => {
    const created = await run('New-DistributionGroup', { Name: 'Building 4 Rooms', RoomList: true });
    expect(created.json.value[0]).toMatchObject({ RecipientTypeDetails: 'RoomList', Alias: 'Building4Rooms', PrimarySmtpAddress: 'Building4Rooms@contoso.com' });
    expect((await run('Add-DistributionGroupMember', { Identity: 'Building 4 Rooms', Member: SAMPLE_ROOMS.misconfigured })).status).toBe(200);
    const twice = await run('Add-DistributionGroupMember', { Identity: 'Building 4 Rooms', Member: SAMPLE_ROOMS.misconfigured });
    expect(cmdletError(twice)).toEqual({ type: 'Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException', message: `The recipient "${SAMPLE_ROOMS.misconfigured}" is already a member of the group "Building 4 Rooms".` });
    const notRoom = await run('Add-DistributionGroupMember', { Identity: 'Building 4 Rooms', Member: sim.adminUpn });
    expect(cmdletError(notRoom).type).toBe('Microsoft.Exchange.Management.Tasks.RecipientTaskException');
    const members = (await run('Get-DistributionGroupMember', { Identity: 'Building4Rooms@contoso.com' })).json.value;
    expect(members.map((m: { PrimarySmtpAddress: string }) => m.PrimarySmtpAddress)).toEqual([SAMPLE_ROOMS.misconfigured]);
    const lists = (await run('Get-DistributionGroup', { RecipientTypeDetails: 'RoomList' })).json.value.map((g: { Name: string }) => g.Name);
    expect(lists).toEqual(['Building 7 Rooms', 'Building 4 Rooms']);
    const duplicate = await run('New-DistributionGroup', { Name: 'Building 4 Rooms', RoomList: true });
    expect(cmdletError(duplicate).type).toBe('Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException');
    const places = (await graph(sim, graphToken, 'GET', '/places/microsoft.graph.roomlist')).json.value.map((l: { displayName: string }) => l.displayName);
    expect(places).toContain('Building 4 Rooms');
  });
});
