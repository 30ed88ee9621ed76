// Trusting a private CA on the console (mtr-facts.md §4.4). Only for rooms whose on-premises servers
// (or inspecting proxy) may present certificates from a private CA.
import { ADMIN_MODE_STEPS, CA_CERTIFICATE_PATH, CA_INSTALL_COMMAND, RIGEL_PROVISIONING_FOLDER, SOURCES } from '../facts.ts';
import { consoleSetupPage, joinsDomain, needsPrivateCa, privateCaIssuers } from '../context.ts';
import type { ChecklistItemDefinition } from '../types.ts';
import { verbatim } from '../values.ts';
import { listOf } from '../wording.ts';


export const CERTIFICATE_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'certificates.choose-method',
    section: 'certificates',
    kind: 'do',
    when: needsPrivateCa,
    text: (context) => {
      const scope = `Only if the certificates of ${listOf(privateCaIssuers(context), 'or')} come from a private CA: `;
      return joinsDomain(context)
        ? `${scope}either join the console to the domain (see Domain join; a CA published in Active Directory is then trusted automatically), or install the CA certificate by hand after first-run setup, as below.`
        : `${scope}install the CA certificate by hand after first-run setup, as below.`;
    },
    why: 'The console must trust the certificates of every server it connects to; public CAs are trusted already.',
    source: consoleSetupPage,
  },
  {
    id: 'certificates.save',
    section: 'certificates',
    kind: 'type',
    when: needsPrivateCa,
    text: 'Save the root CA certificate on the console under this path.',
    values: () => [verbatim('Certificate file', CA_CERTIFICATE_PATH)],
    why: `This is the folder the documentation names, although the app's own scripts live under ${RIGEL_PROVISIONING_FOLDER}; certutil reads the file from wherever it is, so keep the saved file and the path in the command the same.`,
    source: consoleSetupPage,
  },
  {
    id: 'certificates.admin-mode',
    section: 'certificates',
    kind: 'do',
    when: needsPrivateCa,
    text: `Switch the console to Admin mode: ${ADMIN_MODE_STEPS}.`,
    source: SOURCES.operations,
  },
  {
    id: 'certificates.install',
    section: 'certificates',
    kind: 'command',
    when: needsPrivateCa,
    text: 'Open an elevated prompt and add the certificate to the trusted root store.',
    command: () => CA_INSTALL_COMMAND,
    source: consoleSetupPage,
  },
  {
    id: 'certificates.proxy-chain',
    section: 'certificates',
    kind: 'do',
    when: (context) => context.options.proxyUsesInternalCa === true,
    text: "The web proxy uses an internal CA: install that CA's certificate chain the same way.",
    why: 'Otherwise every connection through the proxy fails the certificate check.',
    source: SOURCES.consoleTeams,
  },
];
