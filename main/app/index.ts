// The app's services: the main-process handler behind every channel of shared/ipc.ts. The host
// (Electron's main/index.ts, or the browser tests' loopback bridge) supplies AppDeps and routes
// requests through main/ipc.ts's dispatch, which checks every payload and answer.
import type { IpcHandlers } from '../../shared/ipc.ts';
import { AppError } from '../ipc.ts';
import { createContext } from './context.ts';
import type { AppDeps, AppServices } from './deps.ts';
import { siteHandlers } from './site-handlers.ts';

export type { AppDeps, AppDialogs, AppServices } from './deps.ts';

const notYet = async (): Promise<never> => {
  throw new AppError('internal', 'not yet');
};

export function createAppServices(deps: AppDeps): AppServices {
  const ctx = createContext(deps);
  const handlers: IpcHandlers = {
    ...siteHandlers(ctx),
    'rooms.importCsv': notYet,
    'rooms.save': notYet,
    'rooms.remove': notYet,
    'rooms.progress': notYet,
    'rooms.markManual': notYet,
    'passwords.set': notYet,
    'passwords.generate': notYet,
    'tenant.status': notYet,
    'tenant.signIn': notYet,
    'tenant.signOut': notYet,
    'preflight.run': notYet,
    'provision.start': notYet,
    'provision.cancel': notYet,
    'validate.run': notYet,
    'export.scripts': notYet,
    'export.package': notYet,
    'files.save': notYet,
  };
  return {
    handlers,
    async dispose() {
      for (const open of ctx.sites.all()) open.run?.controller.abort(new Error('RoomReady is closing'));
      await Promise.all(ctx.sites.all().map((open) => open.run?.finished));
      for (const tenant of ctx.cloudTenants.values()) tenant.close();
      await Promise.all(ctx.sites.all().map((open) => open.progress.flush()));
      await Promise.all([...ctx.practiceSessions].map((session) => session.close()));
      ctx.practiceSessions.clear();
    },
  };
}
