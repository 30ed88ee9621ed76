// Network readiness against loopback stand-ins: TCP and TLS listeners with chosen certificates (one
// chained to a root given as extraCaPem, one from an "inspection" CA nobody trusts), a closed port, a
// listener that never answers TLS, an unresolvable name, UDP STUN responders (answering, lossy,
// silent), an HTTPS server whose Date header is skewed, and proxies from the environment and Electron.
import dgram from 'node:dgram';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli.ts';
import { runNetworkCommand } from '../../main/commands/network.ts';
import { UsageError } from '../../main/commands/usage-error.ts';
import { runNetworkReadiness, type NetworkReadinessOptions } from '../../main/onsite/network/readiness.ts';
import type { NetworkEndpoint, StunTarget } from '../../shared/onsite/network-endpoints.ts';
import { NetworkReportSchema, type NetworkReport, type OnSiteCheck } from '../../shared/onsite/results.ts';
import { mintCertificate, type MintedCertificate } from '../support/mint-certificate.ts';
import { stunBindingResponse } from '../support/onsite-stand-ins.ts';

const LOOPBACK = '127.0.0.1';
const closers: (() => Promise<void>)[] = [];

function listening(server: net.Server): Promise<number> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return new Promise((resolve) => server.listen(0, LOOPBACK, () => resolve((server.address() as AddressInfo).port)));
}

function tlsListener(key: string, certChainPem: string): Promise<number> {
  const server = tls.createServer({ key, cert: certChainPem }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  return listening(server);
}

/** Accepts the connection and never says a word: a TLS handshake that never finishes. */
function blackhole(): Promise<number> {
  return listening(net.createServer(() => undefined));
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, LOOPBACK, () => resolve((server.address() as AddressInfo).port)));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A STUN server written from RFC 5389 by hand (test/support's, not the code under test): answers
 * Binding requests with XOR-MAPPED-ADDRESS, except those `drop` says to ignore (by arrival order).
 */
async function stunResponder(drop: (index: number) => boolean): Promise<{ port: number; clients: string[] }> {
  const socket = dgram.createSocket('udp4');
  const clients: string[] = [];
  let index = 0;
  socket.on('message', (request, remote) => {
    const reply = stunBindingResponse(request, remote.address, remote.port);
    if (reply === undefined || drop(index++)) return;
    clients.push(`${remote.address}:${remote.port}`);
    socket.send(reply, remote.port, remote.address);
  });
  closers.push(() => new Promise((resolve) => socket.close(() => resolve())));
  const port = await new Promise<number>((resolve) => socket.bind(0, LOOPBACK, () => resolve(socket.address().port)));
  return { port, clients };
}

/** An HTTPS server whose clock is `skewMs` off (its Date header). */
function clockServer(key: string, cert: string, skewMs: number): Promise<number> {
  const server = https.createServer({ key, cert }, (_request, response) => {
    response.setHeader('Date', new Date(Date.now() + skewMs).toUTCString());
    response.end();
  });
  return listening(server);
}

function endpoint(id: string, port: number, extra: Partial<NetworkEndpoint> = {}): NetworkEndpoint {
  return { id, service: 'teams', host: LOOPBACK, port, tls: true, why: `Stand-in ${id}.`, ask: `allow TCP ${port} to ${LOOPBACK}`, ...extra };
}

function byId(report: NetworkReport, id: string): OnSiteCheck {
  const found = report.checks.find((check) => check.id === id);
  if (!found) throw new Error(`no check ${id} in ${report.checks.map((check) => check.id).join(', ')}`);
  return found;
}

let root: MintedCertificate;
let inspectionCa: MintedCertificate;
let ports: Record<'trusted' | 'inspected' | 'unexpected' | 'refused' | 'blackhole' | 'clock' | 'clockSkewed' | 'clockBehind', number>;
let stun: { ok: Awaited<ReturnType<typeof stunResponder>>; lossy: Awaited<ReturnType<typeof stunResponder>>; silent: Awaited<ReturnType<typeof stunResponder>> };

beforeAll(async () => {
  root = mintCertificate({ commonName: 'Stand-in Public Root', organization: 'Stand-in Roots', isCA: true });
  const issuing = mintCertificate({ commonName: 'Microsoft Azure RSA TLS Issuing CA 99', organization: 'Microsoft Corporation', isCA: true, issuer: root });
  const trustedLeaf = mintCertificate({ commonName: 'teams stand-in', organization: 'Microsoft Corporation', issuer: issuing, ipAddresses: [LOOPBACK] });
  inspectionCa = mintCertificate({ commonName: 'Contoso Inspection CA', organization: 'Contoso Firewalls', isCA: true });
  const inspectedLeaf = mintCertificate({ commonName: 'teams stand-in', issuer: inspectionCa, ipAddresses: [LOOPBACK] });
  const unexpectedLeaf = mintCertificate({ commonName: 'teams stand-in', issuer: root, ipAddresses: [LOOPBACK] });
  const clockCert = mintCertificate({ commonName: 'clock stand-in', ipAddresses: [LOOPBACK] });
  ports = {
    trusted: await tlsListener(trustedLeaf.keyPem, trustedLeaf.certPem + issuing.certPem),
    inspected: await tlsListener(inspectedLeaf.keyPem, inspectedLeaf.certPem + inspectionCa.certPem),
    unexpected: await tlsListener(unexpectedLeaf.keyPem, unexpectedLeaf.certPem),
    refused: await closedPort(),
    blackhole: await blackhole(),
    clock: await clockServer(clockCert.keyPem, clockCert.certPem, 0),
    clockSkewed: await clockServer(clockCert.keyPem, clockCert.certPem, -10 * 60_000),
    clockBehind: await clockServer(clockCert.keyPem, clockCert.certPem, 2 * 60_000),
  };
  stun = {
    ok: await stunResponder(() => false),
    lossy: await stunResponder((index) => index === 1 || index === 3),
    silent: await stunResponder(() => true),
  };
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

function options(extra: Partial<NetworkReadinessOptions>): NetworkReadinessOptions {
  return {
    cloud: 'global',
    endpoints: [],
    stun: [],
    env: {},
    extraCaPem: [root.certPem],
    clockUrl: `https://${LOOPBACK}:${ports.clock}/`,
    timeoutMs: 800,
    stunReplyTimeoutMs: 300,
    ...extra,
  };
}

describe('runNetworkReadiness against loopback stand-ins', () => {
  let report: NetworkReport;
  let targets: StunTarget[];

  beforeAll(async () => {
    targets = [
      { id: 'relay', host: LOOPBACK, port: stun.ok.port },
      { id: 'lossy-relay', host: LOOPBACK, port: stun.lossy.port },
      { id: 'silent-relay', host: LOOPBACK, port: stun.silent.port },
    ];
    report = await runNetworkReadiness(
      options({
        endpoints: [
          endpoint('trusted', ports.trusted, { expectedIssuerOrganizations: ['Microsoft Corporation', 'DigiCert Inc'] }),
          endpoint('inspected', ports.inspected, { expectedIssuerOrganizations: ['Microsoft Corporation'] }),
          endpoint('unexpected', ports.unexpected, { expectedIssuerOrganizations: ['Microsoft Corporation'] }),
          endpoint('refused', ports.refused),
          endpoint('blackhole', ports.blackhole),
          endpoint('unresolvable', 443, { host: 'teams-stand-in.invalid', ask: 'allow TCP 443 to teams-stand-in.invalid' }),
          endpoint('optional-refused', ports.refused, { tls: false, optional: true, service: 'updates' }),
        ],
        stun: targets,
      }),
    );
  });

  it('returns a report the schema accepts, its checks in a stable order and tallied', () => {
    expect(NetworkReportSchema.parse(report)).toEqual(report);
    expect(report.checks.map((check) => check.id)).toEqual([
      ...['trusted', 'inspected', 'unexpected', 'refused', 'blackhole', 'unresolvable'].flatMap((id) => [`network.dns.${id}`, `network.tcp.${id}`, `network.tls.${id}`]),
      'network.dns.optional-refused',
      'network.tcp.optional-refused',
      'network.stun.relay',
      'network.stun.lossy-relay',
      'network.stun.silent-relay',
      'network.clock',
      'network.proxy',
    ]);
    const counts = { passed: 0, failed: 0, warning: 0, unknown: 0 };
    for (const check of report.checks) counts[check.status] += 1;
    expect(report.counts).toEqual(counts);
  });

  it('passes a chain to a trusted root from an expected issuer, with the evidence', () => {
    expect(byId(report, 'network.dns.trusted')).toMatchObject({ status: 'passed', evidence: { addresses: [LOOPBACK] } });
    expect(byId(report, 'network.tcp.trusted')).toMatchObject({ status: 'passed', evidence: { address: LOOPBACK, port: ports.trusted } });
    const tlsCheck = byId(report, 'network.tls.trusted');
    expect(tlsCheck.status).toBe('passed');
    expect(tlsCheck.remedy).toBeUndefined();
    expect(tlsCheck.evidence).toMatchObject({ authorized: true, issuerOrganization: 'Microsoft Corporation' });
    expect((tlsCheck.evidence as { chain: unknown[] }).chain).toHaveLength(3); // leaf, issuing CA, the root it reached
  });

  it('names TLS inspection by the issuer when no trusted root vouches for the chain, and asks for an exclusion', () => {
    const check = byId(report, 'network.tls.inspected');
    expect(check.status).toBe('failed');
    expect(check.detail).toContain('TLS inspection by Contoso Inspection CA (Contoso Firewalls)');
    expect(check.remedy).toContain(`exclude ${LOOPBACK} from TLS inspection`);
    expect(check.evidence).toMatchObject({ authorized: false, issuerOrganization: 'Contoso Firewalls' });
    // The connection itself was fine: only TLS is the problem.
    expect(byId(report, 'network.tcp.inspected').status).toBe('passed');
  });

  it('warns of probable inspection when a trusted chain comes from an issuer Microsoft does not use there', () => {
    const check = byId(report, 'network.tls.unexpected');
    expect(check.status).toBe('warning');
    expect(check.detail).toMatch(/^TLS inspection by Stand-in Public Root \(Stand-in Roots\), probably/);
    expect(check.detail).toContain('Microsoft Corporation');
  });

  it('fails a refused port with what to ask for, and does not try TLS', () => {
    const check = byId(report, 'network.tcp.refused');
    expect(check.status).toBe('failed');
    expect(check.detail).toContain('refused');
    expect(check.remedy).toBe(`Ask the network team to allow TCP ${ports.refused} to ${LOOPBACK}.`);
    expect(check.evidence).toMatchObject({ attempts: [{ address: LOOPBACK, code: 'ECONNREFUSED' }] });
    expect(byId(report, 'network.tls.refused')).toMatchObject({ status: 'unknown', detail: expect.stringContaining('Not tried') });
  });

  it('reports a TLS handshake that never finishes as a failed check naming the time limit', () => {
    expect(byId(report, 'network.tcp.blackhole').status).toBe('passed');
    const check = byId(report, 'network.tls.blackhole');
    expect(check.status).toBe('failed');
    expect(check.detail).toContain('no answer within 800 ms');
    expect(check.evidence).toMatchObject({ failure: 'timeout' });
  });

  it('fails a name that does not resolve, and leaves TCP and TLS untried', () => {
    const check = byId(report, 'network.dns.unresolvable');
    expect(check.status).toBe('failed');
    expect(check.detail).toContain('cannot resolve teams-stand-in.invalid');
    expect(check.remedy).toContain('resolve teams-stand-in.invalid');
    expect(byId(report, 'network.tcp.unresolvable').status).toBe('unknown');
    expect(byId(report, 'network.tls.unresolvable').status).toBe('unknown');
  });

  it('makes an optional endpoint that fails a warning, not a failure', () => {
    expect(byId(report, 'network.tcp.optional-refused')).toMatchObject({ status: 'warning', remedy: expect.stringContaining('allow TCP') });
  });

  it('measures STUN: an answering relay passes with the mapped address, a lossy one warns with the loss, a silent one fails', () => {
    const ok = byId(report, 'network.stun.relay');
    expect(ok.status).toBe('passed');
    expect(ok.evidence).toMatchObject({ sent: 5, received: 5, lossPercent: 0 });
    expect((ok.evidence as { mappedAddress: string }).mappedAddress).toBe(stun.ok.clients[0]);
    expect((ok.evidence as { medianMs: number }).medianMs).toBeGreaterThanOrEqual(0);
    const lossy = byId(report, 'network.stun.lossy-relay');
    expect(lossy.status).toBe('warning');
    expect(lossy.evidence).toMatchObject({ sent: 5, received: 3, lossPercent: 40 });
    expect(lossy.detail).toContain('40% lost');
    const silent = byId(report, 'network.stun.silent-relay');
    expect(silent.status).toBe('failed');
    expect(silent.evidence).toMatchObject({ sent: 5, received: 0, lossPercent: 100 });
    expect(silent.remedy).toContain('allow UDP 3478–3481');
  });

  it('passes a clock that agrees with the server, and a direct connection', () => {
    const clock = byId(report, 'network.clock');
    expect(clock.status).toBe('passed');
    expect(Math.abs((clock.evidence as { skewMs: number }).skewMs)).toBeLessThan(2000);
    expect(byId(report, 'network.proxy').status).toBe('passed');
    expect(report.proxy).toEqual({ source: 'none', value: 'DIRECT' });
  });
});

describe('clock skew', () => {
  it('fails at 10 minutes off and says which way', async () => {
    const report = await runNetworkReadiness(options({ clockUrl: `https://${LOOPBACK}:${ports.clockSkewed}/` }));
    expect(NetworkReportSchema.parse(report)).toEqual(report);
    const clock = byId(report, 'network.clock');
    expect(clock.status).toBe('failed');
    expect(clock.detail).toMatch(/10 min \d+ s ahead of/);
    expect((clock.evidence as { skewMs: number }).skewMs).toBeGreaterThan(9 * 60_000);
    expect(clock.remedy).toContain('w32tm /resync');
  });

  it('warns at 2 minutes behind', async () => {
    const clock = byId(await runNetworkReadiness(options({ clockUrl: `https://${LOOPBACK}:${ports.clockBehind}/` })), 'network.clock');
    expect(clock.status).toBe('warning');
    expect(clock.detail).toContain('behind');
  });

  it('is unknown, with the reason, when the time cannot be read', async () => {
    const clock = byId(await runNetworkReadiness(options({ clockUrl: `https://${LOOPBACK}:${ports.refused}/` })), 'network.clock');
    expect(clock).toMatchObject({ status: 'unknown', detail: expect.stringContaining('refused') });
  });
});

describe('the proxy in effect', () => {
  it('reads HTTPS_PROXY, fails an authenticated proxy and never shows its password', async () => {
    const report = await runNetworkReadiness(options({ env: { HTTPS_PROXY: 'http://room:S3cret-pw@proxy.contoso.test:8080' } }));
    expect(NetworkReportSchema.parse(report)).toEqual(report);
    expect(report.proxy).toEqual({ source: 'environment', value: 'PROXY proxy.contoso.test:8080' });
    const check = byId(report, 'network.proxy');
    expect(check.status).toBe('failed');
    expect(check.detail).toContain('does not support authenticated proxies');
    expect(JSON.stringify(report)).not.toContain('S3cret-pw');
  });

  it('goes direct when NO_PROXY covers the host', async () => {
    const report = await runNetworkReadiness(options({ env: { HTTPS_PROXY: 'proxy.contoso.test:8080', NO_PROXY: `localhost,${LOOPBACK}` } }));
    expect(report.proxy).toEqual({ source: 'environment', value: 'DIRECT' });
    expect(byId(report, 'network.proxy').status).toBe('passed');
  });

  it("takes Electron's answer over the environment and asks for media to bypass the proxy", async () => {
    const asked: string[] = [];
    const report = await runNetworkReadiness(
      options({
        env: { HTTPS_PROXY: 'http://ignored.test:1' },
        resolveProxy: async (url) => {
          asked.push(url);
          return 'PROXY proxy.contoso.test:3128; DIRECT';
        },
      }),
    );
    expect(asked).toEqual([`https://${LOOPBACK}:${ports.clock}/`]);
    expect(report.proxy).toEqual({ source: 'electron', value: 'PROXY proxy.contoso.test:3128; DIRECT' });
    const check = byId(report, 'network.proxy');
    expect(check.status).toBe('warning');
    expect(check.detail).toContain('PROXY proxy.contoso.test:3128');
    expect(check.remedy).toContain('must bypass the proxy');
  });

  it('is unknown when Electron cannot say', async () => {
    const report = await runNetworkReadiness(options({ resolveProxy: () => Promise.reject(new Error('session gone')) }));
    expect(byId(report, 'network.proxy')).toMatchObject({ status: 'unknown', detail: expect.stringContaining('session gone') });
    expect(NetworkReportSchema.parse(report).proxy).toEqual({ source: 'electron', value: 'unknown' });
  });
});

describe('limits and cancelling', () => {
  it('stops at the overall limit and names it, without throwing', async () => {
    const started = Date.now();
    const report = await runNetworkReadiness(options({ endpoints: [endpoint('blackhole', ports.blackhole)], timeoutMs: 10_000, overallTimeoutMs: 400 }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(NetworkReportSchema.parse(report)).toEqual(report);
    expect(byId(report, 'network.tls.blackhole')).toMatchObject({ status: 'failed', detail: expect.stringContaining('overall limit of 400 ms') });
  });

  it('turns an unusable clock URL into unknown checks, not an exception', async () => {
    const report = await runNetworkReadiness(options({ clockUrl: 'not a url' }));
    expect(NetworkReportSchema.parse(report)).toEqual(report);
    expect(byId(report, 'network.clock').status).toBe('unknown');
    expect(byId(report, 'network.proxy').status).toBe('unknown');
  });

  it('returns unknown checks when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await runNetworkReadiness(options({ endpoints: [endpoint('trusted', ports.trusted)], stun: [{ id: 'relay', host: LOOPBACK, port: stun.ok.port }], signal: controller.signal }));
    expect(NetworkReportSchema.parse(report)).toEqual(report);
    const probes = report.checks.filter((check) => check.id !== 'network.proxy');
    expect(probes.map((check) => check.status)).toEqual(probes.map(() => 'unknown'));
  });

  it('probes the national clouds only with their own lists (no STUN target named: said so)', async () => {
    const report = await runNetworkReadiness(options({ cloud: 'usgov', endpoints: undefined, stun: undefined, signal: AbortSignal.abort() }));
    expect(report.checks.map((check) => check.id)).toContain('network.dns.identity');
    expect(byId(report, 'network.dns.identity').title).toBe('DNS: login.microsoftonline.us');
    expect(byId(report, 'network.stun')).toMatchObject({ status: 'unknown', remedy: expect.stringContaining('UDP 3478–3481') });
  });
});

describe('roomready network', () => {
  function io(): CliIo & { out: () => string } {
    let out = '';
    return { stdout: (text) => (out += `${text}\n`), stderr: () => undefined, env: {}, cwd: process.cwd(), out: () => out };
  }
  const overrides = () => ({ stun: [], extraCaPem: [root.certPem], clockUrl: `https://${LOOPBACK}:${ports.clock}/`, timeoutMs: 800 });

  it('prints a table and exits 0 when nothing failed', async () => {
    const cli = io();
    const code = await runNetworkCommand({ io: cli, values: { cloud: 'global' }, positionals: [] }, { ...overrides(), endpoints: [endpoint('trusted', ports.trusted)] });
    expect(code).toBe(0);
    const lines = cli.out().split('\n');
    expect(lines[0]).toBe('Network readiness: Microsoft 365 (worldwide, including GCC)');
    expect(lines).toContainEqual(expect.stringMatching(/^STATUS\s+CHECK\s+DETAIL$/));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^passed\\s+TLS: ${LOOPBACK.replace(/\./g, '\\.')}\\s+TLS to`)));
    expect(cli.out()).toContain('passed, 0 failed');
  });

  it('exits 1 when a check failed and lists what to ask the network team for', async () => {
    const cli = io();
    const code = await runNetworkCommand({ io: cli, values: {}, positionals: [] }, { ...overrides(), endpoints: [endpoint('refused', ports.refused)] });
    expect(code).toBe(1);
    expect(cli.out()).toMatch(/^FAILED\s+TCP \d+: 127\.0\.0\.1\s+The console cannot open/m);
    expect(cli.out()).toContain(`- FAILED TCP ${ports.refused}: ${LOOPBACK}: Ask the network team to allow TCP ${ports.refused} to ${LOOPBACK}.`);
  });

  it('prints the report as JSON with --json', async () => {
    const cli = io();
    await runNetworkCommand({ io: cli, values: { json: true, cloud: 'simulated' }, positionals: [] }, { ...overrides(), endpoints: [] });
    const report = NetworkReportSchema.parse(JSON.parse(cli.out()));
    expect(report.cloud).toBe('simulated');
  });

  it('rejects an unknown cloud or timeout as a usage error', async () => {
    await expect(runNetworkCommand({ io: io(), values: { cloud: 'mars' }, positionals: [] })).rejects.toThrow(UsageError);
    await expect(runNetworkCommand({ io: io(), values: { timeout: 'soon' }, positionals: [] })).rejects.toThrow(/--timeout/);
  });
});
