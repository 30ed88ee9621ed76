// app.info and sites.*: create, open (a file, or practice), change, save (atomically, versioned)
// and close sites; the recent list.
import { rm } from 'node:fs/promises';
import { checkSiteSettings, SiteSchema, type Site } from '../../shared/model.ts';
import type { IpcHandlers, FieldIssue } from '../../shared/ipc.ts';
import { PRODUCT_NAME } from '../shell/app-info.ts';
import { APP_VERSION } from '../app-version.ts';
import { AppError } from '../ipc.ts';
import { loadSiteFile, saveSiteFile, SITE_FILE_EXTENSION } from '../workspace/site-file.ts';
import type { AppContext } from './context.ts';
import { translated } from './errors.ts';
import { passwordStoreName, siteKeyForPath, type OpenSite } from './open-sites.ts';
import { openPracticeSite } from './practice.ts';
import { SiteProgress } from './progress-store.ts';
import { siteView } from './site-view.ts';
import { tenantConfigured } from './tenant-config.ts';

type SiteHandlers = Pick<IpcHandlers, 'app.info' | 'sites.recent' | 'sites.create' | 'sites.open' | 'sites.openPractice' | 'sites.get' | 'sites.update' | 'sites.save' | 'sites.close'>;

/** The site as the model accepts it, or AppError('invalid-room') naming each field. */
export function validSite(candidate: unknown): Site {
  const parsed = SiteSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'site', message: issue.message }));
    throw new AppError('invalid-room', `The site is not valid: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`, issues);
  }
  const errors = checkSiteSettings(parsed.data).filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    throw new AppError('invalid-room', `The site is not valid: ${errors.map((finding) => `${finding.field}: ${finding.message}`).join('; ')}`, errors.map(({ field, message }) => ({ field, message })));
  }
  return parsed.data;
}

async function chosen(path: string | undefined, ask: () => Promise<string | null>): Promise<string> {
  if (path !== undefined) return path;
  const answer = await ask();
  if (answer === null) throw new AppError('cancelled', 'Cancelled: no file was chosen.');
  return answer;
}

/** The site will be found under a new file from now on: its passwords and progress follow it. */
async function rekey(ctx: AppContext, open: OpenSite, file: string): Promise<void> {
  if (open.practice) return;
  const key = siteKeyForPath(file);
  if (key === open.key) return;
  const oldProgress = SiteProgress.fileFor(ctx.deps.dataDir, open.key);
  await open.progress.moveTo(ctx.deps.dataDir, key);
  await open.progress.flush();
  await rm(oldProgress, { force: true });
  const warning = await open.passwords.moveTo(ctx.deps.secretStore(passwordStoreName(key)));
  if (warning) ctx.deps.log(warning);
  open.key = key;
}

export function siteHandlers(ctx: AppContext): SiteHandlers {
  const { deps, sites } = ctx;
  return {
    'app.info': async () => ({ appName: PRODUCT_NAME, version: APP_VERSION, platform: process.platform, tenantConfigured: tenantConfigured(deps.env) }),

    'sites.recent': async () => ({ sites: await ctx.recent.list() }),

    'sites.create': async (input) => {
      const site = validSite({ name: input.name, topology: input.topology, cloud: input.cloud, ...(input.tenantDomain ? { tenantDomain: input.tenantDomain } : {}), rooms: [] });
      const open = await sites.open(deps, { path: null, practice: false, site, dirty: true, tenant: ctx.cloudTenant(site.cloud) });
      return siteView(open);
    },

    'sites.open': (input) =>
      translated(async () => {
        const file = await chosen(input.path, () => deps.dialogs.chooseSiteToOpen());
        const already = sites.byPath(file);
        if (already) return siteView(already);
        const loaded = await loadSiteFile(file);
        const open = await sites.open(deps, { path: file, practice: false, site: loaded.site, dirty: loaded.migratedFrom !== undefined, tenant: ctx.cloudTenant(loaded.site.cloud) });
        await ctx.recent.touch(file, loaded.site, ctx.now());
        return siteView(open);
      }),

    'sites.openPractice': async () => siteView(await openPracticeSite(ctx)),

    'sites.get': async ({ siteId }) => siteView(sites.get(siteId)),

    'sites.update': async ({ siteId, changes }) => {
      const open = sites.get(siteId);
      if (open.practice && changes.cloud !== undefined && changes.cloud !== 'simulated') {
        throw new AppError('invalid-room', 'A practice site stays on the simulated tenant; create a new site for Microsoft 365.', [{ field: 'cloud', message: 'must stay simulated for a practice site' }]);
      }
      const { defaults, tenantDomain, ...rest } = changes;
      const candidate: Record<string, unknown> = { ...open.site, ...rest, defaults: { ...open.site.defaults, ...defaults } };
      if (tenantDomain !== undefined) {
        if (tenantDomain === '') delete candidate.tenantDomain;
        else candidate.tenantDomain = tenantDomain;
      }
      // An emptied default is no default.
      const emptied = Object.entries(candidate.defaults as Record<string, unknown>).filter(([, value]) => value === '');
      for (const [key] of emptied) delete (candidate.defaults as Record<string, unknown>)[key];
      const site = validSite(candidate);
      if (!open.practice && site.cloud !== open.site.cloud) open.tenant = ctx.cloudTenant(site.cloud);
      open.site = site;
      open.dirty = true;
      return siteView(open);
    },

    'sites.save': ({ siteId, path }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const file = await chosen(path ?? open.path ?? undefined, () => deps.dialogs.chooseSavePath(`${open.site.name.replace(/[\\/:*?"<>|]+/g, '-')}${SITE_FILE_EXTENSION}`));
        await saveSiteFile(file, open.site, { now: ctx.now() });
        await rekey(ctx, open, file);
        open.path = file;
        open.dirty = false;
        await ctx.recent.touch(file, open.site, ctx.now());
        return siteView(open);
      }),

    'sites.close': async ({ siteId }) => {
      const open = sites.get(siteId);
      if (open.run) {
        open.run.controller.abort(new Error('the site was closed'));
        await open.run.finished;
      }
      sites.remove(siteId);
      await open.progress.flush();
      await open.release?.();
      return { closed: true };
    },
  };
}
