// Reads a passphrase from the terminal without echoing it. Used only when stdin is a TTY.
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';

type SecretInput = Readable & { isRaw?: boolean; setRawMode?: (raw: boolean) => unknown };

/** Resolves with what was typed up to Enter, or undefined on Ctrl+C / Ctrl+D. Nothing is echoed. */
export function readSecretLine(prompt: string, input: SecretInput = process.stdin, output: Writable = process.stderr): Promise<string | undefined> {
  return new Promise((resolve) => {
    output.write(prompt);
    const wasRaw = input.isRaw;
    input.setRawMode?.(true);
    readline.emitKeypressEvents(input);
    let secret = '';
    const finish = (value: string | undefined) => {
      input.off('keypress', onKeypress);
      input.setRawMode?.(wasRaw ?? false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onKeypress = (text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
      if (key?.ctrl && (key.name === 'c' || key.name === 'd')) finish(undefined);
      else if (key?.name === 'return' || key?.name === 'enter') finish(secret);
      else if (key?.name === 'backspace') secret = secret.slice(0, -1);
      else if (text && !key?.ctrl) secret += text;
    };
    input.on('keypress', onKeypress);
    input.resume();
  });
}
