// Network readiness at the room: DNS, TCP and TLS to each endpoint the room needs, UDP to the Teams
// media relays (STUN), the console's clock and the proxy in effect, as one NetworkReport. Probes run
// a few at a time under one overall limit; a probe that fails or runs out of time is a check that
// says so, never an exception.
import type tls from 'node:tls';
import type { CloudId } from '../../../shared/model.ts';
import { clockUrlOf, NETWORK_ENDPOINTS, STUN_TARGETS, type NetworkEndpoint, type StunTarget } from '../../../shared/onsite/network-endpoints.ts';
import { countChecks, type NetworkReport, type OnSiteCheck } from '../../../shared/onsite/results.ts';
import { readServerClock } from './clock-probe.ts';
import { resolveAll } from './dns-probe.ts';
import { clockCheck, dnsCheck, noStunTargetCheck, proxyCheck, stunCheck, tcpCheck, tlsCheck, type TcpAttempt } from './network-checks.ts';
import { OverallTimeout, runBounded, runProbe } from './probe-limits.ts';
import { firstProxyRule, proxyInEffect } from './proxy.ts';
import { probeStun } from './stun-probe.ts';
import { connectTcp } from './tcp-probe.ts';
import { handshakeTls, trustedRootsContext } from './tls-probe.ts';

export interface NetworkReadinessOptions {
  cloud: CloudId;
  /** Instead of the cloud's list (tests aim these at loopback). */
  endpoints?: readonly NetworkEndpoint[];
  stun?: readonly StunTarget[];
  /** Electron's session.resolveProxy: "DIRECT", "PROXY host:port", ... */
  resolveProxy?: (url: string) => Promise<string>;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY when there is no resolveProxy. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Roots trusted besides Node's public ones (tests stand in for public roots with these). */
  extraCaPem?: readonly string[];
  /** Each probe's time limit (DNS, TCP connect, TLS handshake, the clock's request), default 5000 ms. */
  timeoutMs?: number;
  now?: () => Date;
  signal?: AbortSignal;
  /** Where to read the clock from; default the cloud's sign-in endpoint. */
  clockUrl?: string;
  /** The whole run's limit, default 60 s. */
  overallTimeoutMs?: number;
  /** Probes at a time, default 6. */
  concurrency?: number;
  /** STUN: requests per relay (default 5) and each one's time limit (default 1000 ms). */
  stunAttempts?: number;
  stunReplyTimeoutMs?: number;
}

/** At most this many of a name's addresses are tried for TCP (enough for one IPv6 and one IPv4 miss). */
const MAX_ADDRESSES_TRIED = 3;

interface EndpointChecks {
  dns: OnSiteCheck;
  tcp: OnSiteCheck;
  tls?: OnSiteCheck;
}

export async function runNetworkReadiness(options: NetworkReadinessOptions): Promise<NetworkReport> {
  const now = options.now ?? (() => new Date());
  const at = () => now().toISOString();
  const startedAt = at();
  const endpoints = options.endpoints ?? NETWORK_ENDPOINTS[options.cloud];
  const stunTargets = options.stun ?? STUN_TARGETS[options.cloud];
  const probeMs = options.timeoutMs ?? 5000;
  const overallMs = options.overallTimeoutMs ?? 60_000;
  const stunReplyTimeoutMs = options.stunReplyTimeoutMs ?? 1000;
  const clockUrl = options.clockUrl ?? clockUrlOf(options.cloud);

  // One signal for the run: the caller's cancel, or the overall limit.
  const run = new AbortController();
  const overall = setTimeout(() => run.abort(new OverallTimeout(overallMs)), overallMs);
  const onCancel = () => run.abort();
  if (options.signal?.aborted) run.abort();
  else options.signal?.addEventListener('abort', onCancel, { once: true });

  try {
    const proxyOutcome = await runProbe(probeMs, run.signal, () => proxyInEffect(clockUrl, options));
    const proxy = proxyOutcome.ok ? proxyOutcome.value : { source: options.resolveProxy ? ('electron' as const) : ('none' as const), value: 'unknown', authenticated: false, error: proxyOutcome.failure.message };
    const proxyResult = proxyCheck(proxy, clockUrl, at());

    let secureContext: tls.SecureContext | undefined;
    const roots = () => (secureContext ??= trustedRootsContext(options.extraCaPem));

    const endpointChecks: EndpointChecks[] = new Array(endpoints.length);
    const stunChecks: OnSiteCheck[] = new Array(stunTargets.length);
    let clockResult: OnSiteCheck | undefined;

    const probeEndpoint = async (endpoint: NetworkEndpoint, index: number) => {
      const dns = await runProbe(probeMs, run.signal, () => resolveAll(endpoint.host));
      const dnsResult = dnsCheck(endpoint, dns, at());
      let attempts: TcpAttempt[] | undefined;
      if (dns.ok) {
        attempts = [];
        for (const { address } of dns.value.addresses.slice(0, MAX_ADDRESSES_TRIED)) {
          const outcome = await runProbe(probeMs, run.signal, (signal) => connectTcp(address, endpoint.port, signal));
          attempts.push({ address, outcome });
          if (outcome.ok || outcome.failure.kind === 'cancelled' || run.signal.aborted) break;
        }
      }
      const tcpResult = tcpCheck(endpoint, attempts, proxy, at());
      let tlsResult: OnSiteCheck | undefined;
      if (endpoint.tls) {
        const connected = attempts?.find((attempt) => attempt.outcome.ok);
        const handshake = connected
          ? await runProbe(probeMs, run.signal, (signal) => handshakeTls({ address: connected.address, port: endpoint.port, host: endpoint.host, secureContext: roots(), signal }))
          : undefined;
        tlsResult = tlsCheck(endpoint, handshake, at());
      }
      endpointChecks[index] = { dns: dnsResult, tcp: tcpResult, ...(tlsResult ? { tls: tlsResult } : {}) };
    };

    const stunAttempts = options.stunAttempts ?? 5;
    // Every request gets its time limit; the spacing between sends comes on top.
    const stunProbeMs = stunReplyTimeoutMs + stunAttempts * 100 + probeMs;
    const probeRelay = async (target: StunTarget, index: number) => {
      const outcome = await runProbe(stunProbeMs, run.signal, (signal) =>
        probeStun({ host: target.host, port: target.port, attempts: stunAttempts, replyTimeoutMs: stunReplyTimeoutMs, signal }),
      );
      stunChecks[index] = stunCheck(target, outcome, stunReplyTimeoutMs, at());
    };

    const probeClock = async () => {
      const outcome = await runProbe(probeMs, run.signal, (signal) => readServerClock(clockUrl, now, signal));
      clockResult = clockCheck(outcome, clockUrl, at());
    };

    // STUN paces its requests (about 0.4 s whatever else runs) and the clock is one request: both start first.
    await runBounded(
      [...stunTargets.map((target, index) => () => probeRelay(target, index)), probeClock, ...endpoints.map((endpoint, index) => () => probeEndpoint(endpoint, index))],
      options.concurrency ?? 6,
    );

    const checks: OnSiteCheck[] = [
      ...endpointChecks.flatMap(({ dns, tcp, tls: tlsResult }) => (tlsResult ? [dns, tcp, tlsResult] : [dns, tcp])),
      ...(stunTargets.length > 0 ? stunChecks : [noStunTargetCheck(at())]),
      clockResult!,
      proxyResult,
    ];
    return {
      cloud: options.cloud,
      startedAt,
      finishedAt: at(),
      proxy: { source: proxy.source, value: proxy.error ? 'unknown' : firstProxyRule(proxy.value) === 'DIRECT' ? 'DIRECT' : proxy.value },
      checks,
      counts: countChecks(checks),
    };
  } finally {
    clearTimeout(overall);
    options.signal?.removeEventListener('abort', onCancel);
  }
}
