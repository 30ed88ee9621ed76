// The renderer's Content-Security-Policy, sent as a response header by the app:// protocol.
// Nothing here imports 'electron', so a browser-only test server (issue 4's end-to-end tests)
// can serve the built renderer under exactly the same policy.

/** Directive -> sources. The renderer only runs its own bundled files and never talks to the network. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // No 'unsafe-inline': nothing in the renderer sets inline styles today.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // Every network call happens in main; the renderer has no business opening a connection.
  'connect-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
});

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
