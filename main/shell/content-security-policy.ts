// The renderer's Content-Security-Policy, sent as a response header by the app:// protocol.
// Nothing here imports 'electron', so a browser-only test server (issue 4's end-to-end tests)
// can serve the built renderer under exactly the same policy.

/** The CSP hash source of an empty inline <style> element (base64 SHA-256 of ''). */
export const EMPTY_STYLE_ELEMENT = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** Directive -> sources. The renderer only runs its own bundled files and never talks to the network. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // No 'unsafe-inline'. Fluent UI (Griffel, and FluentProvider's theme variables) creates EMPTY
  // <style> elements and fills them through the CSSOM (insertRule), which the CSP does not govern;
  // the hash below is SHA-256 of the empty string, so it admits empty <style> elements and nothing
  // else. Without it every Fluent style is blocked (the browser tests in test/e2e see the violations).
  'style-src': ["'self'", EMPTY_STYLE_ELEMENT],
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
