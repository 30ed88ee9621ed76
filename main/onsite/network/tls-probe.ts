// TLS: a handshake with the name the room uses (SNI), the certificate chain the console is shown, and
// whether that chain verifies against public roots. Nothing is sent after the handshake.
import net from 'node:net';
import tls from 'node:tls';
import { abortReason } from './probe-limits.ts';

export interface PeerCertificateSummary {
  subject: string;
  subjectOrganization?: string;
  issuer: string;
  issuerOrganization?: string;
  validTo: string;
  sha256: string;
}

export interface TlsHandshake {
  address: string;
  ms: number;
  protocol?: string;
  /** The chain verified against the trusted roots and the certificate names the host. */
  authorized: boolean;
  /** OpenSSL's reason when not, e.g. SELF_SIGNED_CERT_IN_CHAIN, ERR_TLS_CERT_ALTNAME_INVALID. */
  authorizationError?: string;
  /** Leaf first, as presented (completed from the trusted roots where it reaches one). */
  chain: PeerCertificateSummary[];
}

/** Public roots (Node's, the Mozilla set Chromium also starts from) plus any given: one context per run. */
export function trustedRootsContext(extraCaPem: readonly string[] = []): tls.SecureContext {
  return tls.createSecureContext({ ca: [...tls.rootCertificates, ...extraCaPem] });
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function nameOf(fields: tls.Certificate | undefined): string {
  if (!fields) return '';
  return first(fields.CN) ?? first(fields.O) ?? first(fields.OU) ?? '';
}

function summarise(certificate: tls.DetailedPeerCertificate): PeerCertificateSummary {
  const subjectOrganization = first(certificate.subject?.O);
  const issuerOrganization = first(certificate.issuer?.O);
  return {
    subject: nameOf(certificate.subject),
    ...(subjectOrganization ? { subjectOrganization } : {}),
    issuer: nameOf(certificate.issuer),
    ...(issuerOrganization ? { issuerOrganization } : {}),
    validTo: certificate.valid_to,
    sha256: certificate.fingerprint256,
  };
}

function chainOf(leaf: tls.DetailedPeerCertificate): PeerCertificateSummary[] {
  const chain: PeerCertificateSummary[] = [];
  const seen = new Set<string>();
  for (let cert: tls.DetailedPeerCertificate | undefined = leaf; cert && cert.fingerprint256 && !seen.has(cert.fingerprint256); cert = cert.issuerCertificate) {
    seen.add(cert.fingerprint256);
    chain.push(summarise(cert));
  }
  return chain;
}

export interface TlsProbeInput {
  address: string;
  port: number;
  /** The name the room asks for (SNI and the name checked); an IP address gets no SNI. */
  host: string;
  secureContext: tls.SecureContext;
  signal: AbortSignal;
}

export function handshakeTls({ address, port, host, secureContext, signal }: TlsProbeInput): Promise<TlsHandshake> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const started = performance.now();
    const socket = tls.connect({
      host: address,
      port,
      ...(net.isIP(host) ? {} : { servername: host }),
      secureContext,
      // Verify, but keep the connection to read what was wrong: that is the finding.
      rejectUnauthorized: false,
      checkServerIdentity: (_name, cert) => tls.checkServerIdentity(host, cert),
    });
    const onAbort = () => {
      socket.destroy();
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);
    socket.once('secureConnect', () => {
      done();
      const ms = Math.round(performance.now() - started);
      const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
      const protocol = socket.getProtocol() ?? undefined;
      const result: TlsHandshake = {
        address,
        ms,
        ...(protocol ? { protocol } : {}),
        authorized: socket.authorized,
        ...(authorizationError ? { authorizationError } : {}),
        chain: chainOf(socket.getPeerCertificate(true)),
      };
      socket.destroy();
      resolve(result);
    });
    socket.once('error', (error) => {
      done();
      socket.destroy();
      reject(error);
    });
  });
}
