// bench/onsite: the on-site toolkit, each figure the median of a few runs against a baseline measured
// in the same process:
//  - network readiness against 12 loopback TLS stand-ins whose handshakes wait ~50 ms (WAN latency),
//    a UDP STUN responder and a clock, with the default bounded concurrency; baseline: the same
//    probes one at a time (concurrency 1). Also the 12 endpoints alone, without the STUN probe, whose
//    spaced requests (5, 100 ms apart) take ~0.4 s whatever the concurrency.
//  - certificate inspection of the whole corpus (test/fixtures/certs, minus junk.txt and
//    truncated.der); baseline: `new X509Certificate` of every PEM block and DER file in it.
//  - an installer package for a 500-room site (build contents, write, read); baseline: JSON.stringify,
//    writeFile, readFile and JSON.parse of the same contents. scrypt (N = 2^15) runs once to seal and
//    once to open, whatever the size, so a 1-room package shows that floor.
//
//   npm run bench:onsite            ROOMREADY_BENCH_RUNS=5 ROOMREADY_BENCH_ROOMS=500 ROOMREADY_BENCH_DELAY_MS=50
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runNetworkReadiness, type NetworkReadinessOptions } from '../main/onsite/network/readiness.ts';
import { inspectCertificates, type CertificateFileInput } from '../main/onsite/certificates/inspect.ts';
import { buildInstallerPackageContents, readInstallerPackage, writeInstallerPackage, type InstallerPackageContents } from '../main/onsite/package.ts';
import { SiteSchema, type Site } from '../shared/model.ts';
import type { NetworkEndpoint } from '../shared/onsite/network-endpoints.ts';
import type { NetworkReport } from '../shared/onsite/results.ts';
import { CORPUS_DIR, CORPUS_FILES, CORPUS_NOW, CORPUS_PFX_PASSWORD } from '../test/fixtures/certs/corpus.ts';
import { mintStandInCertificates, startClockStandIn, startStunStandIn, startTlsStandIn } from '../test/support/onsite-stand-ins.ts';
import { SAMPLE_SITE_INPUT } from '../test/unit/report/sample-input.ts';
import { table, timed } from './support/stats.ts';

const RUNS = Number(process.env.ROOMREADY_BENCH_RUNS ?? 5);
const ROOMS = Number(process.env.ROOMREADY_BENCH_ROOMS ?? 500);
const DELAY_MS = Number(process.env.ROOMREADY_BENCH_DELAY_MS ?? 50);
const ENDPOINTS = 12;
const LOOPBACK = '127.0.0.1';

// ---- network readiness --------------------------------------------------------------------------

/** Accepts at once, then holds the client's bytes DELAY_MS before piping them to `port`: a handshake one WAN round trip long. */
async function startDelayedRelay(port: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };
  const server = net.createServer((client) => {
    track(client);
    client.pause();
    setTimeout(() => {
      const upstream = net.connect(port, LOOPBACK);
      track(upstream);
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
    }, DELAY_MS);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Every probe must have passed, or the timing measured failures (time-outs) rather than the work. */
function requirePassed(name: string, report: NetworkReport, withoutStun: boolean): void {
  // Without a relay the report says "STUN not tested" (unknown), as it should.
  const notPassed = report.checks.filter((check) => check.status !== 'passed' && !(withoutStun && check.id === 'network.stun'));
  if (notPassed.length === 0) return;
  throw new Error(`${name}: ${notPassed.length} check(s) did not pass: ${notPassed.map((check) => `${check.id} (${check.status}: ${check.detail})`).join('; ')}`);
}

const certificates = mintStandInCertificates();
const closers: (() => Promise<void>)[] = [];
const endpoints: NetworkEndpoint[] = [];
for (let index = 0; index < ENDPOINTS; index += 1) {
  const tlsStandIn = await startTlsStandIn(certificates.microsoftLeaf);
  const relay = await startDelayedRelay(tlsStandIn.port);
  closers.push(relay.close, tlsStandIn.close);
  const id = `stand-in-${index + 1}`;
  endpoints.push({ id, service: 'teams', host: LOOPBACK, port: relay.port, tls: true, why: `Stand-in ${id}.`, ask: `allow TCP ${relay.port} to ${LOOPBACK}`, expectedIssuerOrganizations: ['Microsoft Corporation'] });
}
const stunStandIn = await startStunStandIn();
const clockStandIn = await startClockStandIn();
closers.push(stunStandIn.close, clockStandIn.close);

const networkOptions = (extra: Partial<NetworkReadinessOptions>): NetworkReadinessOptions => ({
  cloud: 'global',
  endpoints,
  stun: [{ id: 'relay', host: LOOPBACK, port: stunStandIn.port }],
  env: {},
  extraCaPem: [certificates.microsoftRoot.certPem],
  clockUrl: clockStandIn.url,
  ...extra,
});
const network = async (name: string, extra: Partial<NetworkReadinessOptions>) => {
  const measured = await timed(name, RUNS, () => runNetworkReadiness(networkOptions(extra)));
  requirePassed(name, measured.result, extra.stun?.length === 0);
  return measured;
};

let networkRows: string[][];
let networkChecks: number;
try {
  const sequential = await network('network baseline (concurrency 1)', { concurrency: 1 });
  const bounded = await network('network (default concurrency)', {});
  const sequentialEndpoints = await network('endpoints only, concurrency 1', { concurrency: 1, stun: [] });
  const boundedEndpoints = await network('endpoints only, default concurrency', { stun: [] });
  networkChecks = bounded.result.checks.length;
  const speedUp = (ms: number, baseline: number) => `${(baseline / ms).toFixed(1)}x`;
  networkRows = [
    ['baseline: concurrency 1 (12 TLS + STUN + clock)', String(RUNS), `${sequential.ms.toFixed(0)} ms`, '1.0x'],
    ['default concurrency (12 TLS + STUN + clock)', String(RUNS), `${bounded.ms.toFixed(0)} ms`, speedUp(bounded.ms, sequential.ms)],
    ['baseline: concurrency 1 (12 TLS + clock, no STUN)', String(RUNS), `${sequentialEndpoints.ms.toFixed(0)} ms`, '1.0x'],
    ['default concurrency (12 TLS + clock, no STUN)', String(RUNS), `${boundedEndpoints.ms.toFixed(0)} ms`, speedUp(boundedEndpoints.ms, sequentialEndpoints.ms)],
  ];
} finally {
  await Promise.all(closers.map((close) => close()));
}

// ---- certificate inspection ---------------------------------------------------------------------

const UNREADABLE: readonly string[] = [CORPUS_FILES.junk, CORPUS_FILES.truncatedDer];
const corpus: CertificateFileInput[] = await Promise.all(
  Object.values(CORPUS_FILES)
    .filter((fileName) => !UNREADABLE.includes(fileName))
    .map(async (fileName) => ({ fileName, bytes: new Uint8Array(await readFile(path.join(CORPUS_DIR, fileName))) })),
);
const withoutPfx = corpus.filter((file) => file.fileName !== CORPUS_FILES.pfx);
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
/** Every certificate of the PEM and DER files as X509Certificate reads it: one per PEM block, one per DER file. */
const certificateBytes: (string | Uint8Array)[] = withoutPfx.flatMap((file): (string | Uint8Array)[] => {
  const text = new TextDecoder().decode(file.bytes);
  return text.includes('-----BEGIN CERTIFICATE-----') ? (text.match(PEM_BLOCK) ?? []) : [file.bytes];
});
const CERT_RUNS = RUNS * 4; // each run takes milliseconds: more of them for a steadier median
const parsed = await timed('certificates baseline', CERT_RUNS, () => certificateBytes.map((bytes) => new X509Certificate(bytes)));
const inspectedPemDer = await timed('inspect PEM/DER', CERT_RUNS, () => inspectCertificates(withoutPfx, { now: CORPUS_NOW }));
const inspectedAll = await timed('inspect all', CERT_RUNS, () => inspectCertificates(corpus, { now: CORPUS_NOW, pfxPassword: CORPUS_PFX_PASSWORD }));
const vsParsed = (ms: number) => `${(ms / parsed.ms).toFixed(1)}x`;
const certificateRows = [
  [`baseline: new X509Certificate (${parsed.result.length} certs)`, String(CERT_RUNS), `${parsed.ms.toFixed(1)} ms`, '1.0x'],
  [`inspectCertificates, PEM/DER (${withoutPfx.length} files, ${inspectedPemDer.result.certificates.length} distinct)`, String(CERT_RUNS), `${inspectedPemDer.ms.toFixed(1)} ms`, vsParsed(inspectedPemDer.ms)],
  [`inspectCertificates, + PFX (${corpus.length} files, ${inspectedAll.result.certificates.length} distinct)`, String(CERT_RUNS), `${inspectedAll.ms.toFixed(1)} ms`, vsParsed(inspectedAll.ms)],
];

// ---- installer packages -------------------------------------------------------------------------

/** A site of `count` rooms; room i takes sample room i mod 3's fields, with its own UPN and name. */
function largeSite(count: number): Site {
  const sampleRooms = SAMPLE_SITE_INPUT.rooms ?? [];
  return SiteSchema.parse({
    ...structuredClone(SAMPLE_SITE_INPUT),
    rooms: Array.from({ length: count }, (_, index) => {
      const template = sampleRooms[index % sampleRooms.length]!;
      return { ...template, upn: `mtr-room-${String(index + 1).padStart(3, '0')}@contoso.com`, displayName: `${template.displayName} ${index + 1}` };
    }),
  });
}

const PASSPHRASE = 'bench-passphrase-not-a-secret';
/** A made-up password per room: the package carries them when the admin chose to. */
const benchPassword = (upn: string) => `Bench-${upn.length}-pw!`;
const NOW = new Date('2025-03-14T09:30:00Z');
const build = (site: Site) => buildInstallerPackageContents({ site, upns: site.rooms.map((room) => room.upn), includePasswords: true, passwords: benchPassword, now: NOW });

/** A step that throws is a row that says so (and fails the bench), not the end of the other figures. */
async function attempt(name: string, runs: number, work: () => Promise<unknown>): Promise<{ ms: number } | { failure: string }> {
  try {
    return await timed(name, runs, work);
  } catch (error) {
    process.exitCode = 1;
    const failure = `${(error as Error).name}: ${(error as Error).message}`;
    process.stderr.write(`  ${name}: ${failure}\n`);
    return { failure };
  }
}

const scratch = await mkdtemp(path.join(os.tmpdir(), 'roomready-bench-onsite-'));
let packageRows: string[][];
let packageBytes: number;
const packageFailures: string[] = [];
try {
  const site = largeSite(ROOMS);
  const oneRoom = largeSite(1);
  const contents = build(site);
  const sealed = path.join(scratch, 'site.roomready-package');
  const plain = path.join(scratch, 'site.json');
  const baseline = await timed('package baseline', RUNS, async () => {
    await writeFile(plain, JSON.stringify(contents));
    return JSON.parse(await readFile(plain, 'utf8')) as InstallerPackageContents;
  });
  const built = await timed('build contents', RUNS, () => build(site));
  const written = await timed('write package', RUNS, () => writeInstallerPackage(sealed, contents, PASSPHRASE));
  packageBytes = written.result.bytes;
  const read = await attempt('read package', RUNS, async () => {
    const opened = await readInstallerPackage(sealed, PASSPHRASE);
    if (opened.rooms.length !== ROOMS) throw new Error(`${opened.rooms.length} rooms read back, expected ${ROOMS}`);
  });
  const roundTrip = async (from: Site, file: string) => {
    await writeInstallerPackage(file, build(from), PASSPHRASE);
    await readInstallerPackage(file, PASSPHRASE);
  };
  const whole = await attempt(`build + write + read, ${ROOMS} rooms`, RUNS, () => roundTrip(site, sealed));
  const single = await attempt('build + write + read, 1 room', RUNS, () => roundTrip(oneRoom, path.join(scratch, 'room.roomready-package')));
  const row = (what: string, outcome: { ms: number } | { failure: string }) => {
    if ('ms' in outcome) return [what, String(RUNS), `${outcome.ms.toFixed(1)} ms`, `${(outcome.ms / baseline.ms).toFixed(1)}x`];
    packageFailures.push(`${what}: ${outcome.failure}`);
    return [what, String(RUNS), 'failed', '-'];
  };
  packageRows = [
    row(`baseline: JSON.stringify + writeFile + readFile + JSON.parse (${ROOMS} rooms)`, baseline),
    row(`buildInstallerPackageContents (${ROOMS} rooms)`, built),
    row(`writeInstallerPackage (${ROOMS} rooms; scrypt once)`, written),
    row(`readInstallerPackage (${ROOMS} rooms; scrypt once)`, read),
    row(`build + write + read (${ROOMS} rooms)`, whole),
    row('build + write + read (1 room: the scrypt floor)', single),
  ];
} finally {
  await rm(scratch, { recursive: true, force: true });
}

console.log(`bench/onsite: node ${process.version}, ${os.cpus().length} cores; median of the runs shown, ratios against the baseline above each group`);
console.log(`\nnetwork readiness: ${ENDPOINTS} loopback TLS stand-ins (handshake held ${DELAY_MS} ms), 1 STUN relay (5 requests 100 ms apart), 1 clock; ${networkChecks} checks, all passed`);
console.log(table(['what', 'runs', 'median', 'speed-up'], networkRows));
console.log(`\ncertificate inspection: test/fixtures/certs without ${UNREADABLE.join(' and ')}`);
console.log(table(['what', 'runs', 'median', 'vs baseline'], certificateRows));
console.log(`\ninstaller package: ${ROOMS}-room site with room passwords, ${(packageBytes / 1024 / 1024).toFixed(2)} MiB sealed`);
console.log(table(['what', 'runs', 'median', 'vs baseline'], packageRows));
for (const failure of packageFailures) console.log(`FAILED ${failure}`);
