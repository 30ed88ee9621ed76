// The topology stage: the site's topology and cloud, the room's own details against the model's
// rules (checkRoom), and whether the room has the password its plan needs.
import { CLOUDS } from '../clouds.ts';
import type { ChecklistItemView } from '../ipc.ts';
import { checkRoom, type Finding, type Room, type Site } from '../model.ts';
import { stepNeedsPassword, type Step } from '../plan/types.ts';
import { MEETING_MODE_LABELS, TOPOLOGIES, type Topology } from '../topology.ts';

const EXCHANGE_WORDS: Record<Topology['exchange'], string> = { online: 'Exchange Online', server: 'Exchange Server' };
const MEETING_WORDS: Record<Topology['meetings'], string> = {
  teams: 'Microsoft Teams',
  'sfb-online': 'Skype for Business Online (now Teams)',
  'sfb-server': 'Skype for Business Server',
};

function systemsOf(topology: Topology): string {
  const directory = topology.onPremisesDirectory ? 'Active Directory (synchronised where the mailbox is online)' : 'Microsoft Entra ID';
  return `Mailbox in ${EXCHANGE_WORDS[topology.exchange]}; meetings on ${MEETING_WORDS[topology.meetings]}; account in ${directory}; default meeting mode ${MEETING_MODE_LABELS[topology.defaultMeetingMode]}.`;
}

function findingItems(findings: readonly Finding[]): ChecklistItemView[] {
  const grouped = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.severity}:${finding.field}`;
    grouped.set(key, [...(grouped.get(key) ?? []), finding]);
  }
  return [...grouped.entries()].map(([key, group]) => {
    const { severity, field } = group[0]!;
    return {
      id: `topology:${key}`,
      title: `Room field ${field}`,
      state: severity === 'error' ? 'failed' : 'warning',
      detail: group.map((finding) => `${field} ${finding.message}`).join(' '),
      remediation: { text: `Edit the room's ${field}${severity === 'error' ? ': nothing can be provisioned until it is fixed' : ''}.` },
      manual: false,
    };
  });
}

function passwordItem(steps: readonly Step[], hasPassword: boolean): ChecklistItemView {
  const base = { id: 'topology:password', title: 'Room password', manual: false };
  const needing = steps.filter(stepNeedsPassword).map((step) => step.id);
  if (needing.length === 0) return { ...base, state: 'passed', detail: "None of this room's steps sets a password." };
  if (hasPassword) return { ...base, state: 'passed', detail: `A password is set and kept encrypted; ${needing.join(', ')} will use it.` };
  return {
    ...base,
    state: 'pending',
    detail: `No password yet: ${needing.join(', ')} ${needing.length === 1 ? 'sets' : 'set'} one.`,
    remediation: { text: 'Set a password for the room, or generate one; RoomReady keeps it encrypted and never shows it again.' },
  };
}

export function topologyItems(site: Site, room: Room, steps: readonly Step[], hasPassword: boolean): ChecklistItemView[] {
  const topology = TOPOLOGIES[site.topology];
  const cloud = CLOUDS[site.cloud];
  const items: ChecklistItemView[] = [
    { id: 'topology:topology', title: `Topology: ${topology.label}`, state: 'passed', detail: `${topology.summary} ${systemsOf(topology)}`, manual: false },
  ];
  if (topology.warning) items.push({ id: 'topology:topology-warning', title: 'Topology notice', state: 'warning', detail: topology.warning, manual: false });
  items.push({
    id: 'topology:cloud',
    title: `Cloud: ${cloud.label}`,
    state: 'passed',
    detail: cloud.simulated ? 'Practice: the simulated tenant answers; nothing real changes.' : `Signs in at ${cloud.authorityHost}.`,
    manual: false,
  });
  const findings = findingItems(checkRoom(room, site));
  if (findings.length > 0) items.push(...findings);
  else items.push({ id: 'topology:room', title: "Room details", state: 'passed', detail: "The room's details pass every rule of the model.", manual: false });
  items.push(passwordItem(steps, hasPassword));
  return items;
}
