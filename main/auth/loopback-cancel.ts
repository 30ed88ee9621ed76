// MSAL's loopback listener (interactive sign-in) has no cancel. To cancel, RoomReady answers it the
// way a browser would after the user gave up: a form_post with an error and the request's state.
// MSAL then settles the sign-in with that error and closes its port. Local only: 127.0.0.1.
import http from 'node:http';

/** Settles MSAL's loopback listener with an error, as a browser would on "cancel". Local only (127.0.0.1). */
export function answerLoopbackWithError(authorizeUrl: string): Promise<void> {
  const parameters = new URL(authorizeUrl).searchParams;
  const redirect = parameters.get('redirect_uri');
  const state = parameters.get('state');
  if (!redirect || !state) return Promise.resolve();
  const target = new URL(redirect);
  const body = new URLSearchParams({ error: 'access_denied', error_description: 'Cancelled in RoomReady', state }).toString();
  return new Promise((resolve) => {
    const request = http.request(
      { host: '127.0.0.1', port: target.port, path: target.pathname || '/', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve());
      },
    );
    request.on('error', () => resolve());
    request.end(body);
  });
}
