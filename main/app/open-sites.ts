// The sites open in this window, each under an opaque id: the Site itself, where its file is,
// its passwords and progress, how it reaches its tenant, and its run (one at a time).
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Room, Site } from '../../shared/model.ts';
import { memorySecretStore } from '../auth/secret-store.ts';
import { AppError } from '../ipc.ts';
import type { AppDeps } from './deps.ts';
import { SiteProgress } from './progress-store.ts';
import { SitePasswords } from './site-passwords.ts';
import type { SiteTenant } from './site-tenant.ts';

export interface ActiveRun {
  runId: string;
  controller: AbortController;
  finished: Promise<void>;
}

export interface OpenSite {
  readonly id: string;
  path: string | null;
  readonly practice: boolean;
  dirty: boolean;
  site: Site;
  /** Names the site's passwords and progress at rest: from its file's path, or its id until saved. */
  key: string;
  passwords: SitePasswords;
  progress: SiteProgress;
  tenant: SiteTenant;
  run?: ActiveRun;
  /** Releases what only this site holds (a practice site's simulated tenant). */
  release?(): Promise<void>;
  /** Opened from an installer package: its rooms and passwords live in memory only. */
  readonly package?: OpenedPackage;
}

export interface OpenedPackage {
  path: string;
  createdAt: string;
  includesPasswords: boolean;
}

export const PRACTICE_KEY = 'practice';

/** The key of a site saved at `file` (the same file gives the same key after a restart). */
export function siteKeyForPath(file: string): string {
  return `site-${createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 24)}`;
}

/** A package's on-site evidence is kept under its file, so reopening the same package finds it. */
export function packageKeyForPath(file: string): string {
  return `package-${createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 24)}`;
}

export const passwordStoreName = (key: string) => `passwords-${key}`;

export class OpenSites {
  private readonly sites = new Map<string, OpenSite>();

  async open(
    deps: Pick<AppDeps, 'dataDir' | 'secretStore' | 'log'>,
    init: { path: string | null; practice: boolean; site: Site; dirty: boolean; tenant: SiteTenant; release?(): Promise<void>; package?: OpenedPackage },
  ): Promise<OpenSite> {
    const id = randomUUID();
    const key = init.practice ? PRACTICE_KEY : init.path ? siteKeyForPath(init.path) : init.package ? packageKeyForPath(init.package.path) : `new-${id}`;
    // A package's passwords stay in memory: nothing it holds is written to disk unencrypted or re-stored.
    const passwordStore = init.package ? memorySecretStore() : deps.secretStore(passwordStoreName(key));
    const [passwords, progress] = await Promise.all([SitePasswords.load(passwordStore, deps.log), SiteProgress.load(deps.dataDir, key, deps.log)]);
    const open: OpenSite = { id, key, passwords, progress, ...init };
    this.sites.set(id, open);
    return open;
  }

  get(siteId: string): OpenSite {
    const open = this.sites.get(siteId);
    if (!open) throw new AppError('not-found', `No open site has the id ${siteId}; it may have been closed.`);
    return open;
  }

  /** The open site with this file, if any (opening it twice would split its state). */
  byPath(file: string): OpenSite | undefined {
    const wanted = path.resolve(file);
    return [...this.sites.values()].find((open) => open.path !== null && path.resolve(open.path) === wanted);
  }

  byRun(runId: string): OpenSite | undefined {
    return [...this.sites.values()].find((open) => open.run?.runId === runId);
  }

  remove(siteId: string): boolean {
    return this.sites.delete(siteId);
  }

  all(): OpenSite[] {
    return [...this.sites.values()];
  }
}

/** The site's room with this UPN (any case), or AppError('not-found'). */
export function roomOf(open: OpenSite, upn: string): Room {
  const room = open.site.rooms.find((candidate) => candidate.upn.toLowerCase() === upn.toLowerCase());
  if (!room) throw new AppError('not-found', `The site "${open.site.name}" has no room ${upn}.`);
  return room;
}
