// STUN (RFC 5389) binding requests and responses, as bytes: enough to ask a Teams media relay
// "what address do you see me as?" over UDP and read its answer. No Node APIs: pure and testable.

export const STUN_MAGIC_COOKIE = 0x2112a442;
export const STUN_HEADER_BYTES = 20;
export const STUN_TRANSACTION_ID_BYTES = 12;

const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const BINDING_ERROR = 0x0111;
const ATTRIBUTE_MAPPED_ADDRESS = 0x0001;
const ATTRIBUTE_ERROR_CODE = 0x0009;
const ATTRIBUTE_XOR_MAPPED_ADDRESS = 0x0020;

export interface MappedAddress {
  family: 'IPv4' | 'IPv6';
  address: string;
  port: number;
}

export interface StunResponse {
  kind: 'success' | 'error';
  transactionId: Uint8Array;
  /** XOR-MAPPED-ADDRESS, or MAPPED-ADDRESS from an older server: our address as the relay sees it. */
  mappedAddress?: MappedAddress;
  /** ERROR-CODE of an error response, e.g. 400. */
  errorCode?: number;
  errorReason?: string;
}

/** A Binding request with no attributes: 20 bytes, type 0x0001, length 0, the cookie, the transaction id. */
export function encodeBindingRequest(transactionId: Uint8Array): Uint8Array {
  if (transactionId.length !== STUN_TRANSACTION_ID_BYTES) throw new RangeError(`a STUN transaction id is ${STUN_TRANSACTION_ID_BYTES} bytes, not ${transactionId.length}`);
  const message = new Uint8Array(STUN_HEADER_BYTES);
  const view = new DataView(message.buffer);
  view.setUint16(0, BINDING_REQUEST);
  view.setUint16(2, 0);
  view.setUint32(4, STUN_MAGIC_COOKIE);
  message.set(transactionId, 8);
  return message;
}

export function transactionKey(transactionId: Uint8Array): string {
  return Array.from(transactionId, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function formatIPv6(bytes: Uint8Array): string {
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[i * 2]! << 8) | bytes[i * 2 + 1]!).toString(16));
  // Compress the longest run of two or more zero groups (RFC 5952).
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j += 1;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  if (bestLength < 2) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}

function readAddress(value: Uint8Array, xorWith: Uint8Array | undefined): MappedAddress | undefined {
  if (value.length < 8) return undefined;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const family = value[1];
  const port = view.getUint16(2) ^ (xorWith ? STUN_MAGIC_COOKIE >>> 16 : 0);
  const length = family === 0x01 ? 4 : family === 0x02 ? 16 : 0;
  if (length === 0 || value.length < 4 + length) return undefined;
  const address = value.slice(4, 4 + length);
  if (xorWith) for (let i = 0; i < length; i += 1) address[i]! ^= xorWith[i]!;
  return family === 0x01 ? { family: 'IPv4', address: Array.from(address).join('.'), port } : { family: 'IPv6', address: formatIPv6(address), port };
}

/**
 * Reads a Binding success or error response; undefined for anything else (another message type, a
 * truncated or malformed packet, no magic cookie), so a stray datagram is ignored rather than trusted.
 */
export function decodeStunMessage(bytes: Uint8Array): StunResponse | undefined {
  if (bytes.length < STUN_HEADER_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = view.getUint16(0);
  const length = view.getUint16(2);
  if ((type & 0xc000) !== 0 || view.getUint32(4) !== STUN_MAGIC_COOKIE) return undefined;
  if (length % 4 !== 0 || STUN_HEADER_BYTES + length > bytes.length) return undefined;
  if (type !== BINDING_SUCCESS && type !== BINDING_ERROR) return undefined;
  const transactionId = bytes.slice(8, 20);
  // XOR-MAPPED-ADDRESS is xored with the cookie, then (IPv6) the transaction id.
  const xorKey = new Uint8Array(16);
  new DataView(xorKey.buffer).setUint32(0, STUN_MAGIC_COOKIE);
  xorKey.set(transactionId, 4);
  const response: StunResponse = { kind: type === BINDING_SUCCESS ? 'success' : 'error', transactionId };
  let plainMapped: MappedAddress | undefined;
  for (let offset = STUN_HEADER_BYTES; offset + 4 <= STUN_HEADER_BYTES + length; ) {
    const attribute = view.getUint16(offset);
    const size = view.getUint16(offset + 2);
    const start = offset + 4;
    if (start + size > STUN_HEADER_BYTES + length) return undefined;
    const value = bytes.subarray(start, start + size);
    if (attribute === ATTRIBUTE_XOR_MAPPED_ADDRESS) {
      const mapped = readAddress(value, xorKey);
      if (mapped) response.mappedAddress = mapped;
    } else if (attribute === ATTRIBUTE_MAPPED_ADDRESS) {
      plainMapped = readAddress(value, undefined);
    } else if (attribute === ATTRIBUTE_ERROR_CODE && size >= 4) {
      response.errorCode = (value[2]! & 0x07) * 100 + value[3]!;
      response.errorReason = new TextDecoder().decode(value.subarray(4));
    }
    offset = start + Math.ceil(size / 4) * 4;
  }
  if (!response.mappedAddress && plainMapped) response.mappedAddress = plainMapped;
  return response;
}
