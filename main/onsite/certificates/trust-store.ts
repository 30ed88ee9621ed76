// The roots a chain may end at when its root was not given: the public roots Node (and so the
// app) trusts, and roots this computer is told to trust besides (a company's private CA).
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { CertificateFileError } from './certificate-file-error.ts';
import { issued, sha256Of } from './certificate-identity.ts';

export interface TrustAnchor {
  x509: X509Certificate;
  der: Buffer;
  sha256: string;
  publiclyTrusted: boolean;
}

export interface TrustStore {
  /** The trusted root that issued this certificate, if any. */
  issuerOf(certificate: X509Certificate): TrustAnchor | undefined;
  isPubliclyTrusted(sha256: string): boolean;
}

function anchorOf(pem: string, publiclyTrusted: boolean): TrustAnchor {
  const x509 = new X509Certificate(pem);
  return { x509, der: x509.raw, sha256: sha256Of(x509.raw), publiclyTrusted };
}

// Parsed once per process: about 150 roots, a few milliseconds.
let publicRoots: readonly TrustAnchor[] | undefined;

function publicAnchors(): readonly TrustAnchor[] {
  publicRoots ??= rootCertificates.map((pem) => anchorOf(pem, true));
  return publicRoots;
}

export function trustStore(extraTrustedRootsPem: readonly string[] = []): TrustStore {
  const extra = extraTrustedRootsPem.map((pem, i) => {
    try {
      return anchorOf(pem, false);
    } catch {
      throw new CertificateFileError('extraTrustedRootsPem', 'not-a-certificate', `extra trusted root ${i + 1} is not a PEM certificate`);
    }
  });
  const anchors = [...publicAnchors(), ...extra];
  const publicSha = new Set(publicAnchors().map((anchor) => anchor.sha256));
  return {
    // Names first (cheap), then OpenSSL's issue check and the signature.
    issuerOf: (certificate) => anchors.find((anchor) => anchor.x509.subject === certificate.issuer && issued(anchor.x509, certificate)),
    isPubliclyTrusted: (sha256) => publicSha.has(sha256),
  };
}
