// The console's first-run screens per era, in screen order, with the exact values to enter
// (mtr-facts.md §4.3; option labels §3.7). The room password is only ever described.
import { PASSWORD_DESCRIPTION, SOURCES } from '../facts.ts';
import {
  consoleSetupPage,
  exchangeDomain,
  meetingModeLabel,
  offersBothRoutes,
  offersManualSetup,
  offersOneTimePassword,
  sipAddressDiffersFromUpn,
  sipDomainDiffersFromExchange,
  usesSfbServer,
} from '../context.ts';
import type { ChecklistContext, ChecklistItemDefinition, ChecklistValue } from '../types.ts';
import { described, verbatim, verbatimOr } from '../values.ts';

const SETUP_WIZARD_ERAS = ['srs-v2', 'teams-4.9'] as const;

const SFB_SERVER_FQDN = 'Skype for Business Server FQDN';
const poolFqdn = (context: ChecklistContext): ChecklistValue =>
  verbatimOr(SFB_SERVER_FQDN, context.room.registrarPool, 'the Skype for Business Server pool FQDN (not set for this room: ask the admin)');
const password = (): ChecklistValue[] => [described('Password', PASSWORD_DESCRIPTION), described('Confirm password', PASSWORD_DESCRIPTION)];
/** The 4.9-era Advanced section: only when SfB Server is used and its SIP domain is not the Exchange domain. */
const needsAdvancedSfbServer = (context: ChecklistContext) => usesSfbServer(context) && sipDomainDiffersFromExchange(context);

function modernAuthentication(context: ChecklistContext): ChecklistValue {
  return context.topology.meetings === 'sfb-server'
    ? described('Modern Authentication', 'On only if Skype for Business Server (and Exchange Server, if used) has hybrid modern authentication; otherwise Off')
    : verbatim('Modern Authentication', 'On');
}

function peripheral(label: string, name: string | undefined, role: string): ChecklistValue {
  return verbatimOr(label, name, `the room's ${role} (a selection is required)`);
}

export const FIRST_RUN_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'first-run.accounts-ready',
    section: 'first-run',
    kind: 'check',
    text: 'The room account exists and the admin has tested it; do not start setup before that.',
    source: consoleSetupPage,
  },
  {
    id: 'first-run.sip-matches-upn',
    section: 'first-run',
    kind: 'check',
    when: sipAddressDiffersFromUpn,
    text: "The room's SIP address differs from its UPN: ask the admin to make them match before you start.",
    values: (context) => [verbatim('SIP address', context.room.sipAddress), verbatim('UPN', context.room.upn)],
    why: 'Modern authentication on the console needs the SIP address to equal the UPN.',
    source: SOURCES.authentication,
  },
  {
    id: 'first-run.dhcp',
    section: 'first-run',
    kind: 'check',
    eras: ['srs-v2'],
    text: 'The console gets its network address from DHCP (no static address) for its first start.',
    source: SOURCES.srsPrep,
  },
  {
    id: 'first-run.certified-hardware',
    section: 'first-run',
    kind: 'check',
    eras: SETUP_WIZARD_ERAS,
    text: 'The console hardware is certified and complete; a Surface Pro must sit in its dock.',
    why: 'Setup does not continue past its first screens unless the certified console hardware is detected.',
    source: consoleSetupPage,
  },
  {
    id: 'first-run.keyboard',
    section: 'first-run',
    kind: 'do',
    eras: SETUP_WIZARD_ERAS,
    text: 'If the touch keyboard lacks symbols of your language, connect a physical keyboard for setup.',
    source: consoleSetupPage,
  },
  {
    id: 'first-run.srs.user-account',
    section: 'first-run',
    kind: 'type',
    eras: ['srs-v2'],
    text: 'On the User Account screen, enter the Skype sign-in address of the room account.',
    values: (context) => [verbatim('Skype sign-in address', context.room.upn)],
    source: SOURCES.consoleSrs,
  },
  {
    id: 'first-run.teams.user-account',
    section: 'first-run',
    kind: 'type',
    eras: ['teams-4.9'],
    text: 'On the User Account screen, enter the sign-in address of the Exchange resource account.',
    values: (context) => [verbatim('Sign-in address', context.room.upn)],
    source: SOURCES.consoleTeams,
  },
  {
    id: 'first-run.password',
    section: 'first-run',
    kind: 'type',
    eras: SETUP_WIZARD_ERAS,
    text: 'Enter the room password, then enter it again to confirm it.',
    values: password,
    source: consoleSetupPage,
  },
  {
    id: 'first-run.srs.configure-domain',
    section: 'first-run',
    kind: 'type',
    eras: ['srs-v2'],
    when: usesSfbServer,
    text: (context) =>
      sipDomainDiffersFromExchange(context)
        ? "Under Configure Domain, enter the Skype for Business Server FQDN and, because the room's SIP domain differs from its Exchange domain, the Exchange domain as well (the field takes a comma-separated list)."
        : 'Under Configure Domain, enter the Skype for Business Server FQDN.',
    values: (context) =>
      sipDomainDiffersFromExchange(context) ? [poolFqdn(context), verbatim('Exchange domain', exchangeDomain(context))] : [poolFqdn(context)],
    source: SOURCES.consoleSrs,
  },
  {
    id: 'first-run.teams.meeting-mode',
    section: 'first-run',
    kind: 'type',
    eras: ['teams-4.9'],
    text: 'Select the supported meeting mode.',
    values: (context) => [verbatim('Supported meeting mode', meetingModeLabel(context))],
    source: SOURCES.consoleTeams,
  },
  {
    id: 'first-run.teams.modern-authentication',
    section: 'first-run',
    kind: 'type',
    eras: ['teams-4.9'],
    text: 'Set Modern Authentication.',
    values: (context) => [modernAuthentication(context)],
    why: (context) =>
      context.topology.exchange === 'server'
        ? 'With it on, the console does not fall back to basic authentication; with Exchange Server that needs Exchange 2016 CU8 or 2019 CU1 or later and hybrid modern authentication.'
        : 'With it on, the console uses modern authentication only and does not fall back to basic authentication.',
    source: SOURCES.authentication,
  },
  {
    id: 'first-run.next',
    section: 'first-run',
    kind: 'do',
    eras: SETUP_WIZARD_ERAS,
    text: 'Select Next.',
    source: consoleSetupPage,
  },
  {
    id: 'first-run.srs.features',
    section: 'first-run',
    kind: 'type',
    eras: ['srs-v2'],
    text: 'On the Features screen, set the options and select a device for each of the three audio roles, then select Next.',
    values: (context) => {
      const devices = context.options.peripherals ?? {};
      return [
        verbatim('Auto Screen sharing', 'On'),
        verbatim('Hide meeting names', 'Off'),
        peripheral('Microphone for Conferencing', devices.microphone, 'conference microphone'),
        peripheral('Speaker for Conferencing', devices.speaker, 'conference speaker'),
        peripheral('Default Speaker', devices.defaultSpeaker, 'speaker for HDMI-ingest audio'),
      ];
    },
    why: 'On and Off are the documented defaults; setup does not go on until each device has a selection.',
    source: SOURCES.consoleSrs,
  },
  {
    id: 'first-run.teams.advanced-sfb-server',
    section: 'first-run',
    kind: 'type',
    eras: ['teams-4.9'],
    when: needsAdvancedSfbServer,
    text: "In the Advanced section, enter the Skype for Business Server FQDN: the room's SIP domain differs from its Exchange domain.",
    values: (context) => [poolFqdn(context)],
    source: SOURCES.consoleTeams,
  },
  {
    id: 'first-run.teams.advanced-blank',
    section: 'first-run',
    kind: 'do',
    eras: ['teams-4.9'],
    when: (context) => !needsAdvancedSfbServer(context),
    text: (context) =>
      usesSfbServer(context)
        ? 'Leave the Advanced section blank: the SIP domain matches the Exchange domain.'
        : 'Leave the Advanced section blank: this room does not use Skype for Business Server.',
    source: SOURCES.consoleTeams,
  },
  {
    id: 'first-run.teams.next-after-advanced',
    section: 'first-run',
    kind: 'do',
    eras: ['teams-4.9'],
    text: 'Select Next.',
    source: SOURCES.consoleTeams,
  },
  {
    id: 'first-run.finish',
    section: 'first-run',
    kind: 'do',
    eras: SETUP_WIZARD_ERAS,
    text: "Select Finish. The app signs in with these credentials and starts syncing the room's calendar from Exchange.",
    source: consoleSetupPage,
  },
  {
    id: 'first-run.current.get-started',
    section: 'first-run',
    kind: 'do',
    eras: ['teams-4.17'],
    text: 'On the Welcome page, select Get started.',
    source: SOURCES.firstTimeSetup,
  },
  {
    id: 'first-run.current.device-verification',
    section: 'first-run',
    kind: 'check',
    eras: ['teams-4.17'],
    text: "If a page says the device verification information couldn't be found: insert the HDMI ingest module that came with the device, or contact the admin.",
    source: SOURCES.firstTimeSetup,
  },
  {
    id: 'first-run.current.eula',
    section: 'first-run',
    kind: 'do',
    eras: ['teams-4.17'],
    text: 'On the End user agreement page, select Accept.',
    source: SOURCES.firstTimeSetup,
  },
  {
    id: 'first-run.current.one-time-password',
    section: 'first-run',
    kind: 'type',
    eras: ['teams-4.17'],
    when: offersOneTimePassword,
    text: (context) =>
      `${offersBothRoutes(context) ? 'With a one-time password: on' : 'On'} the Set up Microsoft Teams Room account page, enter the one-time password and select Continue. The page says whether it was approved automatically or waits for the admin's approval.`,
    values: () => [described('One-time password', 'the one-time password the admin generated in the Teams Rooms Pro Management portal (never printed here)')],
    source: SOURCES.firstTimeSetup,
  },
  {
    id: 'first-run.current.manual-setup',
    section: 'first-run',
    kind: 'do',
    eras: ['teams-4.17'],
    when: offersManualSetup,
    text: (context) =>
      `${offersBothRoutes(context) ? 'Without a one-time password: on' : 'On'} the Set up Microsoft Teams Room account page, select Manual setup.`,
    source: SOURCES.firstTimeSetup,
  },
  {
    id: 'first-run.current.account-setup',
    section: 'first-run',
    kind: 'type',
    eras: ['teams-4.17'],
    when: offersManualSetup,
    text: (context) => `${offersBothRoutes(context) ? 'Manual setup: on' : 'On'} the Account setup page, enter Email and Password, then select Finish.`,
    values: (context) => [verbatim('Email', context.room.upn), described('Password', PASSWORD_DESCRIPTION)],
    source: SOURCES.firstTimeSetup,
  },
  {
    id: 'first-run.current.signed-in',
    section: 'first-run',
    kind: 'check',
    eras: ['teams-4.17'],
    text: 'The console shows that it was set up and signed in.',
    source: SOURCES.firstTimeSetup,
  },
];
