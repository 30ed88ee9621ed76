// node-forge's DER parser with the options its type definitions omit. Bit strings stay raw: key
// usage is a bit mask, not nested ASN.1, and raw bytes re-encode exactly.
import forge from 'node-forge';

const fromDer = forge.asn1.fromDer as unknown as (bytes: string, options: { strict: boolean; decodeBitStrings: boolean }) => forge.asn1.Asn1;

export function parseDer(bytes: Uint8Array | string, strict: boolean): forge.asn1.Asn1 {
  return fromDer(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('binary'), { strict, decodeBitStrings: false });
}
