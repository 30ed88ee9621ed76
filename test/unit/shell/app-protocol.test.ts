// The app:// handler over a real temporary folder: it serves the renderer root and nothing else.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppAssetPath, type AppProtocolHandler } from '../../../main/shell/app-protocol.ts';

const POLICY = "default-src 'none'; script-src 'self'";
const SECRET = 'TOP SECRET: must never be served';

let workspace: string;
let rendererRoot: string;
let handle: AppProtocolHandler;

beforeAll(async () => {
  // workspace/renderer is the root; its neighbours hold what an escape would reach.
  workspace = await mkdtemp(path.join(tmpdir(), 'roomready-app-protocol-'));
  rendererRoot = path.join(workspace, 'renderer');
  await mkdir(path.join(rendererRoot, 'assets'), { recursive: true });
  await writeFile(path.join(rendererRoot, 'index.html'), '<!doctype html><title>RoomReady</title>');
  await writeFile(path.join(rendererRoot, 'assets', 'index-abc.js'), 'console.log("app")');
  await writeFile(path.join(rendererRoot, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(workspace, 'secret.txt'), SECRET);
  await mkdir(path.join(workspace, 'renderer-evil'));
  await writeFile(path.join(workspace, 'renderer-evil', 'x.html'), SECRET); // same prefix as the root
  handle = createAppProtocolHandler({ rendererRoot, contentSecurityPolicy: POLICY });
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe('serving the renderer', () => {
  it('serves index.html with the CSP header', async () => {
    const response = await handle(new Request('app://roomready/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>RoomReady</title>');
  });

  it('serves index.html for the bare origin too, with the CSP header', async () => {
    const response = await handle(new Request('app://roomready/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
  });

  it('serves scripts and styles with their real types (nosniff would refuse anything else)', async () => {
    const script = await handle(new Request('app://roomready/assets/index-abc.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');
    const style = await handle(new Request('app://roomready/assets/index-abc.css'));
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const response = await handle(new Request('app://roomready/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods', async () => {
    const response = await handle(new Request('app://roomready/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});

describe('refusing everything outside the renderer root', () => {
  it.each([
    'app://roomready/../../etc/passwd',
    'app://roomready/%2e%2e/%2e%2e/etc/passwd',
    'app://roomready/%2E%2E/secret.txt',
    'app://roomready/..%2fsecret.txt',
    'app://roomready/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://roomready/%2e%2e%2fsecret.txt',
    'app://roomready/assets/..%2f..%2fsecret.txt',
    'app://roomready/..%5csecret.txt',
    'app://roomready/..%2frenderer-evil%2fx.html',
    'app://roomready/%252e%252e%252fsecret.txt',
    'app://roomready/index.html%00.png',
    'app://roomready/%E0%A4%A',
    'app://roomready/assets',
    'app://roomready/missing.js',
    'app://evil/index.html',
    'app://roomready.evil/index.html',
  ])('%s -> 404', async (url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each([
    'app://roomready/..%2fsecret.txt',
    'app://roomready/%2e%2e%2fsecret.txt',
    'app://roomready/..%2frenderer-evil%2fx.html',
    'app://roomready/assets/..%2f..%2fsecret.txt',
  ])('%s does not even resolve to a path (the file it names exists)', (url) => {
    expect(resolveAppAssetPath(url, rendererRoot)).toBeNull();
  });

  it('refuses other schemes outright', () => {
    expect(resolveAppAssetPath(`file://${path.join(rendererRoot, 'index.html')}`, rendererRoot)).toBeNull();
    expect(resolveAppAssetPath('https://roomready/index.html', rendererRoot)).toBeNull();
  });

  it('maps a normal asset onto the file inside the root', () => {
    expect(resolveAppAssetPath('app://roomready/assets/index-abc.js', rendererRoot)).toBe(
      path.join(rendererRoot, 'assets', 'index-abc.js'),
    );
  });
});
