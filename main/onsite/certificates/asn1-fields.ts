// The fields node:crypto's X509Certificate does not give in a usable form, read from the DER with a
// small ASN.1 walk (node-forge's parser; forge's own certificate reader handles RSA keys only):
// the signature algorithm, validity as dates, key usage bits, extended key usages and the
// subjectAltName entries.
import forge from 'node-forge';
import { parseDer } from './parse-der.ts';
import { EXTENDED_KEY_USAGES, KEY_USAGE_BITS, OIDS, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './oid-names.ts';

export interface CertificateFields {
  signatureAlgorithm: SignatureAlgorithm;
  notBefore: Date;
  notAfter: Date;
  keyUsage: string[];
  extendedKeyUsage: string[];
  subjectAltNames: string[];
}

type Node = forge.asn1.Asn1;
const { Class, Type } = forge.asn1;

function children(node: Node | undefined, what: string): Node[] {
  if (!node || !Array.isArray(node.value)) throw new Error(`${what} is not a constructed ASN.1 value`);
  return node.value;
}

function bytesOf(node: Node): string {
  if (typeof node.value !== 'string') throw new Error('expected a primitive ASN.1 value');
  return node.value;
}

function parse(binary: string): Node {
  return parseDer(binary, true);
}

function timeOf(node: Node): Date {
  if (node.type === Type.UTCTIME) return forge.asn1.utcTimeToDate(bytesOf(node));
  if (node.type === Type.GENERALIZEDTIME) return forge.asn1.generalizedTimeToDate(bytesOf(node));
  throw new Error('validity time is neither UTCTime nor GeneralizedTime');
}

function keyUsageOf(value: string): string[] {
  const bits = parse(value);
  const raw = bytesOf(bits);
  const names: string[] = [];
  KEY_USAGE_BITS.forEach((name, bit) => {
    const byte = raw.charCodeAt(1 + Math.floor(bit / 8));
    if (!Number.isNaN(byte) && byte & (0x80 >> bit % 8)) names.push(name);
  });
  return names;
}

function extendedKeyUsageOf(value: string): string[] {
  return children(parse(value), 'extendedKeyUsage').map((oid) => {
    const id = forge.asn1.derToOid(bytesOf(oid));
    return EXTENDED_KEY_USAGES[id] ?? id;
  });
}

function ipAddressText(raw: string): string {
  const octets = [...raw].map((char) => char.charCodeAt(0));
  if (octets.length === 4) return octets.join('.');
  if (octets.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((octets[i]! << 8) | octets[i + 1]!).toString(16));
    return groups.join(':');
  }
  return forge.util.bytesToHex(raw);
}

const GENERAL_NAME_KINDS: Readonly<Record<number, string>> = { 0: 'othername', 3: 'X400Name', 4: 'DirName', 5: 'EdiPartyName', 8: 'RegisteredID' };

function subjectAltNamesOf(value: string): string[] {
  return children(parse(value), 'subjectAltName').map((name) => {
    if (name.tagClass !== Class.CONTEXT_SPECIFIC) return 'unknown';
    switch (name.type) {
      case 1:
        return `email:${bytesOf(name)}`;
      case 2:
        return `DNS:${bytesOf(name)}`;
      case 6:
        return `URI:${bytesOf(name)}`;
      case 7:
        return `IP Address:${ipAddressText(bytesOf(name))}`;
      default:
        return `${GENERAL_NAME_KINDS[name.type] ?? 'unknown'}:<not shown>`;
    }
  });
}

/** Reads the fields from a certificate's DER; throws when the structure is not a certificate. */
export function readCertificateFields(der: Uint8Array): CertificateFields {
  const certificate = parse(Buffer.from(der).toString('binary'));
  const [tbs, signatureAlgorithm] = children(certificate, 'Certificate');
  const signatureOid = forge.asn1.derToOid(bytesOf(children(signatureAlgorithm, 'signatureAlgorithm')[0]!));
  const tbsFields = children(tbs, 'TBSCertificate');
  // [0] version is optional (absent in v1 certificates); the rest follow in a fixed order.
  const offset = tbsFields[0]?.tagClass === Class.CONTEXT_SPECIFIC && tbsFields[0].type === 0 ? 1 : 0;
  const [notBefore, notAfter] = children(tbsFields[offset + 3], 'Validity');
  const fields: CertificateFields = {
    signatureAlgorithm: SIGNATURE_ALGORITHMS[signatureOid] ?? { name: signatureOid, weak: false },
    notBefore: timeOf(notBefore!),
    notAfter: timeOf(notAfter!),
    keyUsage: [],
    extendedKeyUsage: [],
    subjectAltNames: [],
  };
  const extensionsTag = tbsFields.find((node) => node.tagClass === Class.CONTEXT_SPECIFIC && node.type === 3);
  if (!extensionsTag) return fields;
  for (const extension of children(children(extensionsTag, 'extensions')[0], 'Extensions')) {
    const parts = children(extension, 'Extension');
    const id = forge.asn1.derToOid(bytesOf(parts[0]!));
    const value = bytesOf(parts[parts.length - 1]!);
    if (id === OIDS.keyUsage) fields.keyUsage = keyUsageOf(value);
    else if (id === OIDS.extendedKeyUsage) fields.extendedKeyUsage = extendedKeyUsageOf(value);
    else if (id === OIDS.subjectAltName) fields.subjectAltNames = subjectAltNamesOf(value);
  }
  return fields;
}
