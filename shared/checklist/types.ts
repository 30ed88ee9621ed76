// The shapes of a console checklist: the item table's rows (definitions, evaluated per room) and
// the plain JSON-serialisable result that the UI, reports and the Markdown renderer consume.
import type { ConsoleEra } from '../console-era.ts';
import type { ResolvedRoom, Site } from '../model.ts';
import type { MeetingMode, Topology, TopologyId } from '../topology.ts';
import type { ChecklistSectionId } from './sections.ts';

/** do: an action; type: enter the listed values; check: verify something; command: run the command. */
export type ChecklistItemKind = 'do' | 'type' | 'check' | 'command';

/**
 * verbatim: typed exactly as shown (the default). description: says what to enter without being
 * the text itself (a secret such as the room password). blank: a line to fill in on paper.
 */
export type ValuePresentation = 'verbatim' | 'description' | 'blank';

export interface ChecklistValue {
  label: string;
  value: string;
  presentation?: ValuePresentation;
}

export interface ChecklistItem {
  id: string;
  kind: ChecklistItemKind;
  text: string;
  values: ChecklistValue[];
  /** Windows PowerShell, run elevated on the console. */
  command?: string;
  /** What breaks when the item is skipped. */
  why?: string;
  /** The documentation page the item comes from (mtr-facts.md notation). */
  source?: string;
}

export interface ChecklistSection {
  id: ChecklistSectionId;
  title: string;
  items: ChecklistItem[];
}

export interface ConsoleChecklist {
  title: string;
  site: string;
  room: {
    displayName: string;
    upn: string;
    building?: string;
    floor?: string;
    meetingMode: MeetingMode;
    meetingModeLabel: string;
  };
  topology: { id: TopologyId; label: string; warning?: string };
  era: { id: ConsoleEra; label: string };
  /** Says that the password is handed over separately; the password itself is never part of a checklist. */
  passwordNotice: string;
  /** Only when the caller passes one, so the same input always gives the same output. */
  generatedAt?: string;
  sections: ChecklistSection[];
}

/** How the installer signs a Teams Rooms 4.17+ console in; both routes are listed when unset. */
export type TeamsSignIn = 'one-time-password' | 'manual';

export interface ChecklistOptions {
  /** Printed in the header; absent means no timestamp at all. */
  generatedAt?: string;
  /** The room's generated SkypeSettings.xml as named in its package. Default: SkypeSettings.xml. */
  skypeSettingsFile?: string;
  /** DNS name of the Active Directory domain when it differs from the UPN's domain; also turns on domain join. */
  adDomain?: string;
  /** Windows computer name to give the console while joining the domain (Add-Computer -NewName). */
  computerName?: string;
  /** The web proxy the console must use (unauthenticated only). */
  proxy?: { server: string } | { autoConfigUrl: string };
  /** The proxy inspects TLS with certificates from an internal CA. */
  proxyUsesInternalCa?: boolean;
  /** The tenant is in GCC (Government Community Cloud). */
  gcc?: boolean;
  signIn?: TeamsSignIn;
  /** Peripheral names as the console lists them (Device Manager names). */
  peripherals?: { microphone?: string; speaker?: string; defaultSpeaker?: string };
  /** Log Analytics workspace ID for SRS v2 monitoring; its key is a secret and is never printed. */
  logAnalyticsWorkspaceId?: string;
}

/** Everything an item may depend on. */
export interface ChecklistContext {
  readonly room: ResolvedRoom;
  readonly site: Site;
  readonly topology: Topology;
  readonly era: ConsoleEra;
  readonly options: ChecklistOptions;
}

/** A fixed value, or one chosen from the room, site, era or options. */
export type Derived<T> = T | ((context: ChecklistContext) => T);

/** One row of the checklist table. */
export interface ChecklistItemDefinition {
  readonly id: string;
  readonly section: ChecklistSectionId;
  readonly kind: ChecklistItemKind;
  /** Room-supplied values belong in `values` or `command`, where they are shown verbatim. */
  readonly text: Derived<string>;
  /** The console eras the item applies to; all when omitted. */
  readonly eras?: readonly ConsoleEra[];
  /** Any further condition (topology, meeting mode, options); applies when omitted. */
  readonly when?: (context: ChecklistContext) => boolean;
  readonly why?: Derived<string | undefined>;
  readonly source?: Derived<string>;
  readonly values?: (context: ChecklistContext) => ChecklistValue[];
  /** Values enter a command only through shared/powershell/literal.ts. */
  readonly command?: (context: ChecklistContext) => string;
}
