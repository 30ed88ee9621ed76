// How a certificate is named and compared: its SHA-256 (lower-case hex, the id in results and check
// ids), its distinguished names on one line, and whether one certificate issued another.
import { createHash, type X509Certificate } from 'node:crypto';

export function sha256Of(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/** The first 16 hex digits: enough to tell certificates apart in a check id. */
export function shortId(sha256: string): string {
  return sha256.slice(0, 16);
}

/** node:crypto gives one RDN per line ("C=US\nO=Contoso\nCN=Root"); a report wants one line. */
export function oneLineName(name: string): string {
  return name.split('\n').filter((part) => part !== '').join(', ');
}

export function commonNameOf(name: string): string | undefined {
  const line = name.split('\n').find((part) => part.startsWith('CN='));
  return line?.slice(3);
}

/** A name to show: the CN, or the whole distinguished name when there is none. */
export function displayName(name: string): string {
  return commonNameOf(name) ?? oneLineName(name);
}

/** `issuer` issued `child`: names and key identifiers match (OpenSSL's check) and the signature verifies. */
export function issued(issuer: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    // A key or signature type OpenSSL cannot check is not proof of issue.
    return false;
  }
}

export function isSelfSigned(certificate: X509Certificate): boolean {
  return issued(certificate, certificate);
}
