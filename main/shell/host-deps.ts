// What the desktop app gives the app services (main/app/deps.ts AppDeps): native dialogs, secrets
// through safeStorage, events to the app's window, the system browser for the sign-in page.
// Electron-free: main/index.ts passes the Electron objects in (structurally typed), so this file is
// unit-tested with plain fakes and only index.ts imports 'electron'.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ipcWireName, type EventPayload, type IpcEvent } from '../../shared/ipc.ts';
import type { AppDeps, AppDialogs } from '../app/deps.ts';
import { safeStorageSecretStore, type SafeStorageLike } from '../auth/safe-storage-store.ts';
import type { SecretStore } from '../auth/secret-store.ts';
import { eventPayload } from '../ipc.ts';
import { SITE_FILE_EXTENSION } from '../workspace/site-file.ts';
import { PACKAGE_FILE_EXTENSION } from '../../shared/onsite/results.ts';

// ---------------------------------------------------------------------------------------------
// The Electron members used (a subset of their real signatures)

export interface FileFilter {
  name: string;
  extensions: string[];
}
export interface OpenDialogOptions {
  title?: string;
  defaultPath?: string;
  filters?: FileFilter[];
  properties?: Array<'openFile' | 'openDirectory' | 'createDirectory' | 'promptToCreate'>;
}
export interface SaveDialogOptions {
  title?: string;
  defaultPath?: string;
  filters?: FileFilter[];
  properties?: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}
/** Electron's dialog: with a parent window the dialog is modal to it. */
export interface DialogLike<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}
export interface WebContentsLike {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}
export interface WindowLike {
  readonly webContents: WebContentsLike;
  isDestroyed(): boolean;
}

// ---------------------------------------------------------------------------------------------
// Dialogs

/** The open dialog's filters: site files first; "All files" because macOS matches one extension only. */
export const SITE_FILE_FILTERS: readonly FileFilter[] = Object.freeze([
  { name: 'RoomReady sites', extensions: [SITE_FILE_EXTENSION.slice(1)] },
  { name: 'All files', extensions: ['*'] },
]);

export const PACKAGE_FILE_FILTERS: readonly FileFilter[] = Object.freeze([
  { name: 'RoomReady installer packages', extensions: [PACKAGE_FILE_EXTENSION.slice(1)] },
  { name: 'All files', extensions: ['*'] },
]);

/** "Lobby.roomready.json" -> the site filter; "SkypeSettings.xml" -> XML files; always "All files" too. */
export function saveFiltersFor(suggestedName: string): FileFilter[] {
  const all = { name: 'All files', extensions: ['*'] };
  if (suggestedName.toLowerCase().endsWith(SITE_FILE_EXTENSION)) return [SITE_FILE_FILTERS[0]!, all];
  const extension = path.extname(suggestedName).slice(1);
  return extension === '' ? [all] : [{ name: `${extension.toUpperCase()} files`, extensions: [extension] }, all];
}

export function electronDialogs<W>(dialog: DialogLike<W>, parentWindow: () => W | null, defaultFolder: () => string): AppDialogs {
  const open = (options: OpenDialogOptions) => {
    const parent = parentWindow();
    return parent === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(parent, options);
  };
  const save = (options: SaveDialogOptions) => {
    const parent = parentWindow();
    return parent === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(parent, options);
  };
  return {
    async chooseSiteToOpen() {
      const result = await open({ title: 'Open a site', properties: ['openFile'], filters: [...SITE_FILE_FILTERS] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName) {
      // Only the name is kept from the suggestion: it may not steer the dialog to another folder.
      const name = path.basename(suggestedName);
      const result = await save({
        title: 'Save',
        defaultPath: path.join(defaultFolder(), name),
        filters: saveFiltersFor(name),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder(title) {
      const result = await open({ title, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async choosePackageToOpen() {
      const result = await open({ title: 'Open an installer package', properties: ['openFile'], filters: [...PACKAGE_FILE_FILTERS] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Secrets

/**
 * The file of a named secret under `<userData>/secrets`. A name is a word such as "token-cache";
 * anything else is folded to one safe file name, with a hash so two names never share a file.
 */
export function secretFilePath(secretsDir: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  const unique = safe === name && name !== '' ? safe : `${safe}-${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
  return path.join(secretsDir, `${unique}.safestorage`);
}

/** safeStorage's store (which refuses where only basic_text exists), in a folder only the user can open. */
export function safeStorageSecrets(safeStorage: SafeStorageLike, secretsDir: string): (name: string) => SecretStore {
  return (name) => {
    const store = safeStorageSecretStore(safeStorage, secretFilePath(secretsDir, name));
    return {
      get: () => store.get(),
      delete: () => store.delete(),
      async set(data) {
        await mkdir(secretsDir, { recursive: true, mode: 0o700 });
        await store.set(data);
      },
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Events and the system browser

/** Sends an event to the app's window, if it is open; a payload that breaks the contract is logged and dropped. */
export function windowEmitter(mainWindow: () => WindowLike | null, log: (message: string) => void): AppDeps['emit'] {
  return <E extends IpcEvent>(event: E, payload: EventPayload<E>) => {
    const window = mainWindow();
    if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
    let checked: EventPayload<E>;
    try {
      checked = eventPayload(event, payload);
    } catch (error) {
      log(`Dropped the ${event} event: its payload does not match the contract (${error instanceof Error ? error.message.slice(0, 500) : 'invalid'}).`);
      return;
    }
    window.webContents.send(ipcWireName(event), checked);
  };
}

/** The interactive sign-in page goes to the system browser; nothing but https ever leaves this way. */
export function signInPageOpener(openExternal: (url: string) => Promise<void>): (url: string) => Promise<void> {
  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('The sign-in page address is not a valid URL.');
    }
    if (parsed.protocol !== 'https:') throw new Error(`RoomReady opens only https sign-in pages in the browser, not ${parsed.protocol} addresses.`);
    await openExternal(parsed.href);
  };
}
