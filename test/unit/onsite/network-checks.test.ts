// From probe results to checks: the thresholds and verdicts, without sockets.
import { describe, expect, it } from 'vitest';
import { clockCheck, proxyCheck, stunCheck, tlsCheck } from '../../../main/onsite/network/network-checks.ts';
import { bypassedByNoProxy, proxyFromEnvironment } from '../../../main/onsite/network/proxy.ts';
import type { TlsHandshake } from '../../../main/onsite/network/tls-probe.ts';
import type { NetworkEndpoint } from '../../../shared/onsite/network-endpoints.ts';
import { OnSiteCheckSchema } from '../../../shared/onsite/results.ts';

const AT = '2025-03-01T10:00:00.000Z';
const URL_ = 'https://login.microsoftonline.com/';
const ENDPOINT: NetworkEndpoint = {
  id: 'identity',
  service: 'identity',
  host: 'login.microsoftonline.com',
  port: 443,
  tls: true,
  why: 'The room signs in here.',
  ask: 'allow TCP 443 to login.microsoftonline.com',
  expectedIssuerOrganizations: ['Microsoft Corporation', 'DigiCert Inc'],
};

function clockAt(skewMs: number) {
  return clockCheck({ ok: true, value: { url: URL_, serverTime: AT, localTime: AT, skewMs, roundTripMs: 20 } }, URL_, AT);
}

describe('clockCheck', () => {
  it('passes under a minute, warns from one minute, fails from five, either way', () => {
    expect(clockAt(59_000).status).toBe('passed');
    expect(clockAt(-59_000).status).toBe('passed');
    expect(clockAt(60_000).status).toBe('warning');
    expect(clockAt(-4 * 60_000).status).toBe('warning');
    expect(clockAt(5 * 60_000).status).toBe('failed');
    expect(clockAt(-10 * 60_000)).toMatchObject({ status: 'failed', detail: expect.stringContaining("10 min 0 s behind login.microsoftonline.com's") });
    expect(OnSiteCheckSchema.parse(clockAt(-10 * 60_000))).toBeTruthy();
  });
});

function handshake(extra: Partial<TlsHandshake>): TlsHandshake {
  return {
    address: '20.190.1.1',
    ms: 30,
    authorized: true,
    chain: [{ subject: 'login.microsoftonline.com', issuer: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1', issuerOrganization: 'DigiCert, Inc.', validTo: 'x', sha256: 'AA' }],
    ...extra,
  };
}

describe('tlsCheck', () => {
  it('matches issuer organisations loosely (punctuation and case)', () => {
    expect(tlsCheck(ENDPOINT, { ok: true, value: handshake({}) }, AT).status).toBe('passed');
  });

  it('calls an untrusted chain TLS inspection by its issuer; a wrong name or an expired certificate by what they are', () => {
    const inspected = handshake({
      authorized: false,
      authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      chain: [{ subject: 'login.microsoftonline.com', issuer: 'Zscaler Intermediate Root CA', issuerOrganization: 'Zscaler Inc.', validTo: 'x', sha256: 'BB' }],
    });
    expect(tlsCheck(ENDPOINT, { ok: true, value: inspected }, AT)).toMatchObject({
      status: 'failed',
      detail: expect.stringMatching(/^TLS inspection by Zscaler Intermediate Root CA \(Zscaler Inc\.\)/),
      remedy: expect.stringContaining('exclude login.microsoftonline.com from TLS inspection'),
    });
    const wrongName = tlsCheck(ENDPOINT, { ok: true, value: handshake({ authorized: false, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID' }) }, AT);
    expect(wrongName.detail).toContain('something other than Microsoft answered');
    expect(wrongName.detail).not.toContain('TLS inspection by');
    const expired = tlsCheck(ENDPOINT, { ok: true, value: handshake({ authorized: false, authorizationError: 'CERT_HAS_EXPIRED' }) }, AT);
    expect(expired.detail).toContain("check the console's clock");
  });

  it('is unknown when there was no TCP connection, and failed (naming the limit) when the handshake timed out', () => {
    expect(tlsCheck(ENDPOINT, undefined, AT).status).toBe('unknown');
    expect(tlsCheck(ENDPOINT, { ok: false, failure: { kind: 'timeout', message: 'no answer within 5 s' } }, AT)).toMatchObject({
      status: 'failed',
      detail: expect.stringContaining('no answer within 5 s'),
    });
  });
});

describe('stunCheck', () => {
  const target = { id: 'relay', host: 'worldaz.tr.teams.microsoft.com', port: 3478 };
  const result = (received: number) => ({
    ok: true as const,
    value: { address: '52.112.1.1', sent: 5, received, lossPercent: ((5 - received) / 5) * 100, roundTripsMs: Array(received).fill(20), ...(received ? { medianMs: 20 } : {}) },
  });
  it('passes with no loss, warns with some, fails with none answered', () => {
    expect(stunCheck(target, result(5), 1000, AT).status).toBe('passed');
    expect(stunCheck(target, result(4), 1000, AT)).toMatchObject({ status: 'warning', detail: expect.stringContaining('20% lost') });
    expect(stunCheck(target, result(0), 1000, AT)).toMatchObject({ status: 'failed', detail: expect.stringContaining('(52.112.1.1)') });
  });
});

describe('the proxy from the environment', () => {
  it('prefers HTTPS_PROXY, falls back to HTTP_PROXY, and never keeps credentials', () => {
    expect(proxyFromEnvironment(URL_, {})).toEqual({ source: 'none', value: 'DIRECT', authenticated: false });
    expect(proxyFromEnvironment(URL_, { HTTP_PROXY: 'http://p.contoso.com:3128', HTTPS_PROXY: 'http://q.contoso.com:8080' }).value).toBe('PROXY q.contoso.com:8080');
    expect(proxyFromEnvironment(URL_, { http_proxy: 'p.contoso.com:3128' }).value).toBe('PROXY p.contoso.com:3128');
    const authenticated = proxyFromEnvironment(URL_, { https_proxy: 'http://DOMAIN%5Croom:pa55@p.contoso.com' });
    expect(authenticated).toEqual({ source: 'environment', value: 'PROXY p.contoso.com:80', authenticated: true });
    expect(proxyFromEnvironment(URL_, { HTTPS_PROXY: 'socks5://s.contoso.com:1080' }).value).toBe('SOCKS s.contoso.com:1080');
  });

  it('honours NO_PROXY names, suffixes, ports and *', () => {
    const target = new URL(URL_);
    expect(bypassedByNoProxy(target, 'microsoftonline.com')).toBe(true);
    expect(bypassedByNoProxy(target, '.microsoftonline.com')).toBe(true);
    expect(bypassedByNoProxy(target, '*.microsoftonline.com')).toBe(true);
    expect(bypassedByNoProxy(target, 'login.microsoftonline.com:443')).toBe(true);
    expect(bypassedByNoProxy(target, 'login.microsoftonline.com:8080')).toBe(false);
    expect(bypassedByNoProxy(target, 'online.com, contoso.com')).toBe(false);
    expect(bypassedByNoProxy(target, '*')).toBe(true);
  });

  it('turns an authenticated proxy into a failed check and a plain one into a warning', () => {
    expect(proxyCheck({ source: 'environment', value: 'PROXY p:80', authenticated: true }, URL_, AT).status).toBe('failed');
    expect(proxyCheck({ source: 'electron', value: 'PROXY p:80; DIRECT', authenticated: false }, URL_, AT).status).toBe('warning');
    expect(proxyCheck({ source: 'electron', value: 'DIRECT', authenticated: false }, URL_, AT).status).toBe('passed');
  });
});
