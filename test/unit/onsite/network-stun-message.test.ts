// STUN codec against RFC 5769's test vectors (sample IPv4 and IPv6 responses) and malformed input.
import { describe, expect, it } from 'vitest';
import { decodeStunMessage, encodeBindingRequest, STUN_MAGIC_COOKIE, transactionKey } from '../../../main/onsite/network/stun-message.ts';
import { median } from '../../../main/onsite/network/stun-probe.ts';

const TRANSACTION_ID = [0xb7, 0xe7, 0xa7, 0x01, 0xbc, 0x34, 0xd6, 0x86, 0xfa, 0x87, 0xdf, 0xae];
const SOFTWARE = [0x80, 0x22, 0x00, 0x0b, 0x74, 0x65, 0x73, 0x74, 0x20, 0x76, 0x65, 0x63, 0x74, 0x6f, 0x72, 0x20];

/** RFC 5769 §2.2: sample IPv4 response (SOFTWARE, XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY, FINGERPRINT). */
const RFC5769_IPV4_RESPONSE = Uint8Array.from([
  0x01, 0x01, 0x00, 0x3c, 0x21, 0x12, 0xa4, 0x42, ...TRANSACTION_ID, ...SOFTWARE,
  0x00, 0x20, 0x00, 0x08, 0x00, 0x01, 0xa1, 0x47, 0xe1, 0x12, 0xa6, 0x43,
  0x00, 0x08, 0x00, 0x14, 0x2b, 0x91, 0xf5, 0x99, 0xfd, 0x9e, 0x90, 0xc3, 0x8c, 0x74, 0x89, 0xf9, 0x2a, 0xf9, 0xba, 0x53, 0xf0, 0x6b, 0xe7, 0xd7,
  0x80, 0x28, 0x00, 0x04, 0xc0, 0x7d, 0x4c, 0x96,
]);

/** RFC 5769 §2.3's IPv6 response, up to and including its XOR-MAPPED-ADDRESS (length adjusted). */
const RFC5769_IPV6_RESPONSE = Uint8Array.from([
  0x01, 0x01, 0x00, 0x28, 0x21, 0x12, 0xa4, 0x42, ...TRANSACTION_ID, ...SOFTWARE,
  0x00, 0x20, 0x00, 0x14, 0x00, 0x02, 0xa1, 0x47,
  0x01, 0x13, 0xa9, 0xfa, 0xa5, 0xd3, 0xf1, 0x79, 0xbc, 0x25, 0xf4, 0xb5, 0xbe, 0xd2, 0xb9, 0xd9,
]);

describe('encodeBindingRequest', () => {
  it('writes the 20-byte header: Binding request, no attributes, the magic cookie, the transaction id', () => {
    const id = Uint8Array.from(TRANSACTION_ID);
    const message = encodeBindingRequest(id);
    expect(message).toHaveLength(20);
    expect(Array.from(message.subarray(0, 8))).toEqual([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]);
    expect(Array.from(message.subarray(8))).toEqual(TRANSACTION_ID);
    expect(STUN_MAGIC_COOKIE).toBe(0x2112a442);
  });

  it('refuses a transaction id that is not 96 bits', () => {
    expect(() => encodeBindingRequest(new Uint8Array(8))).toThrow(/12 bytes, not 8/);
  });
});

describe('decodeStunMessage', () => {
  it('reads the XOR-MAPPED-ADDRESS of RFC 5769 sample IPv4 response: 192.0.2.1 port 32853', () => {
    const response = decodeStunMessage(RFC5769_IPV4_RESPONSE)!;
    expect(response.kind).toBe('success');
    expect(transactionKey(response.transactionId)).toBe('b7e7a701bc34d686fa87dfae');
    expect(response.mappedAddress).toEqual({ family: 'IPv4', address: '192.0.2.1', port: 32853 });
  });

  it('reads the IPv6 XOR-MAPPED-ADDRESS of RFC 5769 (xored with cookie and transaction id)', () => {
    expect(decodeStunMessage(RFC5769_IPV6_RESPONSE)!.mappedAddress).toEqual({ family: 'IPv6', address: '2001:db8:1234:5678:11:2233:4455:6677', port: 32853 });
  });

  it('falls back to a plain MAPPED-ADDRESS and compresses IPv6 zeros', () => {
    const message = Uint8Array.from([
      0x01, 0x01, 0x00, 0x18, 0x21, 0x12, 0xa4, 0x42, ...TRANSACTION_ID,
      0x00, 0x01, 0x00, 0x14, 0x00, 0x02, 0x0d, 0x96, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01,
    ]);
    expect(decodeStunMessage(message)!.mappedAddress).toEqual({ family: 'IPv6', address: '2001:db8::1', port: 3478 });
  });

  it('reads an error response and its code', () => {
    const reason = Array.from(new TextEncoder().encode('Bad Request'));
    const message = Uint8Array.from([
      0x01, 0x11, 0x00, 0x14, 0x21, 0x12, 0xa4, 0x42, ...TRANSACTION_ID,
      0x00, 0x09, 0x00, 0x0f, 0x00, 0x00, 0x04, 0x00, ...reason, 0x00,
    ]);
    expect(decodeStunMessage(message)).toMatchObject({ kind: 'error', errorCode: 400, errorReason: 'Bad Request' });
  });

  it('ignores what is not a Binding response: a request, no cookie, truncated, an attribute overrunning', () => {
    expect(decodeStunMessage(encodeBindingRequest(Uint8Array.from(TRANSACTION_ID)))).toBeUndefined();
    const noCookie = RFC5769_IPV4_RESPONSE.slice();
    noCookie[4] = 0;
    expect(decodeStunMessage(noCookie)).toBeUndefined();
    expect(decodeStunMessage(RFC5769_IPV4_RESPONSE.subarray(0, 40))).toBeUndefined();
    expect(decodeStunMessage(RFC5769_IPV4_RESPONSE.subarray(0, 12))).toBeUndefined();
    const overrun = RFC5769_IPV6_RESPONSE.slice();
    overrun[39] = 0x40; // XOR-MAPPED-ADDRESS claims 64 bytes
    expect(decodeStunMessage(overrun)).toBeUndefined();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeUndefined();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
