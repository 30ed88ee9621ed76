// Which permission requests the app grants: one, to one origin. The renderer's copy buttons use
// navigator.clipboard.writeText, which Chromium gates behind 'clipboard-sanitized-write'; reading
// the clipboard, the camera, notifications, geolocation... are never needed and always denied.
import { APP_HOST, APP_SCHEME } from './app-protocol.ts';

export const GRANTED_PERMISSIONS: readonly string[] = Object.freeze(['clipboard-sanitized-write']);

/** Is this URL (or origin) the app's own page, app://roomready? */
export function isAppOrigin(urlOrOrigin: string | undefined): boolean {
  if (!urlOrOrigin) return false;
  try {
    const url = new URL(urlOrOrigin);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED_PERMISSIONS.includes(permission) && isAppOrigin(requestingUrl);
}
