// Probe results as on-site checks: what each one means for the room (detail), what to ask the
// network team for (remedy) and the evidence (addresses, milliseconds, issuer, loss).
import { TEAMS_MEDIA_ASK, TEAMS_MEDIA_UDP_PORTS, type NetworkEndpoint, type StunTarget } from '../../../shared/onsite/network-endpoints.ts';
import type { OnSiteCheck } from '../../../shared/onsite/results.ts';
import { CLOCK_FAIL_MS, CLOCK_WARN_MS, type ClockReading } from './clock-probe.ts';
import type { DnsAnswer } from './dns-probe.ts';
import type { ProbeFailure, ProbeOutcome } from './probe-limits.ts';
import { firstProxyRule, type ProxyInEffect } from './proxy.ts';
import type { StunProbeResult } from './stun-probe.ts';
import type { TcpConnection } from './tcp-probe.ts';
import type { TlsHandshake } from './tls-probe.ts';

type Status = OnSiteCheck['status'];
type Evidence = NonNullable<OnSiteCheck['evidence']>;

/** Drops undefined members so the evidence is plain JSON. */
function json(value: Record<string, unknown>): Evidence {
  return JSON.parse(JSON.stringify(value)) as Evidence;
}

function check(id: string, title: string, status: Status, detail: string, at: string, remedy?: string, evidence?: Record<string, unknown>): OnSiteCheck {
  return { id, title, status, detail, ...(remedy && status !== 'passed' ? { remedy } : {}), ...(evidence ? { evidence: json(evidence) } : {}), at };
}

/** An optional endpoint (updates, Pro management) that fails is a warning: meetings still work. */
function failedFor(endpoint: NetworkEndpoint): Status {
  return endpoint.optional ? 'warning' : 'failed';
}

const ERROR_WORDS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'no such name (or the DNS server would not answer for it)',
  EAI_AGAIN: 'the DNS server did not answer',
  ENODATA: 'the name has no address',
  ECONNREFUSED: 'the connection was refused: a firewall rejects it, or nothing listens there',
  ECONNRESET: 'the connection was reset: a firewall or filter cut it',
  EHOSTUNREACH: 'no route to that address',
  ENETUNREACH: 'no route to that network',
  ETIMEDOUT: 'no answer: a firewall probably drops it',
  EPIPE: 'the connection was closed while talking',
};

/** A failure in plain words, naming the time limit when that is what happened. */
export function failureWords(failure: ProbeFailure): string {
  if (failure.kind !== 'error') return failure.message;
  return (failure.code && ERROR_WORDS[failure.code]) ?? failure.message;
}

function failureEvidence(failure: ProbeFailure): Record<string, unknown> {
  return { failure: failure.kind, code: failure.code, message: failure.message };
}

function notTried(id: string, title: string, reason: string, at: string): OnSiteCheck {
  return check(id, title, 'unknown', `Not tried: ${reason}.`, at);
}

// ---------------------------------------------------------------------------------------------
// DNS, TCP, TLS per endpoint

export function dnsCheck(endpoint: NetworkEndpoint, outcome: ProbeOutcome<DnsAnswer>, at: string): OnSiteCheck {
  const id = `network.dns.${endpoint.id}`;
  const title = `DNS: ${endpoint.host}`;
  if (outcome.ok) {
    const addresses = outcome.value.addresses.map((entry) => entry.address);
    return check(id, title, 'passed', `${endpoint.host} resolves to ${addresses.join(', ')}.`, at, undefined, { host: endpoint.host, addresses, ms: outcome.value.ms });
  }
  const { failure } = outcome;
  if (failure.kind === 'cancelled') return check(id, title, 'unknown', `Cancelled before ${endpoint.host} was resolved.`, at);
  return check(
    id,
    title,
    failedFor(endpoint),
    `The console cannot resolve ${endpoint.host}: ${failureWords(failure)}. ${endpoint.why}`,
    at,
    `Ask the network team to make sure the room's DNS servers resolve ${endpoint.host} (a public Microsoft 365 name), and to ${endpoint.ask}.`,
    { host: endpoint.host, ...failureEvidence(failure) },
  );
}

export interface TcpAttempt {
  address: string;
  outcome: ProbeOutcome<TcpConnection>;
}

/** " (20.190.1.2, 40.126.3.4)": the addresses tried, unless the host is itself the address. */
function addressesNote(endpoint: NetworkEndpoint, attempts: readonly { address: string }[]): string {
  const addresses = attempts.map((attempt) => attempt.address).filter((address) => address !== endpoint.host);
  return addresses.length > 0 ? ` (${addresses.join(', ')})` : '';
}

export function tcpCheck(endpoint: NetworkEndpoint, attempts: readonly TcpAttempt[] | undefined, proxy: ProxyInEffect, at: string): OnSiteCheck {
  const id = `network.tcp.${endpoint.id}`;
  const title = `TCP ${endpoint.port}: ${endpoint.host}`;
  if (!attempts || attempts.length === 0) return notTried(id, title, `${endpoint.host} did not resolve`, at);
  const tried = attempts.map(({ address, outcome }) => (outcome.ok ? { address, ms: outcome.value.ms } : { address, ...failureEvidence(outcome.failure) }));
  const connected = attempts.find((attempt) => attempt.outcome.ok);
  if (connected && connected.outcome.ok) {
    return check(id, title, 'passed', `Connected to ${endpoint.host} on TCP ${endpoint.port}${addressesNote(endpoint, [connected])} in ${connected.outcome.value.ms} ms.`, at, undefined, {
      host: endpoint.host,
      port: endpoint.port,
      address: connected.address,
      ms: connected.outcome.value.ms,
      attempts: tried,
    });
  }
  const last = attempts[attempts.length - 1]!.outcome as { ok: false; failure: ProbeFailure };
  if (last.failure.kind === 'cancelled') return check(id, title, 'unknown', `Cancelled before a connection to ${endpoint.host} was tried.`, at);
  const rule = firstProxyRule(proxy.value);
  const proxyNote =
    rule !== 'DIRECT' && proxy.value !== 'unknown'
      ? ` A proxy is in effect (${rule}); this check connects directly, as Teams media does, so web traffic may still get through the proxy.`
      : '';
  return check(
    id,
    title,
    failedFor(endpoint),
    `The console cannot open TCP ${endpoint.port} to ${endpoint.host}${addressesNote(endpoint, attempts)}: ${failureWords(last.failure)}. ${endpoint.why}${proxyNote}`,
    at,
    `Ask the network team to ${endpoint.ask}.`,
    { host: endpoint.host, port: endpoint.port, attempts: tried },
  );
}

/** OpenSSL's verdicts that mean "no trusted root vouches for this chain". */
const UNTRUSTED_CHAIN = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

const organisationKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The leaf's issuer as a person would name it: "Contoso Inspection CA (Contoso Ltd)". */
function issuerName(handshake: TlsHandshake): string {
  const leaf = handshake.chain[0];
  if (!leaf) return 'an unknown issuer';
  const { issuer, issuerOrganization } = leaf;
  if (issuerOrganization && issuer && issuer !== issuerOrganization) return `${issuer} (${issuerOrganization})`;
  return issuer || issuerOrganization || 'an unnamed issuer';
}

function passThroughRemedy(endpoint: NetworkEndpoint): string {
  return `Ask the network team to ${endpoint.ask} and to let TLS to ${endpoint.host} through untouched (no proxy interception, no TLS inspection).`;
}

function exclusionRemedy(endpoint: NetworkEndpoint): string {
  return `Ask the network team to exclude ${endpoint.host} from TLS inspection (no SSL decryption or break-and-inspect for Microsoft 365 traffic), and to ${endpoint.ask}.`;
}

export function tlsCheck(endpoint: NetworkEndpoint, outcome: ProbeOutcome<TlsHandshake> | undefined, at: string): OnSiteCheck {
  const id = `network.tls.${endpoint.id}`;
  const title = `TLS: ${endpoint.host}`;
  if (!outcome) return notTried(id, title, `no TCP connection to ${endpoint.host}`, at);
  if (!outcome.ok) {
    const { failure } = outcome;
    if (failure.kind === 'cancelled') return check(id, title, 'unknown', `Cancelled before the TLS handshake with ${endpoint.host} finished.`, at);
    const meaning =
      failure.kind === 'timeout'
        ? `The TLS handshake with ${endpoint.host} did not finish: ${failure.message}. Something accepts the connection but does not answer TLS (a proxy expecting CONNECT, or a firewall holding the connection).`
        : `The TLS handshake with ${endpoint.host} failed: ${failureWords(failure)}.`;
    return check(id, title, failedFor(endpoint), `${meaning} ${endpoint.why}`, at, passThroughRemedy(endpoint), { host: endpoint.host, ...failureEvidence(failure) });
  }
  const handshake = outcome.value;
  const issuer = issuerName(handshake);
  const leaf = handshake.chain[0];
  const evidence = {
    host: endpoint.host,
    address: handshake.address,
    ms: handshake.ms,
    protocol: handshake.protocol,
    authorized: handshake.authorized,
    authorizationError: handshake.authorizationError,
    issuer,
    issuerOrganization: leaf?.issuerOrganization,
    expectedIssuerOrganizations: endpoint.expectedIssuerOrganizations,
    chain: handshake.chain,
  };
  if (!handshake.authorized && handshake.authorizationError && UNTRUSTED_CHAIN.has(handshake.authorizationError)) {
    return check(
      id,
      title,
      failedFor(endpoint),
      `TLS inspection by ${issuer}: the certificate the console received for ${endpoint.host} was issued by ${issuer}, which no public root vouches for, so a proxy or firewall is decrypting this traffic. Teams Rooms does not support TLS inspection of Microsoft 365 traffic: sign-in, calendar and meetings fail or break at random. ${endpoint.why}`,
      at,
      exclusionRemedy(endpoint),
      evidence,
    );
  }
  if (!handshake.authorized) {
    const reason = handshake.authorizationError ?? 'not trusted';
    const meaning =
      reason === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? `the certificate is for ${leaf?.subject || 'another name'}, not ${endpoint.host}: something other than Microsoft answered (a captive portal, or a proxy answering for it)`
        : /EXPIRED|NOT_YET_VALID/.test(reason)
          ? `the certificate is outside its validity dates (${reason}); check the console's clock (network.clock)`
          : `it was not accepted (${reason})`;
    return check(id, title, failedFor(endpoint), `The certificate for ${endpoint.host} was issued by ${issuer}, but ${meaning}. ${endpoint.why}`, at, passThroughRemedy(endpoint), evidence);
  }
  const expected = endpoint.expectedIssuerOrganizations;
  if (expected && expected.length > 0 && !expected.some((name) => organisationKey(name) === organisationKey(leaf?.issuerOrganization ?? ''))) {
    // Trusted, yet not an issuer Microsoft uses here: an inspection CA the roots were given, or Microsoft changed CA.
    return check(
      id,
      title,
      'warning',
      `TLS inspection by ${issuer}, probably: the certificate for ${endpoint.host} chains to a trusted root, but Microsoft's certificates for it come from ${expected.join(' or ')}. If a proxy or firewall decrypts this traffic, Teams Rooms will fail at random. ${endpoint.why}`,
      at,
      `${exclusionRemedy(endpoint)} If nothing inspects this traffic, Microsoft may have changed its certificate authority and nothing needs doing.`,
      evidence,
    );
  }
  return check(id, title, 'passed', `TLS to ${endpoint.host} in ${handshake.ms} ms; the certificate is from ${issuer} and trusted; no TLS inspection seen.`, at, undefined, evidence);
}

// ---------------------------------------------------------------------------------------------
// STUN, clock, proxy

export function stunCheck(target: StunTarget, outcome: ProbeOutcome<StunProbeResult>, replyTimeoutMs: number, at: string): OnSiteCheck {
  const id = `network.stun.${target.id}`;
  const title = `UDP ${target.port} (STUN): ${target.host}`;
  if (!outcome.ok) {
    const { failure } = outcome;
    if (failure.kind === 'cancelled') return check(id, title, 'unknown', `Cancelled before the Teams media relay ${target.host} was tried.`, at);
    return check(
      id,
      title,
      'failed',
      `The STUN test to the Teams media relay ${target.host} could not run: ${failureWords(failure)}. Without UDP to the media relays, audio and video fall back to TCP 443 (poorer quality) or fail.`,
      at,
      `Ask the network team to ${TEAMS_MEDIA_ASK}.`,
      { host: target.host, port: target.port, ...failureEvidence(failure) },
    );
  }
  const result = outcome.value;
  const mapped = result.mappedAddress ? `${result.mappedAddress.address}:${result.mappedAddress.port}` : undefined;
  const evidence = {
    host: target.host,
    port: target.port,
    address: result.address,
    sent: result.sent,
    received: result.received,
    lossPercent: result.lossPercent,
    roundTripsMs: result.roundTripsMs,
    medianMs: result.medianMs,
    mappedAddress: mapped,
    errorCode: result.errorCode,
  };
  if (result.received === 0) {
    return check(
      id,
      title,
      'failed',
      `No answer from the Teams media relay ${target.host}${result.address !== target.host ? ` (${result.address})` : ''} to ${result.sent} STUN requests over UDP ${target.port}, each given ${replyTimeoutMs} ms. Audio and video will fall back to TCP 443 (poorer quality) or fail.`,
      at,
      `Ask the network team to ${TEAMS_MEDIA_ASK}.`,
      evidence,
    );
  }
  const summary = `${result.received} of ${result.sent} STUN requests to ${target.host} over UDP ${target.port} answered; median round trip ${result.medianMs} ms${mapped ? `; the relay sees the room as ${mapped}` : ''}.`;
  if (result.received < result.sent) {
    return check(
      id,
      title,
      'warning',
      `${summary} ${result.lossPercent}% lost: audio and video may break up.`,
      at,
      `Ask the network team why UDP to the Teams media relays is lost (congestion, rate limits, Wi-Fi), and to ${TEAMS_MEDIA_ASK}.`,
      evidence,
    );
  }
  return check(id, title, 'passed', summary, at, undefined, evidence);
}

/** A cloud whose media relays are published only as address ranges: say so, rather than guess a host. */
export function noStunTargetCheck(at: string): OnSiteCheck {
  return check(
    'network.stun',
    `UDP ${TEAMS_MEDIA_UDP_PORTS.from}–${TEAMS_MEDIA_UDP_PORTS.to} (STUN)`,
    'unknown',
    'RoomReady knows no Teams media relay by name for this cloud, so UDP to the media relays was not tested.',
    at,
    `Ask the network team to confirm they ${TEAMS_MEDIA_ASK}.`,
  );
}

/** The host of a URL for the words, or the text itself when it is no URL (never a throw). */
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

/** "10 min 3 s ahead of x" / "12 s behind x": which way the console's clock is off. */
function formatSkew(ms: number, of?: string): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  const amount = minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
  const direction = ms > 0 ? 'ahead' : 'behind';
  return of ? `${amount} ${direction === 'ahead' ? 'ahead of' : 'behind'} ${of}` : `${amount} ${direction}`;
}

export function clockCheck(outcome: ProbeOutcome<ClockReading>, url: string, at: string): OnSiteCheck {
  const id = 'network.clock';
  const title = 'Clock';
  const host = hostOf(url);
  if (!outcome.ok) {
    const { failure } = outcome;
    if (failure.kind === 'cancelled') return check(id, title, 'unknown', `Cancelled before the time was read from ${host}.`, at);
    return check(id, title, 'unknown', `Could not read the time from ${host}: ${failureWords(failure)}. The console's clock was not compared.`, at, 'Fix the sign-in endpoint checks first, then run the check again.', {
      url,
      ...failureEvidence(failure),
    });
  }
  const reading = outcome.value;
  const off = Math.abs(reading.skewMs);
  const evidence = { ...reading };
  const remedy =
    "Set the console's time zone and sync its clock (as Admin: w32tm /resync); ask the network team to allow NTP (UDP 123) to the room's time source (time.windows.com or the domain's).";
  if (off < CLOCK_WARN_MS) return check(id, title, 'passed', `The console's clock is within a minute of ${host}'s (${formatSkew(reading.skewMs)}).`, at, undefined, evidence);
  const status: Status = off >= CLOCK_FAIL_MS ? 'failed' : 'warning';
  const meaning =
    status === 'failed'
      ? 'More than 5 minutes off: sign-in tokens and certificates are refused, so the room cannot sign in.'
      : 'At 5 minutes off, sign-in and TLS start to fail.';
  return check(id, title, status, `The console's clock is ${formatSkew(reading.skewMs, `${host}'s`)}. ${meaning}`, at, remedy, evidence);
}

export function proxyCheck(proxy: ProxyInEffect, url: string, at: string): OnSiteCheck {
  const id = 'network.proxy';
  const title = 'Proxy';
  const from = proxy.source === 'electron' ? "Windows' settings (through Electron)" : proxy.source === 'environment' ? 'the environment (HTTPS_PROXY/HTTP_PROXY/NO_PROXY)' : 'no proxy is configured';
  const evidence = { url, source: proxy.source, value: proxy.value, authenticated: proxy.authenticated, error: proxy.error };
  if (proxy.error) return check(id, title, 'unknown', `The proxy in effect could not be read: ${proxy.error}.`, at, undefined, evidence);
  const rule = firstProxyRule(proxy.value);
  if (rule === 'DIRECT') return check(id, title, 'passed', `No proxy: HTTPS to ${hostOf(url)} goes direct (${proxy.source === 'none' ? from : `from ${from}`}).`, at, undefined, evidence);
  const bypass = `Teams media (UDP ${TEAMS_MEDIA_UDP_PORTS.from}–${TEAMS_MEDIA_UDP_PORTS.to}) must bypass the proxy`;
  if (proxy.authenticated) {
    return check(
      id,
      title,
      'failed',
      `HTTPS goes through ${rule}, which asks for a user name and password (from ${from}). Teams Rooms does not support authenticated proxies: the room cannot sign in through it.`,
      at,
      `Ask the network team to let the room through the proxy without authentication (or to bypass it for Microsoft 365); ${bypass}.`,
      evidence,
    );
  }
  return check(
    id,
    title,
    'warning',
    `HTTPS to ${hostOf(url)} goes through ${rule} (from ${from}). Teams Rooms takes its proxy from the Skype user's Windows settings; the proxy must not require authentication, and ${bypass}.`,
    at,
    `Ask the network team to confirm the proxy needs no authentication from the room and that ${bypass}; set the same proxy for the Skype user (ProxyServer or AutoConfigURL in its Internet Settings).`,
    evidence,
  );
}

/** A probe the run never reached (cancelled, or the overall limit came first). */
export function cancelledCheck(id: string, title: string, at: string): OnSiteCheck {
  return check(id, title, 'unknown', 'Cancelled before it ran.', at);
}
