// The app:// protocol: serves the built renderer from one folder and nothing outside it.
// Pages come from here rather than file:// so a compromised page cannot read arbitrary files
// (Electron security checklist item 18). Electron-free: it maps a Request to a Response, so it
// can be tested in Node and reused by a loopback server for browser tests.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'roomready';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL onto a file path inside rendererRoot, or null when the URL is not ours or
 * would land outside the root. The URL parser already folds `..` and `%2e%2e` segments; the
 * containment check is what stops encoded separators (`..%2f`, `..%5c`) that only appear after
 * decoding.
 */
export function resolveAppAssetPath(requestUrl: string, rendererRoot: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  let requestedPath: string;
  try {
    requestedPath = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (requestedPath.includes('\0')) return null;
  if (requestedPath === '' || requestedPath === '/') requestedPath = '/index.html';

  const root = path.resolve(rendererRoot);
  const candidate = path.resolve(root, `.${requestedPath}`);
  const relative = path.relative(root, candidate);
  const insideRoot =
    relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  return insideRoot ? candidate : null;
}

export interface AppProtocolOptions {
  /** Folder holding the built renderer (out/renderer). */
  rendererRoot: string;
  /** Sent as the Content-Security-Policy header of every HTML response. */
  contentSecurityPolicy: string;
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

function refuse(status: 404 | 405): Response {
  const text = status === 404 ? 'Not found' : 'Method not allowed';
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

export function createAppProtocolHandler(options: AppProtocolOptions): AppProtocolHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);

    const filePath = resolveAppAssetPath(request.url, options.rendererRoot);
    if (filePath === null) return refuse(404);

    let body: Buffer;
    try {
      body = await readFile(filePath); // a directory fails here too (EISDIR)
    } catch {
      return refuse(404);
    }

    const contentType = contentTypeFor(filePath);
    const headers = new Headers({ 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff' });
    if (contentType.startsWith('text/html')) {
      headers.set('Content-Security-Policy', options.contentSecurityPolicy);
    }
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
