// Helpers for the identity integration tests: a transport that records what MSAL sends, a test
// "browser" for the interactive flow, and a look inside tokens.
import type { HttpRequest, Transport } from '../../main/tenant/transport.ts';

/** Wraps a transport and keeps every request that goes through it. */
export function recording(inner: Transport): { transport: Transport; requests: HttpRequest[]; tokenRequests: () => HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    transport: (request, signal) => {
      requests.push(request);
      return inner(request, signal);
    },
    tokenRequests: () => requests.filter((request) => new URL(request.url).pathname.endsWith('/oauth2/v2.0/token')),
  };
}

/** "POST https://host/path", without the query MSAL adds (client-request-id). */
export function endpoint(request: HttpRequest): string {
  const url = new URL(request.url);
  return `${request.method} ${url.origin}${url.pathname}`;
}

/** The form body of a request as a map. */
export function form(request: HttpRequest): URLSearchParams {
  return new URLSearchParams(request.body ?? '');
}

/** The claims of a JWT, unverified (the simulator signed it; the test only reads it). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const unescapeHtml = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * A browser for MSAL's interactive flow: it GETs the authorize page through the transport (as a
 * real browser would reach login.microsoftonline.com), reads the auto-submitting form that
 * response_mode=form_post returns, and POSTs its fields to the form's action (MSAL's loopback).
 */
export function testBrowser(transport: Transport, visited: string[] = []): (url: string) => Promise<void> {
  return async (url) => {
    visited.push(url);
    const page = await transport({ method: 'GET', url, headers: { accept: 'text/html' } });
    const action = /<form[^>]*action="([^"]*)"/i.exec(page.body)?.[1];
    if (!action) throw new Error(`the sign-in page has no form (HTTP ${page.status}): ${page.body.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const input of page.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/gi)) fields.append(unescapeHtml(input[1]!), unescapeHtml(input[2]!));
    // The loopback listens on 127.0.0.1; the redirect URI says localhost, as the app registration does.
    const target = new URL(unescapeHtml(action));
    if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
    const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
    await answer.text();
  };
}
