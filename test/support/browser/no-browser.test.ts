// Without a usable Chromium the browser tests fail with one plain sentence, not a stack trace:
// the smoke test is run in a child vitest pointed at a browser that does not exist.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './renderer-build.ts';

describe('browser tests on a machine without the browser they were told to use', () => {
  it('fail with a plain message naming the setting, and no stack', async () => {
    const vitest = path.join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs');
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [vitest, 'run', 'test/e2e/smoke.test.ts'],
        { cwd: PROJECT_ROOT, env: { ...process.env, ROOMREADY_CHROMIUM: '/nonexistent/chrome', NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' }, timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: `${stdout}\n${stderr}` }),
      );
    });
    expect(code).toBe(1);
    expect(output).toContain('Error: ROOMREADY_CHROMIUM=/nonexistent/chrome is not an executable file. Point it at a Chromium or Chrome binary, or unset it to look for one in the usual places.');
    // No stack frames of our code (or anyone's): the sentence is the whole story.
    // (Node prints frames as "at fn (file:line:col)", vitest as "❯ fn file:line:col" with a code frame.)
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).not.toMatch(/^\s*❯ .+:\d+:\d+$/m);
    expect(output).not.toMatch(/^\s+\d+\| /m);
  }, 60_000);
});
