// The installer's package: the admin seals the chosen rooms (their data, console checklists and
// SkypeSettings.xml, and their passwords only when asked) into one file with a passphrase; the
// installer opens it as a site that lives in memory. Nothing of it is written unencrypted.
import type { IpcHandlers } from '../../shared/ipc.ts';
import type { CloudId } from '../../shared/model.ts';
import { PACKAGE_FILE_EXTENSION } from '../../shared/onsite/results.ts';
import { AppError } from '../ipc.ts';
import { buildInstallerPackageContents, readInstallerPackage, writeInstallerPackage } from '../onsite/package.ts';
import type { AppContext } from './context.ts';
import { translated } from './errors.ts';
import { selectRooms } from './room-selection.ts';
import { startPracticeTenant } from './practice.ts';
import { validSite } from './site-handlers.ts';
import type { SiteTenant } from './site-tenant.ts';
import { siteView } from './site-view.ts';
import { safeFileName } from './file-names.ts';

type PackageHandlers = Pick<IpcHandlers, 'packages.export' | 'packages.open'>;

export function packageHandlers(ctx: AppContext): PackageHandlers {
  const { deps, sites } = ctx;
  /**
   * A package made in practice mode reaches the simulated tenant of the practice site open beside it
   * (where its rooms were provisioned), or else a simulated tenant of its own, stopped when it closes.
   */
  async function tenantFor(cloud: CloudId): Promise<{ tenant: SiteTenant; release?(): Promise<void> }> {
    if (cloud !== 'simulated') return { tenant: ctx.cloudTenant(cloud) };
    const practice = sites.all().find((open) => open.practice);
    return practice ? { tenant: practice.tenant } : startPracticeTenant(ctx);
  }
  return {
    'packages.export': ({ siteId, upns, includePasswords, passphrase, path: given }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const selection = selectRooms(open, upns);
        if (selection.site.rooms.length === 0) {
          const why = selection.skipped.map((room) => `${room.upn}: ${room.reason}`).join('; ');
          throw new AppError('invalid-room', `No room of "${open.site.name}" can go into a package${why ? `: ${why}` : ' (the site has no rooms)'}.`);
        }
        const file = given ?? (await deps.dialogs.chooseSavePath(safeFileName(`${open.site.name} installer`) + PACKAGE_FILE_EXTENSION));
        if (file === null) throw new AppError('cancelled', 'Cancelled: no file was chosen.');
        const now = ctx.now();
        const contents = buildInstallerPackageContents({
          site: selection.site,
          upns: selection.site.rooms.map((room) => room.upn),
          passwords: (upn) => open.passwords.get(upn),
          includePasswords,
          now,
        });
        const { bytes } = await writeInstallerPackage(file, contents, passphrase);
        return {
          path: file,
          bytes,
          siteName: open.site.name,
          rooms: contents.rooms.length,
          includesPasswords: Object.keys(contents.passwords ?? {}).length > 0,
          createdAt: contents.createdAt,
        };
      }),

    'packages.open': ({ passphrase, path: given }) =>
      translated(async () => {
        const file = given ?? (await deps.dialogs.choosePackageToOpen());
        if (file === null) throw new AppError('cancelled', 'Cancelled: no file was chosen.');
        const contents = await readInstallerPackage(file, passphrase);
        const site = validSite(contents.site);
        const passwords = Object.entries(contents.passwords ?? {});
        const { tenant, release } = await tenantFor(site.cloud);
        let open;
        try {
          open = await sites.open(deps, {
            path: null,
            practice: false,
            site,
            dirty: false,
            tenant,
            ...(release ? { release } : {}),
            package: { path: file, createdAt: contents.createdAt, includesPasswords: passwords.length > 0 },
          });
        } catch (error) {
          await release?.();
          throw error;
        }
        if (passwords.length > 0) await open.passwords.set(passwords);
        return siteView(open);
      }),
  };
}
