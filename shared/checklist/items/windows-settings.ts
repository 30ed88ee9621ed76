// Windows settings the app depends on, local accounts and the proxy (mtr-facts.md §4.6).
import { joinsDomain, TEAMS_ERAS } from '../context.ts';
import {
  ADMIN_MODE_STEPS,
  AUTHENTICATED_PROXY_UNSUPPORTED,
  DEFAULT_ADMIN_PASSWORD,
  ENABLE_REMOTING_COMMAND,
  INTERNET_SETTINGS_KEY,
  NEVER_EXPIRE_COMMAND,
  SKYPE_HIVE_FILE,
  SKYPE_HIVE_NAME,
  SKYPE_OTHER_USER,
  SOURCES,
  WINLOGON_KEY,
} from '../facts.ts';
import type { ChecklistContext, ChecklistItemDefinition, ChecklistValue } from '../types.ts';
import { described, verbatim } from '../values.ts';

const hasProxy = (context: ChecklistContext) => context.options.proxy !== undefined;

/** A proxy step, marked conditional when the site names no proxy. */
const proxyStep = (context: ChecklistContext, sentence: string) =>
  hasProxy(context) ? sentence : `Only if a proxy is needed: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;

function proxyValues(context: ChecklistContext): ChecklistValue[] {
  const proxy = context.options.proxy;
  const values = [verbatim('Key', INTERNET_SETTINGS_KEY), verbatim('MigrateProxy (DWORD)', '1'), verbatim('ProxyEnable (DWORD)', '1')];
  if (proxy === undefined) values.push(described('ProxyServer (String)', 'the proxy as host:port from the admin, or instead AutoConfigURL (String) with the URL of its PAC file'));
  else if ('server' in proxy) values.push(verbatim('ProxyServer (String)', proxy.server));
  else values.push(verbatim('AutoConfigURL (String)', proxy.autoConfigUrl));
  return values;
}

export const WINDOWS_SETTINGS_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'windows.admin-mode',
    section: 'windows-settings',
    kind: 'do',
    text: `Switch to Admin mode: ${ADMIN_MODE_STEPS}. To go back, choose the user Skype or Other user as below. If the app hangs, press the Windows key five times to reach the sign-in screen.`,
    values: () => [verbatim('Other user', SKYPE_OTHER_USER)],
    source: SOURCES.operations,
  },
  {
    id: 'windows.admin-password',
    section: 'windows-settings',
    kind: 'type',
    text: 'Change the local Admin account password from its documented default.',
    values: () => [verbatim('Default password', DEFAULT_ADMIN_PASSWORD), described('New password', "your organisation's Admin password for consoles (never printed here)")],
    why: 'The default is published: anyone who knows it can administer the console.',
    source: SOURCES.operations,
  },
  {
    id: 'windows.skype-account',
    section: 'windows-settings',
    kind: 'check',
    text: 'The local Skype account has no password and is not an administrator.',
    why: 'The app runs as Skype and signs in to Windows automatically; a password stops that.',
    source: SOURCES.operations,
  },
  {
    id: 'windows.auto-logon',
    section: 'windows-settings',
    kind: 'check',
    text: 'The registry value below is set and no Group Policy overrides it.',
    values: () => [verbatim('Key', WINLOGON_KEY), verbatim('AdminAutoLogon (REG_SZ)', '1')],
    why: 'It lets the console boot straight into the app. Revisions of the page differ on the spelling (AutoAdminLogon) and the type (DWORD); whichever your image uses, Group Policy must not override it.',
    source: SOURCES.operations,
  },
  {
    id: 'windows.power',
    section: 'windows-settings',
    kind: 'check',
    text: 'Power on AC: the screen turns off after 10 minutes and the console never sleeps.',
    why: 'This lets the console turn off the displays and wake up by itself.',
    source: SOURCES.operations,
  },
  {
    id: 'windows.accounts-never-expire',
    section: 'windows-settings',
    kind: 'command',
    text: 'Make the local accounts (Skype, Admin) never expire.',
    command: () => NEVER_EXPIRE_COMMAND,
    why: 'Otherwise the Skype account eventually fails to sign in with an expired password, and the Admin account expires too.',
    source: SOURCES.operations,
  },
  {
    id: 'windows.display-mode',
    section: 'windows-settings',
    kind: 'check',
    text: 'The front-of-room display runs in Extended mode; a consumer TV has HDMI-CEC turned on.',
    source: SOURCES.operations,
  },
  {
    id: 'windows.proxy-unauthenticated',
    section: 'windows-settings',
    kind: 'check',
    text: (context) =>
      hasProxy(context)
        ? 'The web proxy set for this site does not ask for authentication.'
        : "No web proxy is set for this site. If the room's network needs one, it must not ask for authentication; ask the admin for it and set it as in the next three steps.",
    why: AUTHENTICATED_PROXY_UNSUPPORTED,
    source: SOURCES.operations,
  },
  {
    id: 'windows.proxy-load-hive',
    section: 'windows-settings',
    kind: 'type',
    text: (context) =>
      proxyStep(context, "In Admin mode, open Registry Editor, select HKEY_USERS, choose File → Load Hive, open the Skype user's hive and name it as below."),
    values: () => [verbatim('Hive file', SKYPE_HIVE_FILE), verbatim('Key name', SKYPE_HIVE_NAME)],
    why: 'The app takes its proxy from the Skype user, not from the Admin account you are signed in with.',
    source: SOURCES.operations,
  },
  {
    id: 'windows.proxy-values',
    section: 'windows-settings',
    kind: 'type',
    text: (context) => proxyStep(context, 'Under this key, set these values.'),
    values: proxyValues,
    source: SOURCES.operations,
  },
  {
    id: 'windows.proxy-unload-hive',
    section: 'windows-settings',
    kind: 'do',
    text: (context) => proxyStep(context, 'Select the Skype key, choose File → Unload Hive, sign out and sign in as Skype.'),
    source: SOURCES.operations,
  },
  {
    id: 'windows.remote-powershell',
    section: 'windows-settings',
    kind: 'command',
    when: joinsDomain,
    text: 'Only if the admin manages consoles remotely: turn on PowerShell remoting (it is off by default).',
    command: () => ENABLE_REMOTING_COMMAND,
    why: 'Remote restarts, log collection and pushing SkypeSettings.xml over the network need it.',
    source: SOURCES.operations,
  },
  {
    id: 'windows.update-schedule',
    section: 'windows-settings',
    kind: 'check',
    eras: TEAMS_ERAS,
    text: 'Windows Update keeps its local policy: updates install daily from 02:00.',
  },
];
