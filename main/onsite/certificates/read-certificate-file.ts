// One file's certificates, whatever its format: PEM text (one or many blocks), a single DER
// certificate, or a PFX / PKCS#12 bundle. The format is told by the content, not the file name
// (a ".cer" is PEM as often as DER).
import { X509Certificate } from 'node:crypto';
import type forge from 'node-forge';
import type { CertificateInspection } from '../../../shared/onsite/results.ts';
import { CertificateFileError, notACertificateFile } from './certificate-file-error.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { parseDer } from './parse-der.ts';
import { looksLikePem, readPem } from './pem.ts';
import { looksLikePfx, readPfx } from './pfx.ts';

export type CertificateFormat = CertificateInspection['files'][number]['format'];

export interface ReadCertificate {
  x509: X509Certificate;
  der: Buffer;
  /** A PFX held this certificate's private key. */
  hasPrivateKey: boolean;
}

export interface CertificateFile {
  format: CertificateFormat;
  certificates: ReadCertificate[];
}

const ASN1_SEQUENCE = 0x30;

/** PEM is ASCII; Windows editors sometimes save it as UTF-16 with a byte-order mark. */
function asText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('latin1');
}

function x509Of(fileName: string, der: Buffer, position: number): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw new CertificateFileError(fileName, 'damaged', `${fileName}: certificate ${position} is damaged (it does not decode as an X.509 certificate)`);
  }
}

/** The size a DER value announces in its header (tag, length); undefined for BER's indefinite length. */
function declaredDerLength(bytes: Buffer): number | undefined {
  const first = bytes[1];
  if (first === undefined || first === 0x80) return undefined;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count > 4 || bytes.length < 2 + count) return Number.POSITIVE_INFINITY;
  return 2 + count + bytes.readUIntBE(2, count);
}

export function readCertificateFile(fileName: string, data: Uint8Array, pfxPassword: string | undefined): CertificateFile {
  if (data.byteLength > MAX_FILE_BYTES) {
    throw new CertificateFileError(fileName, 'too-large', `${fileName} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; a certificate file is a few kilobytes`);
  }
  if (data.byteLength === 0) throw notACertificateFile(fileName, 'it is empty');
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const text = asText(bytes);
  if (looksLikePem(text)) {
    const { certificates } = readPem(fileName, text);
    return { format: 'pem', certificates: certificates.map((der, i) => ({ x509: x509Of(fileName, der, i + 1), der, hasPrivateKey: false })) };
  }
  if (bytes[0] !== ASN1_SEQUENCE) throw notACertificateFile(fileName);
  try {
    return { format: 'der', certificates: [{ x509: new X509Certificate(bytes), der: Buffer.from(bytes), hasPrivateKey: false }] };
  } catch {
    // Not one certificate: perhaps a PFX, perhaps a damaged certificate. The structure tells.
  }
  const declared = declaredDerLength(bytes);
  if (declared !== undefined && declared > bytes.length) {
    throw notACertificateFile(fileName, `it starts like DER but is cut short: ${bytes.length} of ${declared} bytes`);
  }
  let node: forge.asn1.Asn1;
  try {
    node = parseDer(bytes, false);
  } catch {
    throw notACertificateFile(fileName, 'it starts like DER but is cut short or damaged');
  }
  if (!looksLikePfx(node)) throw notACertificateFile(fileName, 'it is DER but not a certificate');
  const certificates = readPfx(fileName, node, pfxPassword).map(({ der, hasPrivateKey }, i) => ({ x509: x509Of(fileName, der, i + 1), der, hasPrivateKey }));
  return { format: 'pfx', certificates };
}
