// export.scripts: the CLI's prepare pipeline into a folder for the chosen rooms (the installer's
// sealed package is packages.export, package-handlers.ts).
// files.save: text the renderer made (a SkypeSettings.xml), written atomically.
import path from 'node:path';
import type { IpcHandlers } from '../../shared/ipc.ts';
import { SITE_FILE, type PrepareInput } from '../../shared/prepare.ts';
import { APP_NAME, APP_VERSION } from '../app-version.ts';
import { AppError } from '../ipc.ts';
import { writePrepared } from '../prepare/write-prepared.ts';
import { writeFileAtomically } from '../workspace/atomic-write.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import { serializeSiteFile } from '../workspace/site-file.ts';
import type { AppContext } from './context.ts';
import { translated } from './errors.ts';
import type { OpenSite } from './open-sites.ts';
import { selectRooms } from './room-selection.ts';

type ExportHandlers = Pick<IpcHandlers, 'export.scripts' | 'files.save'>;

interface ExportRequest {
  upns?: readonly string[] | undefined;
  folder?: string | undefined;
}

export function exportHandlers(ctx: AppContext): ExportHandlers {
  const { sites, deps } = ctx;

  async function exportFolder(open: OpenSite, request: ExportRequest, title: string) {
    const selection = selectRooms(open, request.upns);
    if (selection.site.rooms.length === 0) {
      const why = selection.skipped.map((room) => `${room.upn}: ${room.reason}`).join('; ');
      throw new AppError('invalid-room', `No room of "${open.site.name}" can be exported${why ? `: ${why}` : ' (the site has no rooms)'}.`);
    }
    let folder = request.folder;
    if (folder === undefined) {
      const answer = await deps.dialogs.chooseFolder(title);
      if (answer === null) throw new AppError('cancelled', 'Cancelled: no folder was chosen.');
      folder = answer;
    }
    folder = path.resolve(folder);
    const input: PrepareInput = {
      site: selection.site,
      generator: { name: APP_NAME, version: APP_VERSION },
      siteFileText: serializeSiteFile(SITE_FILE, selection.site, { now: ctx.now() }),
    };
    let files = 0;
    writePrepared(folder, input, selection.positions, () => files++);
    files++; // manifest.json, written last
    return { folder, rooms: selection.site.rooms.length, files, skipped: selection.skipped };
  }

  return {
    'export.scripts': ({ siteId, upns, folder }) => translated(() => exportFolder(sites.get(siteId), { upns, folder }, 'Export the scripts and console files')),

    'files.save': async ({ suggestedName, text, path: given }) => {
      const file = given ?? (await deps.dialogs.chooseSavePath(suggestedName));
      if (file === null) return { path: null };
      try {
        await writeFileAtomically(file, text);
      } catch (error) {
        throw new AppError('bad-file', `Could not save ${file}: ${describeFsError(error)}.`);
      }
      return { path: file };
    },
  };
}
