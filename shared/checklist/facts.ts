// Documented facts the checklist quotes: paths, commands, URLs, endpoints, labels. Each is defined
// once here and referenced by the items. Sources: mtr-facts.md §3.1, §3.5, §3.7, §4 and peers.md.
import type { CloudId } from '../model.ts';

/** Documentation pages, in mtr-facts.md notation. */
export const SOURCES = {
  consoleSrs: 'OSfB: Skype/SfbServer/deploy/deploy-clients/console.md',
  consoleTeams: 'OSfB: Teams/rooms/console.md',
  firstTimeSetup: 'OSfB: Teams/rooms/first-time-setup.md',
  scripts: 'OSfB: Skype/SfbServer/deploy/deploy-clients/room-systems-v2-scripts.md',
  srsPrep: 'OSfB: Skype/SfbServer/plan-your-deployment/clients-and-devices/srs-v2-prep.md',
  roomsPrep: 'OSfB: Teams/rooms/rooms-prep.md',
  operations: 'OSfB: Skype/SfbServer/manage/skype-room-systems-v2/room-systems-v2-operations.md',
  security: 'OSfB: Teams/rooms/security.md',
  authentication: 'OSfB: Teams/rooms/rooms-authentication.md',
  roomsManage: 'OSfB: Teams/rooms/rooms-manage.md',
  xmlConfig: 'OSfB: Teams/rooms/xml-config-file.md',
  withOms: 'OSfB: Skype/SfbServer/deploy/deploy-clients/with-oms.md',
  inventory: 'OSfB: Teams/rooms/inventory.md',
  proManagement: 'OSfB: Teams/rooms/rooms-pro-management.md',
  licenseCheck: 'OSfB: Teams/rooms/license-check.md',
  deploymentChecklist: 'dougschaefer6/microsoft-teams-rooms-guide: templates/deployment-checklist.md',
} as const;

// Installation media (§4.1).
export const USB_MIN_GB = 32;
export const CREATE_SRS_MEDIA_URL = 'https://go.microsoft.com/fwlink/?linkid=867842';
export const DEPLOYMENT_KIT_URL = 'https://go.microsoft.com/fwlink/?linkid=851168';
export const SRS_MEDIA_UPDATE = 'KB4056892';

// Paths on the console. The app's scripts live under C:\Rigel (its code name); the certificate page
// alone names C:\Skype Room Systems (§4.4), and the checklist quotes both as documented.
export const RIGEL_FOLDER = 'C:\\Rigel';
export const LANGUAGE_COMMAND =
  'powershell -executionpolicy unrestricted c:\\Rigel\\x64\\scripts\\provisioning\\scriptlaunch.ps1 ApplyCurrentRegionAndLanguage.ps1';
export const COLLECT_LOGS_COMMAND =
  'powershell -ExecutionPolicy unrestricted c:\\rigel\\x64\\scripts\\provisioning\\ScriptLaunch.ps1 CollectSrsV2Logs.ps1';
export const CA_CERTIFICATE_PATH = 'C:\\Skype Room Systems\\x64\\Scripts\\Provisioning\\CAcertificate.cer';
export const CA_INSTALL_COMMAND = `certutil -addstore -f -enterprise root "${CA_CERTIFICATE_PATH}"`;
export const RIGEL_PROVISIONING_FOLDER = 'C:\\Rigel\\x64\\Scripts\\Provisioning';

// Admin mode and local accounts (§4.6).
export const ADMIN_MODE_STEPS = 'Settings (gear) → admin password → Windows Settings → Go to Admin Sign-in → sign in as Admin';
export const SKYPE_OTHER_USER = '.\\skype';
export const DEFAULT_ADMIN_PASSWORD = 'sfb';
export const WINLOGON_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon';
export const NEVER_EXPIRE_COMMAND = 'net accounts /maxpwage:unlimited';
export const ENABLE_REMOTING_COMMAND = 'Enable-PSRemoting -force';

// Proxy: the app inherits it from the Skype user's registry hive (§4.6).
export const SKYPE_HIVE_FILE = 'C:\\Users\\Skype\\NTUSER.dat';
export const SKYPE_HIVE_NAME = 'Skype';
export const AUTHENTICATED_PROXY_UNSUPPORTED = 'Authenticated proxies are not supported.';
export const INTERNET_SETTINGS_KEY = 'HKEY_USERS\\Skype\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

// SkypeSettings.xml placement (§3.1).
export const SKYPE_SETTINGS_FILE_NAME = 'SkypeSettings.xml';
export const LOCAL_STATE_FOLDER = 'C:\\Users\\Skype\\AppData\\Local\\Packages\\Microsoft.SkypeRoomSystem_8wekyb3d8bbwe\\LocalState';

/** The console's option labels for the meeting modes (console.md 4.9-era revision; rooms-manage.md). */
export { MEETING_MODE_LABELS } from '../topology.ts';

/** What the installer types wherever the room password goes; the password itself is never printed. */
export const PASSWORD_DESCRIPTION = 'the room password (from the secure handoff; never printed here)';
export const PASSWORD_NOTICE =
  "The room's password is delivered separately through the secure handoff; it is never printed on this checklist.";

// Network (§4.8).
export const SFB_MEDIA_PORTS: readonly { label: string; value: string }[] = [
  { label: 'Audio (client source ports)', value: 'TCP/UDP 50000-50019' },
  { label: 'Video (client source ports)', value: 'TCP/UDP 50020-50039' },
  { label: 'Desktop sharing (client source ports)', value: 'TCP/UDP 50040-50059' },
  { label: 'Destinations', value: 'TCP 443, UDP 3478, TCP/UDP 50000-59999' },
];
export const SRS_TELEMETRY_URLS = ['https://vortex.data.microsoft.com/', 'https://settings.data.microsoft.com/'] as const;
export const SKYPE_SERVICE_ENDPOINTS = ['skypemaprdsitus.trafficmanager.net', 'pipe.skype.com', 'quicktips.skypeforbusiness.com'] as const;
export const PRO_MANAGEMENT_ENDPOINTS = [
  'agent.rooms.microsoft.com',
  'global.azure-devices-provisioning.net',
  'gj3ftstorage.blob.core.windows.net',
  'mmrstgnoamiot.azure-devices.net',
  'mmrstgnoamstor.blob.core.windows.net',
  'mmrprodapaciot.azure-devices.net',
  'mmrprodapacstor.blob.core.windows.net',
  'mmrprodemeaiot.azure-devices.net',
  'mmrprodemeastor.blob.core.windows.net',
  'mmrprodnoamiot.azure-devices.net',
  'mmrprodnoamstor.blob.core.windows.net',
] as const;
export const GCC_PRO_MANAGEMENT_ENDPOINTS = ['mmrprodgcciot.azure-devices.net', 'mmrprodgccstor.blob.core.windows.net'] as const;

/** Clouds without the Teams Rooms Pro Management portal: GCC High, DoD, 21Vianet (peers.md §2). */
export const CLOUDS_WITHOUT_PRO_MANAGEMENT: readonly CloudId[] = ['usgov', 'usgovdod', 'china'];

// Azure Monitor / Log Analytics for SRS v2 (§4.9).
export const MONITORING_AGENT_URL = 'https://go.microsoft.com/fwlink/?LinkID=517476';
export const SRS_EVENT_LOG = 'Skype Room System';
export const HEARTBEAT_QUERY = 'Event | where Source == "SRS-App" and EventID == 2000';
