// The Exchange Online gateway against a local server speaking the admin API's protocol: the
// InvokeCommand request as the ExchangeOnlineManagement module sends it, paging by
// @odata.nextLink, Exchange's error shapes, which cmdlets are repeated after which failures, and
// secrets kept out of errors.
import { afterEach, describe, expect, it } from 'vitest';
import { CLOUDS } from '../../../shared/clouds.ts';
import { appOnlyAnchorMailbox, createExchangeGateway } from '../../../main/tenant/exchange.ts';
import { parseExchangeDetail } from '../../../main/tenant/exchange-errors.ts';
import { createGraphGateway } from '../../../main/tenant/graph.ts';
import { createLimiter, type Limiter } from '../../../main/tenant/limiter.ts';
import { RetryPolicy, type RetryOptions } from '../../../main/tenant/retry.ts';
import { fetchTransport, TransportError } from '../../../main/tenant/transport.ts';
import { ExchangeCmdletError, PermissionError } from '../../../main/tenant/types.ts';
import { fakeTime, startLocalServer, type Handler, type LocalServer } from './local-server.ts';

const TENANT = '7c6e1a52-3d4b-4f2e-9a8c-1b2d3e4f5a6b';
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The admin API's error answer, as Exchange Online sends it. */
const adminApiError = (code: string, detail: string) => ({
  error: {
    code,
    message: 'Error executing cmdlet',
    details: [{ code: 'Client', target: '', message: detail }],
    innererror: { message: 'Error executing cmdlet', type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException', stacktrace: '' },
  },
});

async function gateway(handler: Handler, retry: RetryOptions = {}, limiter?: Limiter, onWarning?: (cmdlet: string, warning: string) => void) {
  server = await startLocalServer(handler);
  const time = fakeTime();
  const exchange = createExchangeGateway({
    cloud: { ...CLOUDS.global, exchangeRoot: server.url },
    tenantId: TENANT,
    tokens: async (resource) => `token-for-${resource}`,
    transport: fetchTransport(),
    retry: new RetryPolicy({ now: time.now, sleep: time.sleep, random: () => 0.5, ...retry }),
    ...(limiter ? { limiter } : {}),
    ...(onWarning ? { onWarning } : {}),
  });
  return { exchange, server, time };
}

const mailbox = (upn: string) => ({ Identity: upn, PrimarySmtpAddress: upn, RecipientTypeDetails: 'RoomMailbox' });

describe('the InvokeCommand request', () => {
  it('posts the cmdlet with the module’s headers and the exchange token', async () => {
    const { exchange, server } = await gateway(() => ({ json: { '@odata.context': 'https://outlook.office365.com/adminapi/beta/$metadata#Collection(Exchange.GenericHashTable)', value: [mailbox('room@contoso.com')] } }));
    const objects = await exchange.invoke('Get-Mailbox', { Identity: 'room@contoso.com', RecipientTypeDetails: ['RoomMailbox'] });
    expect(objects).toEqual([mailbox('room@contoso.com')]);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: `/adminapi/beta/${TENANT}/InvokeCommand` });
    expect(JSON.parse(request!.body)).toEqual({ CmdletInput: { CmdletName: 'Get-Mailbox', Parameters: { Identity: 'room@contoso.com', RecipientTypeDetails: ['RoomMailbox'] } } });
    expect(request!.headers).toMatchObject({
      authorization: 'Bearer token-for-exchange',
      'content-type': 'application/json',
      accept: 'application/json',
      'x-cmdletname': 'Get-Mailbox',
      'x-responseformat': 'json',
      'x-serializationlevel': 'Partial',
      'x-clientapplication': 'ExoManagementModule',
      'x-anchormailbox': 'UPN:room@contoso.com',
      'parameter-based-routing': 'true',
      prefer: 'odata.maxpagesize=1000',
    });
    expect(request!.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('anchors cmdlets that target no mailbox on the tenant’s system mailbox', async () => {
    const { exchange, server } = await gateway(() => ({ json: { value: [] } }));
    await exchange.invoke('New-DistributionGroup', { Name: 'Building 4 Rooms', RoomList: true });
    expect(server.requests[0]!.headers['x-anchormailbox']).toBe(appOnlyAnchorMailbox(TENANT));
    expect(server.requests[0]!.headers['parameter-based-routing']).toBeUndefined();
  });

  it('follows @odata.nextLink with the same body, and refuses one on another origin', async () => {
    const { exchange, server } = await gateway((request) =>
      request.url.includes('skiptoken')
        ? { json: { value: [mailbox('b@contoso.com')] } }
        : { json: { value: [mailbox('a@contoso.com')], '@odata.nextLink': `${server.url}/adminapi/beta/${TENANT}/InvokeCommand?%24skiptoken=a1b2` } },
    );
    const objects = await exchange.invoke('Get-Mailbox', { RecipientTypeDetails: 'RoomMailbox', ResultSize: 'Unlimited' });
    expect(objects.map((item) => item.Identity)).toEqual(['a@contoso.com', 'b@contoso.com']);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.url).toBe(`/adminapi/beta/${TENANT}/InvokeCommand?%24skiptoken=a1b2`);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
    await server.close();

    const elsewhere = await gateway(() => ({ json: { value: [mailbox('a@contoso.com')], '@odata.nextLink': 'https://evil.example/adminapi/beta/x/InvokeCommand?%24skiptoken=a1b2' } }));
    await expect(elsewhere.exchange.invoke('Get-Mailbox', {})).rejects.toBeInstanceOf(ExchangeCmdletError);
    expect(elsewhere.server.requests).toHaveLength(1);
  });

  it('passes Exchange’s warnings on', async () => {
    const warnings: string[] = [];
    const { exchange } = await gateway(
      () => ({ json: { value: [], '@adminapi.warnings': ["The command completed successfully but no settings of 'room' have been modified."] } }),
      {},
      undefined,
      (cmdlet, warning) => warnings.push(`${cmdlet}: ${warning}`),
    );
    await exchange.invoke('Set-CalendarProcessing', { Identity: 'room@contoso.com', AutomateProcessing: 'AutoAccept' });
    expect(warnings).toEqual(["Set-CalendarProcessing: The command completed successfully but no settings of 'room' have been modified."]);
  });
});

describe('errors', () => {
  it('reads the .NET exception type and the text out of the error detail', async () => {
    const detail = "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'ghost@contoso.com' couldn't be found on 'AM0PR01A12DC003.EURPR01A012.PROD.OUTLOOK.COM'.";
    const { exchange } = await gateway(() => ({ status: 404, json: adminApiError('NotFound', detail) }));
    const error = await exchange.invoke('Get-Mailbox', { Identity: 'ghost@contoso.com' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExchangeCmdletError);
    const cmdletError = error as ExchangeCmdletError;
    expect(cmdletError).toMatchObject({ cmdlet: 'Get-Mailbox', status: 404, errorType: 'ManagementObjectNotFoundException' });
    expect(cmdletError.notFound).toBe(true);
    expect(cmdletError.message).toBe("Get-Mailbox: The operation couldn't be performed because object 'ghost@contoso.com' couldn't be found on 'AM0PR01A12DC003.EURPR01A012.PROD.OUTLOOK.COM'.");
  });

  it('keeps other cmdlet errors as they are, typed', async () => {
    const detail = "Ex1A2B3C|Microsoft.Exchange.Management.Tasks.RecipientTaskException|The proxy address \"SMTP:room@contoso.com\" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address.";
    const { exchange } = await gateway(() => ({ status: 400, json: adminApiError('BadRequest', detail) }));
    const error = (await exchange.invoke('New-Mailbox', { Name: 'Room', Room: true }).catch((caught: unknown) => caught)) as ExchangeCmdletError;
    expect(error).toBeInstanceOf(ExchangeCmdletError);
    expect(error.errorType).toBe('RecipientTaskException');
    expect(error.notFound).toBe(false);
    expect(error.message).toContain('is already being used by the proxy addresses');
  });

  it('turns 403 into a PermissionError', async () => {
    const { exchange } = await gateway(() => ({
      status: 403,
      json: adminApiError('Forbidden', "Ex9D1A2B|Microsoft.Exchange.Configuration.Authorization.AuthorizationException|The user isn't assigned to any management roles."),
    }));
    const error = await exchange.invoke('Set-Mailbox', { Identity: 'room@contoso.com', Type: 'Room' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ service: 'exchange', status: 403 });
    expect((error as Error).message).toContain("isn't assigned to any management roles");
  });

  it('treats errors reported inside a 200 answer (@adminapi.errors) as a failed cmdlet', async () => {
    const { exchange } = await gateway(() => ({ json: { value: [], '@adminapi.errors': ["Ex7A11C2|Microsoft.Exchange.Management.Tasks.RecipientTaskException|Couldn't find object \"Building 9 Rooms\"."] } }));
    const error = (await exchange.invoke('Add-DistributionGroupMember', { Identity: 'Building 9 Rooms', Member: 'room@contoso.com' }).catch((caught: unknown) => caught)) as ExchangeCmdletError;
    expect(error).toBeInstanceOf(ExchangeCmdletError);
    expect(error.errorType).toBe('RecipientTaskException');
    expect(error.message).toBe('Add-DistributionGroupMember: Couldn\'t find object "Building 9 Rooms".');
  });

  it('parses the detail format, and leaves plain text alone', () => {
    expect(parseExchangeDetail('Ex41BAF5|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The specified mailbox Identity:"a@b.c" doesn\'t exist.')).toEqual({
      errorId: 'Ex41BAF5',
      fullType: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
      errorType: 'ManagementObjectNotFoundException',
      message: 'The specified mailbox Identity:"a@b.c" doesn\'t exist.',
    });
    expect(parseExchangeDetail('Something | with bars')).toEqual({ message: 'Something | with bars' });
  });
});

describe('which cmdlets are repeated', () => {
  it('repeats Get-* after a connection reset and after a 503 without Retry-After', async () => {
    const { exchange, server } = await gateway((_request, index) => (index === 0 ? { reset: true } : index === 1 ? { status: 503 } : { json: { value: [mailbox('room@contoso.com')] } }));
    expect(await exchange.invoke('Get-Mailbox', { Identity: 'room@contoso.com' })).toHaveLength(1);
    expect(server.requests).toHaveLength(3);
  });

  it('repeats a write that Exchange refused with 429 and Retry-After, waiting that long', async () => {
    const { exchange, server, time } = await gateway((_request, index) => (index === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { json: { value: [mailbox('room@contoso.com')] } }));
    await exchange.invoke('New-Mailbox', { Name: 'Room', Room: true, EnableRoomMailboxAccount: true });
    expect(server.requests).toHaveLength(2);
    expect(time.waits).toEqual([2000]);
  });

  it('does not repeat a write after a connection reset or a bare 5xx: it may have been executed', async () => {
    const reset = await gateway(() => ({ reset: true }));
    await expect(reset.exchange.invoke('New-Mailbox', { Name: 'Room', Room: true })).rejects.toBeInstanceOf(TransportError);
    expect(reset.server.requests).toHaveLength(1);
    await reset.server.close();

    const failing = await gateway(() => ({ status: 500, json: adminApiError('InternalServerError', 'An internal error occurred.') }));
    await expect(failing.exchange.invoke('Set-CalendarProcessing', { Identity: 'room@contoso.com', DeleteComments: false })).rejects.toMatchObject({ status: 500 });
    expect(failing.server.requests).toHaveLength(1);
  });

  it('repeats a write the caller declares idempotent', async () => {
    const { exchange, server } = await gateway((_request, index) => (index === 0 ? { status: 500 } : { json: { value: [] } }));
    await exchange.invoke('Set-CalendarProcessing', { Identity: 'room@contoso.com', DeleteComments: false }, { idempotent: true });
    expect(server.requests).toHaveLength(2);
  });

  it('shares a limiter with the Graph gateway: the bound holds across both services', async () => {
    const limiter = createLimiter(2);
    const { exchange, server } = await gateway(() => ({ delayMs: 25, json: { value: [{ id: 'x' }] } }), {}, limiter);
    const graph = createGraphGateway({ cloud: { ...CLOUDS.global, graphRoot: server.url }, tokens: async () => 't', transport: fetchTransport(), limiter });
    await Promise.all([
      ...Array.from({ length: 5 }, (_, index) => exchange.invoke('Get-Mailbox', { Identity: `r${index}@contoso.com` })),
      ...Array.from({ length: 5 }, (_, index) => graph.getUser(`r${index}@contoso.com`)),
    ]);
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBe(2);
  });
});

describe('secrets', () => {
  it('sends RoomMailboxPassword as given but never shows it in an error, even when Exchange echoes the command', async () => {
    const password = "Tr0ub4dor&3'x";
    const escaped = password.replace(/'/g, "''");
    const echoed =
      `|Microsoft.Exchange.Configuration.CmdletProxyException|Error on proxy command 'New-Mailbox -Name:'Room 1' -Room:$True -EnableRoomMailboxAccount:$True ` +
      `-RoomMailboxPassword:'${escaped}' -MicrosoftOnlineServicesID:'room1@contoso.com' -Confirm:$False' to server AM0PR01MB1234.EURPRD01.PROD.OUTLOOK.COM: the password '${password}' does not meet the length, complexity, or history requirements.`;
    const { exchange, server } = await gateway(() => ({ status: 400, json: adminApiError('BadRequest', echoed) }));
    const error = await exchange
      .invoke('New-Mailbox', { Name: 'Room 1', Room: true, EnableRoomMailboxAccount: true, MicrosoftOnlineServicesID: 'room1@contoso.com', RoomMailboxPassword: password })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExchangeCmdletError);
    const message = (error as Error).message;
    expect(message).not.toContain(password);
    expect(message).not.toContain('Tr0ub4dor');
    expect(message).toContain('-RoomMailboxPassword:[redacted]');
    expect(message).toContain("-MicrosoftOnlineServicesID:'room1@contoso.com'");
    expect(JSON.parse(server.requests[0]!.body).CmdletInput.Parameters.RoomMailboxPassword).toBe(password);
  });
});
