// PFX / PKCS#12: the certificates it holds and whether their private keys came with them. The
// password is handed to node-forge once and kept nowhere; errors never repeat it.
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { CertificateFileError } from './certificate-file-error.ts';
import { MAX_CERTIFICATES, MAX_PFX_ITERATIONS } from './limits.ts';

export interface PfxCertificate {
  der: Buffer;
  hasPrivateKey: boolean;
}

type Node = forge.asn1.Asn1;
const { Class, Type } = forge.asn1;

function isSequence(node: Node | undefined): node is Node & { value: Node[] } {
  return node?.tagClass === Class.UNIVERSAL && node.type === Type.SEQUENCE && Array.isArray(node.value);
}

/** PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData MacData OPTIONAL }. */
export function looksLikePfx(node: Node): boolean {
  if (!isSequence(node)) return false;
  const [version, authSafe] = node.value;
  return version?.type === Type.INTEGER && version.value === '\x03' && isSequence(authSafe);
}

/** MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }. */
function macIterations(pfx: Node & { value: Node[] }): number {
  const macData = pfx.value[2];
  if (!isSequence(macData) || macData.value[2]?.type !== Type.INTEGER) return 1;
  const raw = macData.value[2].value as string;
  return raw.length > 4 ? Number.POSITIVE_INFINITY : Number.parseInt(forge.util.bytesToHex(raw) || '0', 16);
}

/** The certificate's DER, byte for byte: forge keeps the parsed TBSCertificate; the outer algorithm
 *  is by RFC 5280 the same as the TBSCertificate's `signature` field, so it is copied from there. */
function certificateDer(bag: forge.pkcs12.Bag): Buffer | undefined {
  if (bag.asn1) return Buffer.from(forge.asn1.toDer(bag.asn1).getBytes(), 'binary');
  const cert = bag.cert as (forge.pki.Certificate & { tbsCertificate?: Node; signature: string }) | null | undefined;
  if (!cert?.tbsCertificate || !Array.isArray(cert.tbsCertificate.value)) return undefined;
  const tbs = cert.tbsCertificate.value;
  const algorithm = tbs[tbs[0]?.tagClass === Class.CONTEXT_SPECIFIC ? 2 : 1]; // after [0] version (optional) and serialNumber
  if (!algorithm) return undefined;
  const whole = forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    cert.tbsCertificate,
    algorithm,
    forge.asn1.create(Class.UNIVERSAL, Type.BITSTRING, false, `\x00${cert.signature}`),
  ]);
  return Buffer.from(forge.asn1.toDer(whole).getBytes(), 'binary');
}

function privateKeyOf(bag: forge.pkcs12.Bag): KeyObject | undefined {
  try {
    if (bag.key) return createPrivateKey(forge.pki.privateKeyToPem(bag.key));
    if (bag.asn1) return createPrivateKey(forge.pki.privateKeyInfoToPem(bag.asn1));
  } catch {
    // A key type neither forge nor OpenSSL reads: the certificate is simply reported without a key.
  }
  return undefined;
}

function matchesKey(der: Buffer, key: KeyObject): boolean {
  try {
    return new X509Certificate(der).checkPrivateKey(key);
  } catch {
    // Not a certificate node:crypto reads, or a key of another type: reported later or no match.
    return false;
  }
}

function decode(fileName: string, pfx: Node, password: string | undefined): forge.pkcs12.Pkcs12Pfx {
  try {
    return forge.pkcs12.pkcs12FromAsn1(pfx, false, password ?? '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : '';
    // Only the algorithm refusals: "Unsupported PKCS#12 SafeBag type" also follows a wrong password.
    if (/unsupported (MAC|OID|PRF)|could not decrypt private key; unsupported/i.test(reason)) {
      throw new CertificateFileError(fileName, 'pfx-unsupported', `${fileName}: the PFX is protected with an algorithm this tool cannot read; export it again with AES-256 or 3DES`);
    }
    if (password === undefined) throw new CertificateFileError(fileName, 'pfx-password-needed', `${fileName}: the PFX is protected by a password; give the PFX password`);
    throw new CertificateFileError(fileName, 'pfx-password-wrong', `${fileName}: the PFX password is wrong or the file is damaged`);
  }
}

export function readPfx(fileName: string, pfx: Node, password: string | undefined): PfxCertificate[] {
  if (!isSequence(pfx) || macIterations(pfx) > MAX_PFX_ITERATIONS) {
    throw new CertificateFileError(fileName, 'pfx-unsupported', `${fileName}: the PFX asks for more than ${MAX_PFX_ITERATIONS} key-derivation rounds; export it again with the usual settings`);
  }
  const p12 = decode(fileName, pfx, password);
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  if (certBags.length > MAX_CERTIFICATES) {
    throw new CertificateFileError(fileName, 'too-many', `${fileName} holds more than ${MAX_CERTIFICATES} certificates; give at most ${MAX_CERTIFICATES} at a time`);
  }
  const keyBags = [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!].flatMap((type) => p12.getBags({ bagType: type })[type] ?? []);
  const keys = keyBags.map(privateKeyOf).filter((key): key is KeyObject => key !== undefined);
  const certificates: PfxCertificate[] = [];
  for (const bag of certBags) {
    const der = certificateDer(bag);
    if (!der) throw new CertificateFileError(fileName, 'damaged', `${fileName}: the PFX holds a certificate that cannot be read (the file is damaged)`);
    certificates.push({ der, hasPrivateKey: keys.some((key) => matchesKey(der, key)) });
  }
  if (certificates.length === 0) throw new CertificateFileError(fileName, 'damaged', `${fileName}: the PFX holds no certificate`);
  return certificates;
}
