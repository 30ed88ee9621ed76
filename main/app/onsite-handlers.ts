// The on-site toolkit's channels: network readiness from this machine, the room's own sign-in,
// certificate files, and the console configuration put on the console (or on a USB stick). Each
// tool's findings are recorded for the room (the progress store) and so reach its report.
import path from 'node:path';
import type { IpcHandlers } from '../../shared/ipc.ts';
import { resolveRoom, siteConsoleEra, type Room, type Site } from '../../shared/model.ts';
import { SKYPE_SETTINGS_FILE_NAME } from '../../shared/onsite/console-files.ts';
import type { OnSiteCheck } from '../../shared/onsite/results.ts';
import { themeImageProblems } from '../../shared/onsite/theme-images.ts';
import { roomConsoleTexts } from '../../shared/prepare.ts';
import { checkSkypeSettingsFile, formatSkypeSettingsProblem } from '../../shared/skype-settings/check-file.ts';
import type { SkypeSettings } from '../../shared/skype-settings/elements.ts';
import { skypeSettingsForRoom } from '../../shared/skype-settings/room.ts';
import type { ConsoleEra } from '../../shared/console-era.ts';
import { AppError } from '../ipc.ts';
import { analyseCertificates, type InstallFile } from '../onsite/certificates/inspect.ts';
import { applyConsoleConfiguration, confirmConsoleConfiguration, windowsConsoleTarget, type ConsoleTarget } from '../onsite/console-config.ts';
import { runNetworkReadiness } from '../onsite/network/readiness.ts';
import { testRoomSignIn } from '../onsite/room-sign-in.ts';
import { writeFileAtomically } from '../workspace/atomic-write.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import type { AppContext } from './context.ts';
import { translated } from './errors.ts';
import { roomOf } from './open-sites.ts';
import { safeFileName } from './file-names.ts';

type OnSiteHandlers = Pick<
  IpcHandlers,
  'onsite.checks' | 'onsite.network' | 'onsite.signInTest' | 'onsite.certificates' | 'onsite.saveCertificates' | 'onsite.applyConsole' | 'onsite.confirmConsole'
>;

/** A SkypeSettings.xml's text, what it sets and the era it is read for (for the images it names). */
interface SettingsFile {
  text: string;
  settings: SkypeSettings;
  era: ConsoleEra;
}

/** The room's SkypeSettings.xml as prepare writes it; never with the password (the installer types it on the console). */
function preparedSettingsFile(room: Room, site: Site): SettingsFile {
  const resolved = resolveRoom(room, site);
  const era = siteConsoleEra(site);
  return { text: roomConsoleTexts(resolved, site, era).skypeSettingsXml, settings: skypeSettingsForRoom(resolved, site, { era }), era };
}

/**
 * A SkypeSettings.xml brought for this room, as the console would read it: refused when it has
 * errors (the console applies a badly formed file only up to its first error) or signs in another room.
 */
function checkedSettingsFile(file: { fileName: string; text: string }, room: Room, site: Site): SettingsFile {
  const era = siteConsoleEra(site);
  const check = checkSkypeSettingsFile(file.text, { era, name: file.fileName });
  if (!check.ok) {
    const errors = check.problems.filter((problem) => problem.severity === 'error').slice(0, 3).map(formatSkypeSettingsProblem);
    throw new AppError('bad-file', `${check.summary}: ${errors.join('; ')}`);
  }
  const signsIn = check.settings['userAccount.skypeSignInAddress'];
  if (typeof signsIn === 'string' && signsIn.toLowerCase() !== room.upn.toLowerCase()) {
    throw new AppError('bad-file', `${file.fileName} signs in ${signsIn}, not this room (${room.upn}).`);
  }
  return { text: file.text, settings: check.settings, era };
}

/** The files the last apply put into LocalState, from its recorded check (RoomReady itself restarts with the console). */
function lastAppliedFiles(checks: readonly OnSiteCheck[]): string[] {
  const evidence = checks.find((check) => check.id === 'console-config.applied')?.evidence;
  const files = evidence && typeof evidence === 'object' && !Array.isArray(evidence) ? evidence.files : undefined;
  const names = Array.isArray(files) ? files.map((file) => (file && typeof file === 'object' && !Array.isArray(file) ? file.name : undefined)) : [];
  const valid = names.filter((name): name is string => typeof name === 'string');
  return valid.length > 0 ? valid : [SKYPE_SETTINGS_FILE_NAME];
}

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export function onSiteHandlers(ctx: AppContext): OnSiteHandlers {
  const { deps, sites } = ctx;
  // The CA files the last inspection per site asked to trust (public certificates, nothing secret), so
  // saving them needs neither the files nor a PFX password again.
  const caFiles = new Map<string, InstallFile[]>();
  /** This machine's console LocalState: the host's (tests), none (null), or Windows' own when present. */
  function consoleTarget(): ConsoleTarget | undefined {
    const host = deps.onsite?.consoleTarget;
    if (host === null) return undefined;
    return host ?? windowsConsoleTarget(deps.env);
  }

  return {
    'onsite.checks': async ({ siteId, upn }) => {
      const open = sites.get(siteId);
      const room = roomOf(open, upn);
      return { checks: [...open.progress.onSiteChecks(room.upn)] };
    },

    'onsite.network': ({ siteId, upn }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const room = upn === undefined ? undefined : roomOf(open, upn);
        const network = deps.onsite?.network ?? {};
        const report = await runNetworkReadiness({
          cloud: open.site.cloud,
          env: deps.env,
          now: () => ctx.now(),
          ...(deps.onsite?.resolveProxy ? { resolveProxy: (url: string) => deps.onsite!.resolveProxy!(url) } : {}),
          ...network,
        });
        if (room) await open.progress.recordOnSite(room.upn, report.checks, ['network']);
        return report;
      }),

    'onsite.signInTest': ({ siteId, upn, password }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const room = roomOf(open, upn);
        const secret = password ?? open.passwords.get(room.upn);
        if (secret === undefined) throw new AppError('invalid-room', `RoomReady keeps no password for ${room.upn}: type it for this test (it is used once and not kept).`);
        const target = open.tenant.roomSignInTarget(room.upn);
        const resolved = resolveRoom(room, open.site);
        const result = await testRoomSignIn({ ...target, upn: room.upn, password: secret, ...(resolved.license ? { expectedSkus: [resolved.license] } : {}), now: () => ctx.now() });
        await open.progress.recordOnSite(room.upn, [result.check], ['sign-in']);
        return result;
      }),

    'onsite.certificates': ({ siteId, upn, files, pfxPassword }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const room = upn === undefined ? undefined : roomOf(open, upn);
        const { inspection, installFiles } = analyseCertificates(
          files.map((file) => ({ fileName: path.basename(file.fileName), bytes: bytesOf(file.base64) })),
          { ...(pfxPassword ? { pfxPassword } : {}), now: ctx.now() },
        );
        caFiles.set(open.id, installFiles);
        if (room) await open.progress.recordOnSite(room.upn, inspection.checks, ['certificate']);
        return inspection;
      }),

    'onsite.saveCertificates': ({ siteId, folder }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const files = caFiles.get(open.id) ?? [];
        if (files.length === 0) throw new AppError('not-found', 'No private CA to save: inspect the certificate files first; only CAs the console must trust are saved.');
        const chosen = folder ?? (await deps.dialogs.chooseFolder('Save the CA certificates for the console'));
        if (chosen === null) throw new AppError('cancelled', 'Cancelled: no folder was chosen.');
        const target = path.resolve(chosen);
        for (const file of files) {
          try {
            await writeFileAtomically(path.join(target, file.name), file.bytes);
          } catch (error) {
            throw new AppError('bad-file', `Could not save ${file.name} in ${target}: ${describeFsError(error)}.`);
          }
        }
        return { folder: target, files: files.map((file) => ({ name: file.name, store: file.store, bytes: file.bytes.byteLength })) };
      }),

    'onsite.applyConsole': ({ siteId, upn, settingsXml, images, usb, folder }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const room = roomOf(open, upn);
        const xml = settingsXml ? checkedSettingsFile(settingsXml, room, open.site) : preparedSettingsFile(room, open.site);
        const imageNames = (images ?? []).map((image) => image.fileName);
        const mismatches = themeImageProblems(xml.settings, xml.era, imageNames, settingsXml?.fileName ?? SKYPE_SETTINGS_FILE_NAME);
        if (mismatches.length > 0) throw new AppError('bad-file', `${mismatches.join('; ')}.`);
        const files = [
          { name: SKYPE_SETTINGS_FILE_NAME, bytes: new TextEncoder().encode(xml.text) },
          ...(images ?? []).map((image) => ({ name: image.fileName, bytes: bytesOf(image.base64) })),
        ];
        const target = usb ? undefined : consoleTarget();
        let usbFolder: string | undefined;
        if (!target) {
          const chosen = folder ?? (await deps.dialogs.chooseFolder('Export the console configuration for a USB stick'));
          if (chosen === null) throw new AppError('cancelled', 'Cancelled: no folder was chosen.');
          usbFolder = path.join(path.resolve(chosen), safeFileName(`${room.displayName} console files`));
        }
        const result = await applyConsoleConfiguration({ upn: room.upn, files, ...(target ? { target } : {}), ...(usbFolder ? { usbFolder } : {}), now: () => ctx.now() });
        await open.progress.recordOnSite(room.upn, [result.check], ['console-config']);
        return result;
      }),

    'onsite.confirmConsole': ({ siteId, upn }) =>
      translated(async () => {
        const open = sites.get(siteId);
        const room = roomOf(open, upn);
        const target = consoleTarget();
        if (!target) {
          throw new AppError(
            'not-found',
            `This computer is not a Teams Rooms console, so RoomReady cannot look into the app's LocalState: after the console restarts, check there that ${SKYPE_SETTINGS_FILE_NAME} is gone.`,
          );
        }
        const expected = lastAppliedFiles(open.progress.onSiteChecks(room.upn));
        const result = await confirmConsoleConfiguration({ upn: room.upn, target, expected, now: () => ctx.now() });
        await open.progress.recordOnSite(room.upn, [result.check]);
        return result;
      }),
  };
}
