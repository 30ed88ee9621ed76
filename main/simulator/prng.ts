// Seeded pseudo-random numbers: every random choice the simulator makes (faults, object ids, codes)
// comes from here, so the same seed and the same sequence of requests give the same run.
// Separate named streams keep one kind of choice from shifting another: creating an extra user
// must not change which later request is throttled.

/** xmur3: turns a string into a 32-bit seed for a stream. */
function hashSeed(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Prng {
  private state: number;

  constructor(seed: number, stream: string) {
    this.state = hashSeed(`${seed >>> 0}:${stream}`) || 0x9e3779b9;
  }

  /** mulberry32: a uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  bytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = this.int(256);
    return out;
  }

  /** A version-4 UUID, lower case, as Entra and Exchange print object ids. */
  uuid(): string {
    const b = this.bytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Characters drawn from an alphabet (codes, opaque tokens). */
  chars(count: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}

export const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The named streams a simulator uses. */
export interface RandomStreams {
  faults: Prng;
  /** Object ids (users, mailboxes, groups...). */
  ids: Prng;
  /** Codes and opaque tokens (authorization codes, device codes, refresh tokens). */
  codes: Prng;
  /** request-id, trace and correlation ids in answers. */
  requestIds: Prng;
}

export function randomStreams(seed: number): RandomStreams {
  return { faults: new Prng(seed, 'faults'), ids: new Prng(seed, 'ids'), codes: new Prng(seed, 'codes'), requestIds: new Prng(seed, 'request-ids') };
}
