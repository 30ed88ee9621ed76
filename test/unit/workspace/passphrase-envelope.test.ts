// The passphrase envelope's reading of its own base64: megabytes of ciphertext open (the grouped
// pattern it once used overflowed V8's regex stack from about 6 MB, a 300-room installer package),
// and text that is not base64 is still refused as damaged before any decryption.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvelopeError, openWithPassphrase, sealWithPassphrase } from '../../../main/workspace/passphrase-envelope.ts';

const KIND = { format: 'roomready-test-envelope', version: 1 };
const PASSPHRASE = 'a long enough test passphrase';

describe('passphrase envelope base64', () => {
  it('opens a 12 MB envelope', async () => {
    const plaintext = randomBytes(12 * 1024 * 1024);
    const sealed = await sealWithPassphrase(KIND, plaintext, PASSPHRASE);
    expect(sealed.length).toBeGreaterThan(16 * 1024 * 1024);
    const opened = await openWithPassphrase(KIND, sealed, PASSPHRASE);
    expect(opened.equals(plaintext)).toBe(true);
  });

  it.each([
    ['a length that is not a multiple of 4', (text: string) => text.slice(0, -1)],
    ['padding in the middle', (text: string) => `${text.slice(0, 8)}==${text.slice(10)}`],
    ['a character outside the alphabet', (text: string) => `${text.slice(0, 8)}-${text.slice(9)}`],
  ])('refuses ciphertext with %s as damaged', async (_what, spoil) => {
    const sealed = JSON.parse(await sealWithPassphrase(KIND, Buffer.from('room data'), PASSPHRASE)) as { ciphertext: string };
    const spoiled = JSON.stringify({ ...sealed, ciphertext: spoil(sealed.ciphertext.padEnd(16, 'A')) });
    const error = await openWithPassphrase(KIND, spoiled, PASSPHRASE).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).problem).toBe('damaged');
  });
});
