// Cancelling an interactive sign-in: MSAL 7's loopback listener has no cancel of its own, so
// RoomReady settles it as a browser would; the sign-in ends at once and the port is closed.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SignInCancelledError } from '../../../main/auth/auth-errors.ts';
import { createDelegatedAuth } from '../../../main/auth/msal-delegated-auth.ts';
import type { HttpRequest, Transport } from '../../../main/tenant/transport.ts';
import { CLOUDS } from '../../../shared/clouds.ts';

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('interactive sign-in', () => {
  it('asks for the authorize page with PKCE and form_post, and cancels promptly, closing the loopback port', async () => {
    const requests: HttpRequest[] = [];
    const transport: Transport = async (request) => {
      requests.push(request);
      throw new Error('no identity server in this test');
    };
    const auth = createDelegatedAuth({ cloud: CLOUDS.usgov, tenant: 'contoso.us', clientId: 'app-id', transport });
    const controller = new AbortController();
    let authorizeUrl: URL | undefined;
    const signIn = auth.signInInteractively({
      signal: controller.signal,
      loginHint: 'admin@contoso.us',
      openBrowser: async (url) => {
        authorizeUrl = new URL(url);
        // The user looks at the page and gives up; the app cancels.
        setTimeout(() => controller.abort(), 20);
      },
    });
    const started = Date.now();
    await expect(signIn).rejects.toBeInstanceOf(SignInCancelledError);
    expect(Date.now() - started).toBeLessThan(5000);

    expect(authorizeUrl!.origin + authorizeUrl!.pathname).toBe('https://login.microsoftonline.us/contoso.us/oauth2/v2.0/authorize');
    const query = authorizeUrl!.searchParams;
    expect(query.get('response_mode')).toBe('form_post');
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('login_hint')).toBe('admin@contoso.us');
    expect(query.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['https://graph.microsoft.us/User.ReadWrite.All', 'offline_access']));
    const redirect = new URL(query.get('redirect_uri')!);
    expect(redirect.hostname).toBe('localhost');
    // Nothing went to the network: the authorize URL is built locally from MSAL's known endpoints.
    expect(requests).toEqual([]);
    expect(await portAccepts(Number(redirect.port))).toBe(false);
    expect(await auth.account()).toBeUndefined();
  });

  it('refuses to start when already cancelled', async () => {
    const auth = createDelegatedAuth({ cloud: CLOUDS.global, clientId: 'app-id', transport: async () => ({ status: 500, headers: {}, body: '' }) });
    const opened: string[] = [];
    await expect(auth.signInInteractively({ signal: AbortSignal.abort(), openBrowser: async (url) => void opened.push(url) })).rejects.toThrow();
    expect(opened).toEqual([]);
  });
});
