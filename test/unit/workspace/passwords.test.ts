import { describe, expect, it } from 'vitest';
import { checkSuppliedPassword, generateRoomPassword, PASSWORD_ALPHABET } from '../../../main/workspace/passwords.ts';

const ALLOWED = new Set(Object.values(PASSWORD_ALPHABET).join(''));
const BANNED = ['0', 'O', 'o', '1', 'l', 'I', "'", '"', '`', '\\', '$', ' ', '\u2018', '\u2019'];

describe('generateRoomPassword', () => {
  const SAMPLES = 5_000;
  const owner = { upn: 'conf-room-4@contoso.com', displayName: 'Board Room, Tower East', alias: 'conf-room-4' };
  const samples = Array.from({ length: SAMPLES }, () => generateRoomPassword(owner));

  it('has the default length of 20 and all four kinds of character', () => {
    for (const password of samples) {
      expect(password).toHaveLength(20);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[2-9]/);
      expect(password).toMatch(/[!#%+\-=?@_.]/);
      expect(password[0]).toMatch(/[A-Za-z]/);
    }
  });

  it('uses only the console-safe alphabet: no look-alikes, quotes, backticks or spaces', () => {
    const seen = new Set(samples.join(''));
    for (const ch of seen) expect(ALLOWED.has(ch), `unexpected ${JSON.stringify(ch)}`).toBe(true);
    for (const ch of BANNED) expect(seen.has(ch), `banned ${JSON.stringify(ch)}`).toBe(false);
    // With 5,000 × 20 characters every allowed character turns up.
    expect(seen.size).toBe(ALLOWED.size);
  });

  it('is accepted by the supplied-password check, names included', () => {
    for (const password of samples.slice(0, 500)) expect(checkSuppliedPassword(password, owner)).toEqual([]);
  });

  it('never contains the account name or a 3+ character part of the display name', () => {
    // Short names make accidental matches frequent enough that the filter is really exercised.
    const tight = { upn: 'abc@contoso.com', displayName: 'Xy Kp-Q2#Mnp' };
    const forbidden = ['abc', 'mnp'];
    for (let i = 0; i < 20_000; i++) {
      const lower = generateRoomPassword({ ...tight, length: 12 }).toLowerCase();
      for (const part of forbidden) expect(lower.includes(part)).toBe(false);
    }
  });

  it('is unbiased within each kind of character (no modulo bias)', () => {
    // Position 0 is letters only; the others draw from the whole alphabet. Within one kind every
    // character is equally likely, so the rarest and the commonest stay close.
    const counts = new Map<string, number>();
    for (const password of samples) for (const ch of password.slice(1)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    for (const [kind, characters] of Object.entries(PASSWORD_ALPHABET)) {
      const frequencies = [...characters].map((ch) => counts.get(ch) ?? 0);
      const ratio = Math.max(...frequencies) / Math.min(...frequencies);
      expect(ratio, `${kind}: ${frequencies.join(' ')}`).toBeLessThan(1.2);
    }
  });

  it('is different every time', () => {
    expect(new Set(samples).size).toBe(SAMPLES);
  });

  it('honours the length option within 12–256 and refuses others', () => {
    expect(generateRoomPassword({ length: 12 })).toHaveLength(12);
    expect(generateRoomPassword({ length: 256 })).toHaveLength(256);
    expect(() => generateRoomPassword({ length: 8 })).toThrow(RangeError);
    expect(() => generateRoomPassword({ length: 257 })).toThrow(RangeError);
    expect(() => generateRoomPassword({ length: 14.5 })).toThrow(RangeError);
  });
});

describe('checkSuppliedPassword', () => {
  const owner = { upn: 'lobby-screen@contoso.com', displayName: 'Lobby Screen North' };

  it('accepts a password Entra ID and AD accept', () => {
    expect(checkSuppliedPassword('Vt4!quartz-Meadow', owner)).toEqual([]);
    expect(checkSuppliedPassword('alllowercase9!', owner)).toEqual([]);
  });

  it('reports length, kinds of character, characters Entra refuses and names', () => {
    expect(checkSuppliedPassword('Ab1!', owner)).toEqual([expect.stringContaining('shorter than 8 characters')]);
    expect(checkSuppliedPassword(`Ab1!${'x'.repeat(253)}`, owner)).toEqual([expect.stringContaining('longer than 256 characters')]);
    expect(checkSuppliedPassword('onlylowercase', owner)).toEqual([expect.stringContaining('uses 1 of the 4 kinds')]);
    expect(checkSuppliedPassword('Lower-and-UPPER', owner)).toEqual([]); // 3 of the 4 kinds is enough
    expect(checkSuppliedPassword('Pässwort123!', owner)).toEqual([expect.stringContaining('character Entra ID does not accept')]);
    expect(checkSuppliedPassword('X9!LOBBY-SCREENx', owner)).toEqual([expect.stringContaining('contains the account name')]);
    expect(checkSuppliedPassword('X9!northern-star', owner)).toEqual([expect.stringContaining('part of the display name')]);
    // Parts shorter than three characters do not count, as in AD.
    expect(checkSuppliedPassword('Ab9!Ab9!Ab9!', { upn: 'ab@contoso.com', displayName: 'A b' })).toEqual([]);
  });

  it('never puts the password, or the part that matched, into a message', () => {
    const cases = ['Ab1!', 'onlylowercase', 'Pässwort123!', 'X9!LOBBY-SCREENx', 'X9!northern-star', `${'y'.repeat(300)}`];
    for (const password of cases) {
      for (const message of checkSuppliedPassword(password, owner)) {
        expect(message).not.toContain(password);
        expect(message.toLowerCase()).not.toContain('lobby');
        expect(message.toLowerCase()).not.toContain('north');
      }
    }
  });
});
