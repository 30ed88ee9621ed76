// Which links may leave the app for the system browser. Anything else a page tries to open is dropped.

/** Exact host names (no subdomains): Microsoft's documentation and its short-link services. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = Object.freeze([
  'learn.microsoft.com',
  'aka.ms',
  'go.microsoft.com',
]);

/**
 * True only for a well-formed https URL whose host is exactly one of EXTERNAL_LINK_HOSTS.
 * Parsed with URL rather than matched as a string, so look-alikes such as
 * `https://learn.microsoft.com.evil.example/` or `https://learn.microsoft.com@evil.example/` fail.
 */
export function isAllowedExternalUrl(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    EXTERNAL_LINK_HOSTS.includes(url.hostname)
  );
}
