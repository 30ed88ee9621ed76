// Certificates made to order for tests: a root CA, intermediates, leaves with chosen names, dates,
// key sizes and signature hashes. Keys come from node:crypto (fast); node-forge writes the X.509.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface MintedCertificate {
  certPem: string;
  keyPem: string;
  /** The certificate in DER. */
  der: Buffer;
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

export interface MintOptions {
  commonName: string;
  organization?: string;
  /** Signs with this certificate's key and names it as the issuer; self-signed when absent. */
  issuer?: MintedCertificate;
  notBefore?: Date;
  notAfter?: Date;
  keyBits?: number;
  hash?: 'sha1' | 'sha256' | 'sha384';
  isCA?: boolean;
  /** DNS names and IP addresses for subjectAltName (leaves). */
  dnsNames?: readonly string[];
  ipAddresses?: readonly string[];
}

const DAY = 86_400_000;

export function mintCertificate(options: MintOptions): MintedCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: options.keyBits ?? 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial: the first byte's high bit clear.
  cert.serialNumber = `0${randomBytes(15).toString('hex')}`;
  const now = Date.now();
  cert.validity.notBefore = options.notBefore ?? new Date(now - DAY);
  cert.validity.notAfter = options.notAfter ?? new Date(now + 365 * DAY);
  const subject = [{ name: 'commonName', value: options.commonName }, ...(options.organization ? [{ name: 'organizationName', value: options.organization }] : [])];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : subject);
  const extensions: object[] = [
    { name: 'basicConstraints', cA: options.isCA ?? false, critical: true },
    options.isCA ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true } : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (!options.isCA) extensions.push({ name: 'extKeyUsage', serverAuth: true, clientAuth: true });
  const altNames = [...(options.dnsNames ?? []).map((value) => ({ type: 2, value })), ...(options.ipAddresses ?? []).map((ip) => ({ type: 7, ip }))];
  if (altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames });
  if (options.issuer) extensions.push({ name: 'authorityKeyIdentifier', keyIdentifier: options.issuer.cert.generateSubjectKeyIdentifier().getBytes() });
  cert.setExtensions(extensions);
  const signer = options.issuer?.key ?? key;
  const hash = options.hash ?? 'sha256';
  cert.sign(signer, forge.md[hash].create());
  const certPem = forge.pki.certificateToPem(cert);
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { certPem, keyPem, der, cert, key };
}

/** A PKCS#12 (PFX) file holding the leaf's key and the given chain, protected by `password`. */
export function mintPfx(leaf: MintedCertificate, chain: readonly MintedCertificate[], password: string): Buffer {
  const p12 = forge.pkcs12.toPkcs12Asn1(leaf.key, [leaf.cert, ...chain.map((entry) => entry.cert)], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
