// The app's services: the main-process handler behind every channel of shared/ipc.ts. The host
// (Electron's main/index.ts, or the browser tests' loopback bridge) supplies AppDeps and routes
// requests through main/ipc.ts's dispatch, which checks every payload and answer.
import type { IpcHandlers } from '../../shared/ipc.ts';
import { createContext } from './context.ts';
import type { AppDeps, AppServices } from './deps.ts';
import { exportHandlers } from './export-handlers.ts';
import { onSiteHandlers } from './onsite-handlers.ts';
import { packageHandlers } from './package-handlers.ts';
import { passwordHandlers } from './password-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { roomHandlers } from './room-handlers.ts';
import { runHandlers } from './run-handlers.ts';
import { siteHandlers } from './site-handlers.ts';
import { tenantHandlers } from './tenant-handlers.ts';

export type { AppDeps, AppDialogs, AppServices } from './deps.ts';

export function createAppServices(deps: AppDeps): AppServices {
  const ctx = createContext(deps);
  const handlers: IpcHandlers = {
    ...siteHandlers(ctx),
    ...roomHandlers(ctx),
    ...passwordHandlers(ctx),
    ...tenantHandlers(ctx),
    ...runHandlers(ctx),
    ...exportHandlers(ctx),
    ...reportHandlers(ctx),
    ...packageHandlers(ctx),
    ...onSiteHandlers(ctx),
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
