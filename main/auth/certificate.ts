// The app's certificate for app-only sign-in: a PEM holding the certificate and its private key
// (or the key alone plus the thumbprint the app registration shows). RoomReady computes the
// thumbprints itself, checks that the key belongs to the certificate and that the certificate is
// still valid, so a wrong file fails here with a sentence instead of at Entra ID with AADSTS700027.
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describeFsError } from '../workspace/fs-errors.ts';
import { AuthConfigError } from './auth-errors.ts';

export interface AppCertificate {
  /** Hex SHA-1 thumbprint (x5t), what the Entra portal lists; present when known. */
  sha1Thumbprint?: string;
  /** Hex SHA-256 thumbprint (x5t#S256); present whenever the certificate itself is. */
  sha256Thumbprint?: string;
  /** The private key as PKCS#8 PEM, the form MSAL signs with. */
  privateKeyPem: string;
  /** The certificate (PEM), when the file had it. */
  certificatePem?: string;
  notAfter?: Date;
}

export interface CertificateOptions {
  /** SHA-1 (40 hex digits) or SHA-256 (64) thumbprint; required when the PEM has no certificate. */
  thumbprint?: string;
  /** A separate PEM with the private key, when the certificate file does not hold it. */
  privateKeyPem?: string;
  /** For an encrypted private key. */
  keyPassphrase?: string;
  now?: Date;
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const KEY_BLOCK = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;
const TO_PEM = 'If you have a .pfx, convert it first: openssl pkcs12 -in app.pfx -out app.pem -nodes';

const hex = (fingerprint: string) => fingerprint.replace(/:/g, '').toLowerCase();

function normaliseThumbprint(thumbprint: string, name: string): string {
  const value = thumbprint.replace(/[\s:]/g, '').toLowerCase();
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value)) {
    throw new AuthConfigError(`The thumbprint given for ${name} is not a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint.`);
  }
  return value;
}

function privateKeyOf(pem: string, name: string, passphrase?: string): KeyObject {
  const block = KEY_BLOCK.exec(pem)?.[0];
  if (!block) throw new AuthConfigError(`${name} holds no private key: give a PEM with the certificate and its private key. ${TO_PEM}`);
  if (block.includes('ENCRYPTED') && passphrase === undefined) {
    throw new AuthConfigError(`The private key in ${name} is encrypted: set ROOMREADY_CERTIFICATE_PASSPHRASE, or decrypt it (openssl pkey -in ${name} -out key.pem).`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase === undefined ? block : { key: block, passphrase });
  } catch {
    throw new AuthConfigError(`The private key in ${name} could not be read${passphrase === undefined ? '' : ' (wrong passphrase?)'}.`);
  }
  // Microsoft Entra ID accepts RSA keys for certificate credentials; MSAL signs with RS256/PS256.
  if (key.asymmetricKeyType !== 'rsa') throw new AuthConfigError(`The private key in ${name} is ${key.asymmetricKeyType?.toUpperCase()}; app certificates for Microsoft Entra ID must be RSA.`);
  return key;
}

/** Reads and checks the app's certificate from PEM text; `name` (the file) is only used in messages. */
export function certificateFromPem(pem: string, name: string, options: CertificateOptions = {}): AppCertificate {
  const key = privateKeyOf(options.privateKeyPem ?? pem, name, options.keyPassphrase);
  const privateKeyPem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const certificatePem = pem.match(CERTIFICATE_BLOCK)?.[0];
  const given = options.thumbprint === undefined ? undefined : normaliseThumbprint(options.thumbprint, name);

  if (!certificatePem) {
    if (!given) throw new AuthConfigError(`${name} holds a private key but no certificate: add the certificate to the PEM, or give its thumbprint (--certificate-thumbprint).`);
    return given.length === 40 ? { sha1Thumbprint: given, privateKeyPem } : { sha256Thumbprint: given, privateKeyPem };
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new AuthConfigError(`The certificate in ${name} could not be read. ${TO_PEM}`);
  }
  const sha1Thumbprint = hex(certificate.fingerprint);
  const sha256Thumbprint = hex(certificate.fingerprint256);
  if (given && given !== sha1Thumbprint && given !== sha256Thumbprint) {
    throw new AuthConfigError(`The thumbprint given does not match the certificate in ${name} (its SHA-1 thumbprint is ${sha1Thumbprint.toUpperCase()}).`);
  }
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
  if (!certificate.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKey)) {
    throw new AuthConfigError(`The private key in ${name} does not belong to its certificate (SHA-1 thumbprint ${sha1Thumbprint.toUpperCase()}).`);
  }
  const notAfter = new Date(certificate.validTo);
  if (notAfter.getTime() < (options.now ?? new Date()).getTime()) {
    throw new AuthConfigError(`The certificate in ${name} (SHA-1 thumbprint ${sha1Thumbprint.toUpperCase()}) expired on ${notAfter.toISOString().slice(0, 10)}: create a new one and upload it to the app registration.`);
  }
  return { sha1Thumbprint, sha256Thumbprint, privateKeyPem, certificatePem, notAfter };
}

/** Reads the PEM file at `path` (and the key file, if separate). */
export async function loadCertificate(path: string, options: Omit<CertificateOptions, 'privateKeyPem'> & { privateKeyPath?: string } = {}): Promise<AppCertificate> {
  const read = async (file: string) => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new AuthConfigError(`Could not read the certificate ${file}: ${describeFsError(error)}.`);
    }
  };
  const pem = await read(path);
  const privateKeyPem = options.privateKeyPath ? await read(options.privateKeyPath) : undefined;
  return certificateFromPem(pem, path, { ...options, ...(privateKeyPem ? { privateKeyPem } : {}) });
}
