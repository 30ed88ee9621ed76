import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSecretLine } from '../../../main/terminal-secret.ts';

function terminal() {
  const input = new PassThrough() as PassThrough & { isRaw: boolean; setRawMode: (raw: boolean) => void };
  const modes: boolean[] = [];
  input.isRaw = false;
  input.setRawMode = (raw) => {
    modes.push(raw);
    input.isRaw = raw;
  };
  let shown = '';
  const output = new PassThrough();
  output.on('data', (chunk) => (shown += chunk.toString()));
  return { input, output, modes, shown: () => shown };
}

describe('readSecretLine', () => {
  it('returns what was typed, handles backspace, echoes nothing and restores the terminal', async () => {
    const t = terminal();
    const pending = readSecretLine('Passphrase: ', t.input, t.output);
    t.input.write('correct horsx');
    t.input.write('\x7f'); // backspace
    t.input.write('e\r');
    expect(await pending).toBe('correct horse');
    expect(t.shown()).toBe('Passphrase: \n');
    expect(t.modes).toEqual([true, false]);
  });

  it('gives up on Ctrl+C', async () => {
    const t = terminal();
    const pending = readSecretLine('Passphrase: ', t.input, t.output);
    t.input.write('secret\x03');
    expect(await pending).toBeUndefined();
  });
});
