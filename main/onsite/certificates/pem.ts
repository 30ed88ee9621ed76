// PEM text: every "-----BEGIN CERTIFICATE-----" block, in order. Other blocks are passed over; a
// private key is noticed (the caller may say one was there) but its content is never kept or shown.
import { CertificateFileError, notACertificateFile } from './certificate-file-error.ts';
import { MAX_CERTIFICATES } from './limits.ts';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface PemContents {
  /** Each certificate's DER, in file order. */
  certificates: Buffer[];
  /** The file also held a private key (ignored). */
  privateKeys: number;
}

export function looksLikePem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]+-----/.test(text);
}

export function readPem(fileName: string, text: string): PemContents {
  const certificates: Buffer[] = [];
  const otherLabels = new Set<string>();
  let privateKeys = 0;
  for (const [, label, body] of text.matchAll(BLOCK)) {
    if (label!.endsWith('PRIVATE KEY')) {
      privateKeys += 1;
      continue;
    }
    if (!CERTIFICATE_LABELS.has(label!)) {
      otherLabels.add(label!);
      continue;
    }
    if (certificates.length === MAX_CERTIFICATES) {
      throw new CertificateFileError(fileName, 'too-many', `${fileName} holds more than ${MAX_CERTIFICATES} certificates; give at most ${MAX_CERTIFICATES} at a time`);
    }
    // Headers (RFC 1421 "Proc-Type: …") never appear in certificate blocks; only base64 may.
    const base64 = body!.replace(/\s+/g, '');
    if (base64 === '' || !BASE64.test(base64)) {
      throw new CertificateFileError(fileName, 'damaged', `${fileName}: certificate ${certificates.length + 1} is damaged (its PEM block is not base64)`);
    }
    certificates.push(Buffer.from(base64, 'base64'));
  }
  if (certificates.length === 0) {
    const held = [...(privateKeys > 0 ? ['a private key'] : []), ...[...otherLabels].map((label) => `a ${label} block`)];
    throw notACertificateFile(fileName, held.length > 0 ? `it holds ${held.join(' and ')} but no CERTIFICATE block` : 'no complete CERTIFICATE block');
  }
  return { certificates, privateKeys };
}
