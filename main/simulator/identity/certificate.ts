// Self-signed X.509 certificates for practice: the confidential client's certificate credential
// and the token signing key's x5c. Node can read certificates but not make them, so this builds the
// few DER structures a minimal RSA/SHA-256 certificate needs (RFC 5280 §4.1). Nothing here is used
// against Microsoft 365: these are practice credentials for the simulated tenant only.
import crypto, { type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));

function integer(bytes: Buffer): Buffer {
  let content = bytes;
  while (content.length > 1 && content[0] === 0 && (content[1]! & 0x80) === 0) content = content.subarray(1);
  if ((content[0]! & 0x80) !== 0) content = Buffer.concat([Buffer.from([0]), content]);
  return tlv(0x02, content);
}

function objectIdentifier(oid: string): Buffer {
  const [first, second, ...rest] = oid.split('.').map(Number);
  const bytes = [40 * first! + second!];
  for (const arc of rest) {
    const chunk: number[] = [];
    let n = arc;
    do {
      chunk.unshift(n & 0x7f);
      n = Math.floor(n / 128);
    } while (n > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i]! |= 0x80;
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = `${pad(date.getUTCFullYear() % 100)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

const SHA256_WITH_RSA = sequence(objectIdentifier('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));

function commonName(cn: string): Buffer {
  return sequence(set(sequence(objectIdentifier('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));
}

export interface RsaKeys {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const generateKeyPair = promisify(crypto.generateKeyPair);

/** A 2048-bit RSA key pair, made off the main thread (so several can be made at once). */
export async function generateRsaKeys(): Promise<RsaKeys> {
  return generateKeyPair('rsa', { modulusLength: 2048 });
}

export interface PracticeCertificate {
  /** PEM of the certificate (public part). */
  certificatePem: string;
  /** PKCS#8 PEM of the private key. */
  privateKeyPem: string;
  /** SHA-1 thumbprint, upper-case hex without separators (MSAL clientCertificate.thumbprint). */
  thumbprint: string;
  /** SHA-256 thumbprint, upper-case hex (MSAL clientCertificate.thumbprintSha256). */
  thumbprintSha256: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  /** Base64 DER, as in a JWK's x5c. */
  derBase64: string;
}

export function createSelfSignedCertificate(subject: string, keys?: RsaKeys, serial: Buffer = crypto.randomBytes(12)): PracticeCertificate {
  const { publicKey, privateKey } = keys ?? crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Date.now();
  const tbs = sequence(
    tlv(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    SHA256_WITH_RSA,
    commonName(subject),
    sequence(utcTime(new Date(now - 86_400_000)), utcTime(new Date(now + 2 * 365 * 86_400_000))),
    commonName(subject),
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = crypto.sign('sha256', tbs, privateKey);
  const der = sequence(tbs, SHA256_WITH_RSA, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const x509 = new crypto.X509Certificate(der);
  return {
    certificatePem: x509.toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    thumbprint: x509.fingerprint.replace(/:/g, ''),
    thumbprintSha256: x509.fingerprint256.replace(/:/g, ''),
    publicKey,
    privateKey,
    derBase64: der.toString('base64'),
  };
}

/** A registered certificate credential, as Entra keeps it: the public key and both thumbprints. */
export interface CertificateCredential {
  thumbprint: string;
  thumbprintSha256: string;
  publicKey: KeyObject;
}

export function certificateCredential(certificatePem: string): CertificateCredential {
  const x509 = new crypto.X509Certificate(certificatePem);
  return { thumbprint: x509.fingerprint.replace(/:/g, ''), thumbprintSha256: x509.fingerprint256.replace(/:/g, ''), publicKey: x509.publicKey };
}

let practiceCertificate: Promise<PracticeCertificate> | undefined;

/**
 * The confidential client's practice certificate. One per process: every simulator in it registers
 * the same practice credential for its own app (RSA key generation is slow; tests start many).
 */
export function sharedPracticeCertificate(): Promise<PracticeCertificate> {
  practiceCertificate ??= generateRsaKeys().then((keys) => createSelfSignedCertificate('RoomReady practice (simulated tenant)', keys));
  return practiceCertificate;
}
