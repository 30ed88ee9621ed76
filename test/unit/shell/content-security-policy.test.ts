// The CSP string, read back directive by directive the way a browser would split it.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock.ts'));

const { CONTENT_SECURITY_POLICY } = await import('../../../main/window.ts');

function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `duplicate directive ${name}`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

const EXPECTED: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

describe('CONTENT_SECURITY_POLICY (exported by main/window.ts)', () => {
  const directives = parsePolicy(CONTENT_SECURITY_POLICY);

  it('has exactly the expected directives', () => {
    expect([...directives.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is %j', (name, sources) => {
    expect(directives.get(name)).toEqual(sources);
  });

  it('allows no inline code, eval, wildcards or remote origins anywhere', () => {
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'blob:']) {
      for (const [name, sources] of directives) {
        expect(sources, `${name} contains ${forbidden}`).not.toContain(forbidden);
      }
    }
  });
});
