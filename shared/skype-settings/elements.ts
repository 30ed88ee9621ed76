// Every element and attribute of SkypeSettings.xml, once. The writer, parser, validator and the UI
// form all read this table; nothing about an element is repeated in code.
// Facts: mtr-facts.md §3.3–3.5, checked against the documented samples (OSfB:
// Skype/SfbServer/manage/skype-room-systems-v2/xml-config-file.md @070fc70d, @4266c1fb;
// Teams/rooms/xml-config-file.md @0098e46b, @00992783 and the 08/22/2024 revision).
//
// Row order is the documented order: the order of the newest sample that has the element. Where
// §3.3 lists an element elsewhere, the sample wins (CustomThemeImageUrl follows the three
// CustomBackground* elements in the 2024 sample).

export const REVISIONS = ['R1', 'R2', 'R3'] as const;
/** R1 = SRS v2 (app ≤ 4.8), R2 = Teams Rooms 4.9–4.16, R3 = Teams Rooms 4.17+ (console-era.ts). */
export type Revision = (typeof REVISIONS)[number];

/**
 * container: holds elements (and maybe attributes); written only when something inside is set.
 * boolean / number / string: an element holding one value.
 * attribute: a boolean attribute of the element named by `parent` (CoordinatedMeetings and its Settings).
 */
export type ElementKind = 'container' | 'boolean' | 'number' | 'string' | 'attribute';

export interface AllowedValue {
  value: string | number;
  label: string;
}

export interface ElementRow {
  /** Stable model key (era-neutral); a child's key starts with its container's key. */
  readonly key: string;
  /** XML name as the newest documenting revision spells it. */
  readonly name: string;
  /** Spellings of revisions that differ from `name` (XML names are case-sensitive). */
  readonly spellings?: Partial<Record<Revision, string>>;
  /** Key of the enclosing container, or of the element carrying an attribute; absent = under <SkypeSettings>. */
  readonly parent?: string;
  readonly kind: ElementKind;
  /** Revisions whose reference documents the element. */
  readonly revisions: readonly Revision[];
  readonly label: string;
  readonly help: string;
  /** Documented default on the device, per revision (omitted where the reference gives none). */
  readonly defaults?: Partial<Record<Revision, boolean | number | string>>;
  /** Inclusive range of a number. */
  readonly range?: { readonly min: number; readonly max: number };
  /** Documented values per revision. */
  readonly allowed?: Partial<Record<Revision, readonly AllowedValue[]>>;
  /** `allowed` lists what the reference names but the app may know more (a value outside is a warning). */
  readonly openList?: true;
  /** Shape a non-empty string must have. */
  readonly pattern?: { readonly regex: RegExp; readonly hint: string };
  /** An empty string would clear something that must not be empty. */
  readonly nonEmpty?: true;
  /** Never quoted in a message. */
  readonly secret?: true;
  /** Revisions whose reference types this number as Boolean: true/false are read as 1/0 there. */
  readonly booleanWords?: readonly Revision[];
  /** Revisions whose documents disagree on this element's place among its looseOrder siblings. */
  readonly looseOrder?: readonly Revision[];
}

const ALL = ['R1', 'R2', 'R3'] as const;
const R1_R2 = ['R1', 'R2'] as const;
const R2_R3 = ['R2', 'R3'] as const;
const R1 = ['R1'] as const;
const R2 = ['R2'] as const;
const R3 = ['R3'] as const;

const PRESET_THEMES = ['Default', 'Blue Wave', 'Digital Forest', 'Dreamcatcher', 'Limeade', 'Pixel Perfect', 'Roadmap', 'Sunset'];
const R3_ADDED_THEMES = ['Vivid Flag Default', 'Summer Summit', 'Seaside Bliss', 'Into The Fold', 'Creative Conservatory', 'Purple Paradise'];
const themeValues = (names: readonly string[]): AllowedValue[] => [
  ...names.map((name) => ({ value: name, label: name })),
  { value: 'Custom', label: 'Custom (your own image)' },
  { value: 'No Theme', label: 'No theme' },
];
const scalingValues = (percentages: readonly number[]): AllowedValue[] => percentages.map((value) => ({ value, label: `${value} %` }));
const R2_SCALING = scalingValues([100, 125, 150, 175, 200, 225, 250, 300, 350, 400, 450, 500]);
const R3_SCALING = scalingValues([100, 125, 150, 175, 200, 225, 250, 300]);
const RESOLUTION = { regex: /^\d{1,5},\d{1,5}$/, hint: 'width,height in pixels, e.g. 1920,1080' } as const;
const PERCENT = { min: 0, max: 100 } as const;
const BYTE = { min: 0, max: 255 } as const;

// R1's two samples and its table put TeamsMeetingsEnabled, SkypeMeetingsEnabled, IsTeamsDefaultClient
// and BluetoothAdvertisementEnabled in three different orders, so no order among them is documented.
const R1_UNDOCUMENTED_ORDER = ['R1'] as const;

export const SKYPE_SETTINGS_ELEMENTS = [
  { key: 'autoScreenShare', name: 'AutoScreenShare', kind: 'boolean', revisions: ALL, label: 'Automatic screen sharing', help: 'Share HDMI input automatically when it is connected. From 4.17 it is also shared with remote participants of a Teams meeting; when off, the room sees it but participants only after someone taps Share.' },
  { key: 'hideMeetingName', name: 'HideMeetingName', kind: 'boolean', revisions: ALL, label: 'Hide meeting names', help: 'Do not show meeting titles on the room displays.' },
  { key: 'autoExitMeetingEnabled', name: 'AutoExitMeetingEnabled', kind: 'boolean', revisions: R2_R3, defaults: { R2: false, R3: false }, label: 'Leave when everyone else has left', help: 'The room leaves a meeting when it is the last participant.' },
  { key: 'audioRenderDefaultDeviceVolume', name: 'AudioRenderDefaultDeviceVolume', kind: 'number', revisions: R2_R3, range: PERCENT, label: 'Default speaker volume', help: 'Volume of the default (HDMI-ingest) speaker, 0–100. Shown only in the reference samples, not in its table.' },
  { key: 'audioRenderCommunicationDeviceVolume', name: 'AudioRenderCommunicationDeviceVolume', kind: 'number', revisions: R2_R3, range: PERCENT, label: 'Conference speaker volume', help: 'Volume of the conferencing speaker, 0–100. Shown only in the reference samples, not in its table.' },

  { key: 'userAccount', name: 'UserAccount', kind: 'container', revisions: ALL, label: 'Account', help: 'The room account the console signs in with.' },
  { key: 'userAccount.skypeSignInAddress', name: 'SkypeSignInAddress', parent: 'userAccount', kind: 'string', revisions: ALL, nonEmpty: true, label: 'Sign-in address', help: 'The room account the console signs in to Teams or Skype for Business with (its UPN).' },
  { key: 'userAccount.exchangeAddress', name: 'ExchangeAddress', parent: 'userAccount', kind: 'string', revisions: R1_R2, label: 'Exchange address', help: 'The mailbox the console reads its calendar from. When omitted the sign-in address is not used in its place.' },
  { key: 'userAccount.domainUsername', name: 'DomainUsername', parent: 'userAccount', kind: 'string', revisions: R1_R2, pattern: { regex: /^[^\\\s][^\\]*\\[^\\]*[^\\\s]$/, hint: 'DOMAIN\\user, e.g. CONTOSO\\boardroom' }, label: 'Domain\\user name', help: 'Domain and user name of the account, for Skype for Business Server sign-in.' },
  { key: 'userAccount.password', name: 'Password', parent: 'userAccount', kind: 'string', revisions: ALL, secret: true, label: 'Password', help: 'The account password in plain text. The app deletes the file after reading it; include it only when you must.' },
  { key: 'userAccount.configureDomain', name: 'ConfigureDomain', parent: 'userAccount', kind: 'string', revisions: R1_R2, label: 'Configure domain', help: 'Comma-separated domains, e.g. the Exchange domain when it differs from the Skype for Business SIP domain.' },
  { key: 'userAccount.autoRotatePassword', name: 'AutoRotatePassword', parent: 'userAccount', kind: 'boolean', revisions: R1, label: 'Rotate password automatically', help: 'Listed without a description in the first SRS v2 reference only.' },
  { key: 'userAccount.modernAuthEnabled', name: 'ModernAuthEnabled', parent: 'userAccount', kind: 'boolean', revisions: R2, defaults: { R2: false }, label: 'Modern authentication', help: 'Use modern authentication only, with no fallback to basic authentication.' },

  { key: 'teamsMeetingsEnabled', name: 'TeamsMeetingsEnabled', kind: 'boolean', revisions: ALL, looseOrder: R1_UNDOCUMENTED_ORDER, defaults: { R1: false, R2: false, R3: false }, label: 'Teams meetings', help: 'Join Microsoft Teams meetings. See the meeting-mode matrix.' },
  { key: 'sfbMeetingsEnabled', name: 'SfbMeetingEnabled', spellings: { R1: 'SkypeMeetingsEnabled' }, kind: 'boolean', revisions: ALL, looseOrder: R1_UNDOCUMENTED_ORDER, defaults: { R1: true, R2: false, R3: false }, label: 'Skype for Business meetings', help: 'Join Skype for Business meetings (SkypeMeetingsEnabled in SRS v2). Turning off both meeting types makes the file malformed.' },
  { key: 'isTeamsDefaultClient', name: 'IsTeamsDefaultClient', kind: 'boolean', revisions: ALL, looseOrder: R1_UNDOCUMENTED_ORDER, defaults: { R1: false, R2: true, R3: true }, label: 'Teams is the default client', help: 'New meetings and calls use Teams rather than Skype for Business.' },
  { key: 'requirePasscodeForAllTeamsMeetings', name: 'RequirePasscodeForAllTeamsMeetings', kind: 'boolean', revisions: R3, defaults: { R3: false }, label: 'Passcode for all Teams meetings', help: 'Ask for meeting ID and passcode before joining any Teams meeting booked in the room (Teams Rooms Pro).' },
  { key: 'requirePasscodeForAllPrivateTeamsMeetings', name: 'RequirePasscodeForAllPrivateTeamsMeetings', kind: 'boolean', revisions: R3, defaults: { R3: false }, label: 'Passcode for private Teams meetings', help: 'Ask for meeting ID and passcode before joining private Teams meetings booked in the room (Teams Rooms Pro).' },
  { key: 'webexMeetingsEnabled', name: 'WebExMeetingsEnabled', spellings: { R2: 'WebexMeetingsEnabled' }, kind: 'boolean', revisions: R2_R3, defaults: { R2: false, R3: false }, label: 'Join Webex meetings', help: 'Direct guest join for Cisco Webex meetings. The 4.9 reference spells it WebexMeetingsEnabled, the 4.17 one WebExMeetingsEnabled.' },
  { key: 'zoomMeetingsEnabled', name: 'ZoomMeetingsEnabled', kind: 'boolean', revisions: R2_R3, defaults: { R2: false, R3: false }, label: 'Join Zoom meetings', help: 'Direct guest join for Zoom meetings.' },
  { key: 'blueJeansMeetingsEnabled', name: 'BlueJeansMeetingsEnabled', kind: 'boolean', revisions: R3, defaults: { R3: false }, label: 'Join BlueJeans meetings', help: 'Direct guest join for BlueJeans meetings.' },
  { key: 'useCustomInfoForThirdPartyMeetings', name: 'UseCustomInfoForThirdPartyMeetings', kind: 'boolean', revisions: R2_R3, defaults: { R2: false, R3: false }, label: 'Custom guest identity', help: 'Join third-party meetings with the name and email below instead of the room account. Both must be given.' },
  { key: 'customDisplayNameForThirdPartyMeetings', name: 'CustomDisplayNameForThirdPartyMeetings', kind: 'string', revisions: R2_R3, label: 'Guest name', help: 'Name shown to (and possibly stored by) third-party meeting services.' },
  { key: 'customDisplayEmailForThirdPartyMeetings', name: 'CustomDisplayEmailForThirdPartyMeetings', kind: 'string', revisions: R2_R3, label: 'Guest email', help: 'Email address shown to (and possibly stored by) third-party meeting services.' },
  { key: 'bluetoothAdvertisementEnabled', name: 'BluetoothAdvertisementEnabled', kind: 'boolean', revisions: ALL, looseOrder: R1_UNDOCUMENTED_ORDER, defaults: { R1: true, R2: true, R3: true }, label: 'Bluetooth beaconing', help: 'Advertise the room over Bluetooth so nearby laptops and phones can find it.' },
  { key: 'autoAcceptProximateMeetingInvitations', name: 'AutoAcceptProximateMeetingInvitations', kind: 'boolean', revisions: R2_R3, defaults: { R2: false, R3: true }, label: 'Auto-accept proximity invitations', help: 'Accept meeting invitations from nearby devices (Bluetooth) without a tap.' },
  { key: 'allowRoomRemoteEnabled', name: 'AllowRoomRemoteEnabled', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'Room remote', help: 'Allow people to control the room from their own device.' },
  { key: 'roomQRcodeEnabled', name: 'RoomQRcodeEnabled', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'QR code on home screen', help: 'Show a QR code people can scan to join meetings with the room.' },
  { key: 'qrCodeAutoAcceptProximateMeetingInvitations', name: 'QRCodeAutoAcceptProximateMeetingInvitations', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'Auto-accept QR code invitations', help: 'Accept invitations made by scanning the QR code without a tap.' },
  { key: 'cortanaWakewordEnabled', name: 'CortanaWakewordEnabled', kind: 'boolean', revisions: R2, defaults: { R2: false }, label: 'Cortana wake word', help: 'Listen for "Hey Cortana" where the service and the microphone support it.' },
  { key: 'dualScreenMode', name: 'DualScreenMode', kind: 'boolean', revisions: ALL, label: 'Dual screen mode', help: 'Two front-of-room displays; otherwise one.' },
  { key: 'duplicateIngestDefault', name: 'DuplicateIngestDefault', kind: 'boolean', revisions: R2_R3, label: 'Content on both screens', help: 'Out of a meeting, show shared content on both displays (dual screen mode).' },
  { key: 'disableTeamsAudioSharing', name: 'DisableTeamsAudioSharing', kind: 'boolean', revisions: R2_R3, defaults: { R2: false, R3: false }, label: 'Do not share HDMI audio', help: 'Keep HDMI-ingest audio out of Teams meetings.' },
  { key: 'enableCloudIntelliframe', name: 'EnableCloudIntelliframe', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'Cloud IntelliFrame', help: 'Use Cloud IntelliFrame video for the room. Documented in the table only, not in the sample.' },
  { key: 'enableRoomCapacityNotification', name: 'EnableRoomCapacityNotification', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'Room capacity warnings', help: 'Warn people in the room when it is over capacity (needs a capacity in Exchange and a people-counting camera).' },
  { key: 'frontRowEnabled', name: 'FrontRowEnabled', kind: 'boolean', revisions: R2_R3, defaults: { R2: true, R3: true }, label: 'Front row', help: 'Offer the Front row layout.' },
  { key: 'frontRowVideoSize', name: 'FrontRowVideoSize', kind: 'string', revisions: R3, defaults: { R3: 'medium' }, allowed: { R3: [{ value: 'small', label: 'Small' }, { value: 'medium', label: 'Medium' }, { value: 'large', label: 'Large' }] }, label: 'Front row video size', help: 'How much room Front row gives remote video compared with content.' },
  { key: 'frontRowPanelDefaults', name: 'FrontRowPanelDefaults', kind: 'string', revisions: R3, pattern: { regex: /^[123],[123]$/, hint: 'left,right with 1 = hidden, 2 = meeting chat, 3 = raised hands, e.g. 3,2' }, label: 'Front row side panels', help: 'What the left and right Front row panels show: 1 hidden, 2 meeting chat, 3 raised hands.' },
  { key: 'singleFoRDefaultContentLayout', name: 'SingleFoRDefaultContentLayout', kind: 'string', revisions: R3, defaults: { R3: '1' }, allowed: { R3: [{ value: '0', label: 'Content only' }, { value: '1', label: 'Content and people' }] }, label: 'Single display content layout', help: 'Default layout for shared content on a single display.' },
  { key: 'defaultFoRExperience', name: 'DefaultFoRExperience', kind: 'number', booleanWords: R2_R3, revisions: R2_R3, defaults: { R2: 0, R3: 0 }, allowed: { R2: [{ value: 0, label: 'Gallery' }, { value: 1, label: 'Front row' }], R3: [{ value: 0, label: 'Gallery' }, { value: 1, label: 'Front row' }] }, label: 'Default meeting layout', help: 'Gallery or Front row when a meeting starts.' },
  { key: 'showMeetingChat', name: 'ShowMeetingChat', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'Meeting chat', help: 'Show meeting chat in every layout.' },
  { key: 'openMeetingChatByDefault', name: 'OpenMeetingChatByDefault', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'Open chat by default', help: 'Open the chat panel when a meeting starts in Gallery view.' },
  { key: 'enablePublicPreview', name: 'EnablePublicPreview', kind: 'boolean', revisions: R2_R3, defaults: { R2: false, R3: false }, label: 'Public preview', help: 'Give people in the room the features in public preview.' },
  { key: 'noiseSuppressionDefault', name: 'NoiseSuppressionDefault', kind: 'number', booleanWords: R2, revisions: R2_R3, defaults: { R2: 1 }, allowed: { R2: [{ value: 0, label: 'Off (device noise suppression only)' }, { value: 1, label: 'Auto' }, { value: 2, label: 'Low' }, { value: 3, label: 'High' }], R3: [{ value: 0, label: 'Off (device noise suppression only)' }, { value: 1, label: 'High' }] }, label: 'Noise suppression', help: 'How much background noise Teams removes. An early 4.9 reference made it a Boolean (true = on), a later one four levels, 4.17 two; 0 and 1 mean off and on in all of them.' },
  { key: 'roomLanguageSwitchEnabled', name: 'RoomLanguageSwitchEnabled', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'Console language switch', help: 'Let people change the console language.' },

  { key: 'sendLogs', name: 'SendLogs', kind: 'container', revisions: ALL, label: 'Logs and feedback', help: 'Where feedback from the room goes.' },
  { key: 'sendLogs.emailAddressForLogsAndFeedback', name: 'EmailAddressForLogsAndFeedback', parent: 'sendLogs', kind: 'string', revisions: ALL, label: 'Feedback email address', help: 'Mailbox that receives feedback (and logs) sent from the room.' },
  { key: 'sendLogs.sendLogsAndFeedback', name: 'SendLogsAndFeedback', parent: 'sendLogs', kind: 'boolean', revisions: ALL, label: 'Send logs with feedback', help: 'Attach logs to feedback; otherwise only the feedback is sent.' },
  { key: 'sendFeedbackToPMP', name: 'SendFeedbackToPMP', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'Feedback to Pro Management portal', help: 'Each problem report creates an event in the Teams Rooms Pro Management portal (Pro licence).' },

  { key: 'devices', name: 'Devices', kind: 'container', revisions: ALL, label: 'Peripherals', help: 'Device names as Device Manager shows them; a device need not be connected yet.' },
  { key: 'devices.microphoneForCommunication', name: 'MicrophoneForCommunication', parent: 'devices', kind: 'string', revisions: ALL, label: 'Conference microphone', help: 'Microphone used in meetings.' },
  { key: 'devices.speakerForCommunication', name: 'SpeakerForCommunication', parent: 'devices', kind: 'string', revisions: ALL, label: 'Conference speaker', help: 'Speaker used in meetings.' },
  { key: 'devices.defaultSpeaker', name: 'DefaultSpeaker', parent: 'devices', kind: 'string', revisions: ALL, label: 'Default speaker', help: 'Speaker that plays HDMI-ingest audio.' },
  { key: 'devices.contentCameraId', name: 'ContentCameraId', parent: 'devices', kind: 'string', revisions: R2_R3, label: 'Content camera', help: 'USB device instance path of the whiteboard camera (Device Manager, Details, Device instance path).' },
  { key: 'devices.contentCameraEnhancement', name: 'ContentCameraEnhancement', parent: 'devices', kind: 'boolean', revisions: R2_R3, defaults: { R2: true, R3: true }, label: 'Enhance content camera', help: 'Find the whiteboard, sharpen ink and make the writer transparent; off sends the raw picture.' },
  { key: 'devices.contentCameraInverted', name: 'ContentCameraInverted', parent: 'devices', kind: 'boolean', revisions: R2_R3, label: 'Content camera upside down', help: 'The camera is mounted upside down (leave off for cameras that rotate by themselves).' },

  { key: 'theming', name: 'Theming', kind: 'container', revisions: ALL, label: 'Theme', help: 'Home screen theme or custom background.' },
  { key: 'theming.themeName', name: 'ThemeName', parent: 'theming', kind: 'string', revisions: ALL, nonEmpty: true, openList: true, defaults: { R3: 'Vivid Flag Default' }, allowed: { R1: themeValues(PRESET_THEMES), R2: themeValues(PRESET_THEMES), R3: themeValues([...R3_ADDED_THEMES, ...PRESET_THEMES]) }, label: 'Theme', help: 'A preset, Custom (your own image, set only through this file) or No Theme.' },
  { key: 'theming.customBackgroundMainFoRDisplay', name: 'CustomBackgroundMainFoRDisplay', parent: 'theming', kind: 'string', revisions: R3, label: 'Main display background', help: 'File name of the main (right) display background in the app folder; needed for a Custom theme on 4.17+ with a Pro licence.' },
  { key: 'theming.customBackgroundExtendedFoRDisplay', name: 'CustomBackgroundExtendedFoRDisplay', parent: 'theming', kind: 'string', revisions: R3, label: 'Extended display background', help: 'File name of the extended (left) display background; needed for a Custom theme in dual screen mode.' },
  { key: 'theming.customBackgroundConsole', name: 'CustomBackgroundConsole', parent: 'theming', kind: 'string', revisions: R3, label: 'Console background', help: 'File name of the touch console background (optional).' },
  { key: 'theming.customThemeImageUrl', name: 'CustomThemeImageUrl', parent: 'theming', kind: 'string', revisions: ALL, label: 'Custom theme image', help: 'File name (no folder) of a 3840×1080 jpg, png or bmp placed next to the file. From 4.17 only for Basic licences.' },
  { key: 'theming.customThemeColor', name: 'CustomThemeColor', parent: 'theming', kind: 'container', revisions: R1_R2, label: 'Custom theme colour', help: 'Required with a Custom theme before 4.17 (4.9+ ignores the colour itself).' },
  { key: 'theming.customThemeColor.redComponent', name: 'RedComponent', parent: 'theming.customThemeColor', kind: 'number', revisions: R1_R2, range: BYTE, label: 'Red', help: 'Red component, 0–255.' },
  { key: 'theming.customThemeColor.greenComponent', name: 'GreenComponent', parent: 'theming.customThemeColor', kind: 'number', revisions: R1_R2, range: BYTE, label: 'Green', help: 'Green component, 0–255.' },
  { key: 'theming.customThemeColor.blueComponent', name: 'BlueComponent', parent: 'theming.customThemeColor', kind: 'number', revisions: R1_R2, range: BYTE, label: 'Blue', help: 'Blue component, 0–255.' },

  { key: 'teamsRoomsNewExperience', name: 'TeamsRoomsNewExperience', kind: 'boolean', revisions: R3, defaults: { R3: true }, label: 'Refreshed home screen', help: 'The home screen design introduced with 4.17.' },
  { key: 'removeFoRCalendar', name: 'RemoveFoRCalendar', kind: 'boolean', revisions: R3, defaults: { R3: false }, label: 'Hide calendar on displays', help: 'Remove the calendar from the front-of-room displays.' },

  { key: 'coordinatedMeetings', name: 'CoordinatedMeetings', kind: 'container', revisions: R2_R3, label: 'Coordinated meetings', help: 'Join meetings together with other Teams Rooms or Surface Hubs in the same room.' },
  { key: 'coordinatedMeetings.enabled', name: 'enabled', parent: 'coordinatedMeetings', kind: 'attribute', revisions: R2_R3, label: 'Take part in coordinated meetings', help: 'Whether this device joins coordinated meetings.' },
  { key: 'coordinatedMeetings.trustedAccounts', name: 'TrustedAccounts', parent: 'coordinatedMeetings', kind: 'string', revisions: R2_R3, label: 'Trusted accounts', help: 'Comma-separated UPNs of the Teams Rooms and Surface Hubs whose join requests this device accepts and sends.' },
  { key: 'coordinatedMeetings.settings', name: 'Settings', parent: 'coordinatedMeetings', kind: 'container', revisions: R2_R3, label: 'Coordinated meeting devices', help: 'What this device does in a coordinated meeting.' },
  { key: 'coordinatedMeetings.settings.audio', name: 'Audio', parent: 'coordinatedMeetings.settings', kind: 'container', revisions: R2_R3, label: 'Audio', help: 'Microphone in coordinated meetings.' },
  { key: 'coordinatedMeetings.settings.audio.default', name: 'default', parent: 'coordinatedMeetings.settings.audio', kind: 'attribute', revisions: R2_R3, label: 'Microphone on at start', help: 'Only one device in the room should have this on, or there will be echo.' },
  { key: 'coordinatedMeetings.settings.audio.enabled', name: 'enabled', parent: 'coordinatedMeetings.settings.audio', kind: 'attribute', revisions: R2_R3, label: 'Microphone can be switched on', help: 'Leave off where the microphone starts off, so nobody turns it on by accident.' },
  { key: 'coordinatedMeetings.settings.video', name: 'Video', parent: 'coordinatedMeetings.settings', kind: 'container', revisions: R2_R3, label: 'Video', help: 'Camera in coordinated meetings.' },
  { key: 'coordinatedMeetings.settings.video.default', name: 'default', parent: 'coordinatedMeetings.settings.video', kind: 'attribute', revisions: R2_R3, label: 'Camera on at start', help: 'Best on the Teams Rooms device only.' },
  { key: 'coordinatedMeetings.settings.video.enabled', name: 'enabled', parent: 'coordinatedMeetings.settings.video', kind: 'attribute', revisions: R2_R3, label: 'Camera can be switched on', help: 'Allow people to turn this camera on during the meeting.' },
  { key: 'coordinatedMeetings.settings.whiteboard', name: 'Whiteboard', parent: 'coordinatedMeetings.settings', kind: 'container', revisions: R2_R3, label: 'Whiteboard', help: 'Whiteboard in coordinated meetings.' },
  { key: 'coordinatedMeetings.settings.whiteboard.default', name: 'default', parent: 'coordinatedMeetings.settings.whiteboard', kind: 'attribute', revisions: R2_R3, label: 'Whiteboard on at start', help: 'Best off on Teams Rooms; use the Surface Hub whiteboard.' },
  { key: 'coordinatedMeetings.settings.whiteboard.enabled', name: 'enabled', parent: 'coordinatedMeetings.settings.whiteboard', kind: 'attribute', revisions: R2_R3, label: 'Whiteboard can be switched on', help: 'Allow people to turn the whiteboard on during the meeting.' },

  { key: 'enableResolutionAndScalingSetting', name: 'EnableResolutionAndScalingSetting', kind: 'boolean', revisions: R2_R3, defaults: { R2: false, R3: false }, label: 'Apply display resolution and scaling', help: 'Must be on for the two display sections below to take effect.' },
  { key: 'mainFoRDisplay', name: 'MainFoRDisplay', kind: 'container', revisions: R2_R3, label: 'Main display', help: 'The single display, or the right-hand one in dual mode. Give resolution and scaling together.' },
  { key: 'mainFoRDisplay.mainFoRDisplayResolution', name: 'MainFoRDisplayResolution', parent: 'mainFoRDisplay', kind: 'string', revisions: R2_R3, pattern: RESOLUTION, label: 'Main display resolution', help: 'width,height, e.g. 1920,1080; ignored when the display cannot do it.' },
  { key: 'mainFoRDisplay.mainFoRDisplayScaling', name: 'MainFoRDisplayScaling', parent: 'mainFoRDisplay', kind: 'number', revisions: R2_R3, allowed: { R2: R2_SCALING, R3: R3_SCALING }, label: 'Main display scaling', help: 'Scaling in percent (100 recommended); capped at what the display supports.' },
  { key: 'extendedFoRDisplay', name: 'ExtendedFoRDisplay', kind: 'container', revisions: R2_R3, label: 'Extended display', help: 'The left-hand display in dual mode; ignored with one display. Give resolution and scaling together.' },
  { key: 'extendedFoRDisplay.extendedFoRDisplayResolution', name: 'ExtendedFoRDisplayResolution', parent: 'extendedFoRDisplay', kind: 'string', revisions: R2_R3, pattern: RESOLUTION, label: 'Extended display resolution', help: 'width,height, e.g. 1920,1080; ignored when the display cannot do it.' },
  { key: 'extendedFoRDisplay.extendedFoRDisplayScaling', name: 'ExtendedFoRDisplayScaling', parent: 'extendedFoRDisplay', kind: 'number', revisions: R2_R3, allowed: { R2: R2_SCALING, R3: R3_SCALING }, label: 'Extended display scaling', help: 'Scaling in percent (100 recommended); capped at what the display supports.' },
  { key: 'enableDeviceEndToEndEncryption', name: 'EnableDeviceEndToEndEncryption', kind: 'boolean', revisions: R3, defaults: { R3: false }, label: 'End-to-end encryption', help: 'End-to-end encryption for one-to-one Teams calls (both ends must have it on).' },
  { key: 'splitVideoLayoutsDisabled', name: 'SplitVideoLayoutsDisabled', kind: 'boolean', revisions: R3, defaults: { R3: false }, label: 'Do not split video across displays', help: 'Dual display only: keep the video gallery on one display; this also turns off Front row.' },
] as const satisfies readonly ElementRow[];

type Row = (typeof SKYPE_SETTINGS_ELEMENTS)[number];
type ValueRow = Exclude<Row, { kind: 'container' }>;
type ValueOfKind<K extends ElementKind> = K extends 'boolean' | 'attribute' ? boolean : K extends 'number' ? number : string;

/** Key of a setting that holds a value (an element's text or an attribute). */
export type SettingKey = ValueRow['key'];
/** Key of a container element. */
export type ContainerKey = Extract<Row, { kind: 'container' }>['key'];
export type ElementKey = SettingKey | ContainerKey;

/**
 * The console configuration, flat: one optional entry per setting, keyed by its era-neutral key.
 * Absent = not in the file (the device keeps its value). Plain JSON data.
 */
export type SkypeSettings = { -readonly [R in ValueRow as R['key']]?: ValueOfKind<R['kind']> };
export type SettingValue<K extends SettingKey> = NonNullable<SkypeSettings[K]>;
