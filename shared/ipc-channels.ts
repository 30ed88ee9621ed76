// The names of the IPC contract, without its schemas: the preload bundles this file, and a
// sandboxed preload must stay one small dependency-free script (no zod). shared/ipc.ts checks, at
// compile time, that these lists and its schemas name exactly the same channels and events.

/** Renderer -> main requests, each answered once with `{ ok: true, data }` or `{ ok: false, code, message }`. */
export const IPC_CHANNELS = [
  'app.info',
  'sites.recent',
  'sites.create',
  'sites.open',
  'sites.openPractice',
  'sites.get',
  'sites.update',
  'sites.save',
  'sites.close',
  'rooms.importCsv',
  'rooms.save',
  'rooms.remove',
  'rooms.progress',
  'rooms.markManual',
  'rooms.record',
  'rooms.attachPhoto',
  'rooms.removePhoto',
  'reports.signOff',
  'reports.export',
  'passwords.set',
  'passwords.generate',
  'tenant.status',
  'tenant.signIn',
  'tenant.signOut',
  'preflight.run',
  'provision.start',
  'provision.cancel',
  'validate.run',
  'export.scripts',
  'packages.export',
  'packages.open',
  'onsite.checks',
  'onsite.network',
  'onsite.signInTest',
  'onsite.certificates',
  'onsite.saveCertificates',
  'onsite.applyConsole',
  'onsite.confirmConsole',
  'files.save',
] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** Main -> renderer notifications. */
export const IPC_EVENTS = ['provision.progress', 'provision.finished', 'tenant.changed', 'site.changed'] as const;
export type IpcEvent = (typeof IPC_EVENTS)[number];

/** The wire name of a channel or event: one prefix, so a stray message from elsewhere never matches. */
export const ipcWireName = (name: IpcChannel | IpcEvent): string => `roomready:${name}`;
