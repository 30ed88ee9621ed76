// One certificate as the report shows it: names, serial, validity, key, signature, usages, names it
// is valid for, and whether it is a CA, self-signed, or came with its private key.
import type { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../../../shared/onsite/results.ts';
import { readCertificateFields, type CertificateFields } from './asn1-fields.ts';
import { CertificateFileError } from './certificate-file-error.ts';
import { isSelfSigned, oneLineName, sha256Of } from './certificate-identity.ts';
import { CURVE_BITS } from './oid-names.ts';

const DAY_MS = 86_400_000;

export interface DescribedCertificate {
  info: CertificateInfo;
  fields: CertificateFields;
}

function keyOf(x509: X509Certificate): Pick<CertificateInfo, 'keyType' | 'keyBits' | 'curve'> {
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const keyType = key.asymmetricKeyType ?? 'unknown';
  if (details.namedCurve) {
    const bits = CURVE_BITS[details.namedCurve];
    return { keyType, curve: details.namedCurve, ...(bits ? { keyBits: bits } : {}) };
  }
  return { keyType, ...(details.modulusLength ? { keyBits: details.modulusLength } : {}) };
}

/** Whole days until expiry, rounded down: negative from the moment it expired. */
export function daysLeft(notAfter: Date, now: Date): number {
  return Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
}

export function describeCertificate(input: { fileName: string; index: number; x509: X509Certificate; der: Buffer; hasPrivateKey: boolean; now: Date }): DescribedCertificate {
  const { fileName, index, x509, der, hasPrivateKey, now } = input;
  let fields: CertificateFields;
  try {
    fields = readCertificateFields(der);
  } catch {
    throw new CertificateFileError(fileName, 'damaged', `${fileName}: certificate ${index + 1} is damaged (its fields cannot be read)`);
  }
  const info: CertificateInfo = {
    fileName,
    index,
    subject: oneLineName(x509.subject),
    issuer: oneLineName(x509.issuer),
    serialNumber: x509.serialNumber,
    notBefore: fields.notBefore.toISOString(),
    notAfter: fields.notAfter.toISOString(),
    daysLeft: daysLeft(fields.notAfter, now),
    ...keyOf(x509),
    signatureAlgorithm: fields.signatureAlgorithm.name,
    keyUsage: fields.keyUsage,
    extendedKeyUsage: fields.extendedKeyUsage,
    subjectAltNames: fields.subjectAltNames,
    isCA: x509.ca,
    selfSigned: isSelfSigned(x509),
    sha256: sha256Of(der),
    hasPrivateKey,
  };
  return { info, fields };
}
