// Reads a passphrase from the terminal without echoing it. Used only when stdin is a TTY.
import readline from 'node:readline';

export function readSecretLine(prompt: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const input = process.stdin;
    const output = process.stderr;
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
