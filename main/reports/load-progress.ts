// What the desktop app recorded about a site's rooms, for `roomready report`: the per-site progress
// file the app keeps in its data folder (main/app/progress-store.ts: provisioning outcomes,
// validation, manual marks, photos, sign-offs), read with the app's own reader so both read it alike.
import os from 'node:os';
import path from 'node:path';
import { PRODUCT_NAME } from '../shell/app-info.ts';
import { siteKeyForPath } from '../app/open-sites.ts';
import { SiteProgress } from '../app/progress-store.ts';

/** Electron's userData folder for the app on each platform (app.getPath('userData')). */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, PRODUCT_NAME);
}

/** The app's progress for the site saved at `siteFile` (empty when the app never opened it). */
export function loadSiteProgress(dataDir: string, siteFile: string, log: (message: string) => void): Promise<SiteProgress> {
  return SiteProgress.load(dataDir, siteKeyForPath(siteFile), log);
}
