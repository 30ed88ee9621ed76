// Finding the room: room-list membership (Outlook's room finder) and Places details (building,
// floor, capacity) as the site gives them. Wrong values do not stop the console; they hide the
// room from the people booking it, so these checks warn.
import { evaluateRules } from '../plan/compare.ts';
import type { Step } from '../plan/types.ts';
import { planStep, type RoomExpectations } from './expectations.ts';
import { PORTAL, commandLine, ensureStep, runIn } from './remediation.ts';
import type { CheckDefinition, Remediation } from './types.ts';
import { ALL_TOPOLOGIES, EXCHANGE_ONLINE_TOPOLOGIES, describe, fail, pass, unknown } from './verdict.ts';

function roomListStep(expected: RoomExpectations): Extract<Step, { kind: 'room-list' }> | undefined {
  const step = planStep(expected, 'exchange.room-list');
  return step?.kind === 'room-list' ? step : undefined;
}

const exchangeRuntime = (expected: RoomExpectations) => (expected.topology.exchange === 'online' ? 'exchange-online' : 'exchange-server');

export const PLACES_ROOM_LIST: CheckDefinition = {
  id: 'places.room-list',
  title: 'In a room list',
  category: 'places',
  severity: 'warn',
  scope: 'room',
  topologies: ALL_TOPOLOGIES,
  reads: ['roomLists'],
  // Lists name their members by primary SMTP address, which may differ from the UPN (identity.upn-equals-smtp says so).
  optionalReads: ['mailbox'],
  breaks: "Outlook's room finder offers rooms by room list: a room in none (or in the wrong one) is hard to find and book.",
  evaluate({ read, tryRead, expected }) {
    const mailbox = tryRead('mailbox');
    const smtp = mailbox.state === 'read' && typeof mailbox.value?.PrimarySmtpAddress === 'string' ? mailbox.value.PrimarySmtpAddress : expected.upn;
    const addresses = new Set([expected.upn.toLowerCase(), smtp.toLowerCase()]);
    const containing = read('roomLists').filter((list) => list.members.some((member) => addresses.has(member.toLowerCase())));
    const found = containing.map((list) => list.name);
    if (expected.roomList) {
      const wanted = expected.roomList.toLowerCase();
      const inWanted = containing.some((list) => list.name.toLowerCase() === wanted || list.primarySmtpAddress.toLowerCase() === wanted);
      return inWanted
        ? pass(`The room is in the room list ${expected.roomList}`, found, expected.roomList)
        : fail(found.length === 0 ? 'The room is in no room list' : `The room is in ${found.join(', ')}, not in ${expected.roomList}`, found, expected.roomList);
    }
    return found.length > 0 ? pass(`The room is in ${found.join(', ')}`, found, 'a room list') : fail('The room is in no room list', found, 'a room list');
  },
  remediation(expected) {
    const step = roomListStep(expected);
    if (!step) return { text: 'Add the room to the room list of its building (New-DistributionGroup -RoomList creates one).', runIn: runIn(exchangeRuntime(expected)), portal: PORTAL.roomLists };
    return {
      text: step.remediation,
      runIn: runIn(step.runtime),
      powershell: commandLine({ cmdlet: 'Add-DistributionGroupMember', parameters: { Identity: step.list, Member: step.member } }),
      portal: PORTAL.roomLists,
    };
  },
  verification(expected) {
    const step = roomListStep(expected);
    return {
      text: step?.verification ?? 'List the room lists and their members.',
      runIn: runIn(exchangeRuntime(expected)),
      powershell: commandLine({ cmdlet: 'Get-DistributionGroup', parameters: { RecipientTypeDetails: 'RoomList', ResultSize: 'Unlimited' } }),
      portal: PORTAL.roomLists,
    };
  },
};

function placesFix(expected: RoomExpectations, properties: readonly string[]): Remediation {
  const step = ensureStep(expected, 'places.metadata');
  const parameters: Record<string, string | number | boolean> = {};
  for (const rule of step.properties) {
    if (rule.write && properties.includes(rule.property) && typeof rule.write.value !== 'object') parameters[rule.write.parameter] = rule.write.value;
  }
  return {
    text: step.remediation,
    runIn: runIn(step.runtime),
    powershell: commandLine({ cmdlet: step.write.cmdlet, parameters: { ...step.write.parameters, ...parameters } }),
    portal: PORTAL.places,
  };
}

export const PLACES_METADATA: CheckDefinition = {
  id: 'places.metadata',
  title: 'Places details (building, floor, capacity, address)',
  category: 'places',
  severity: 'warn',
  scope: 'room',
  topologies: EXCHANGE_ONLINE_TOPOLOGIES,
  reads: ['place'],
  breaks: 'Room finder and Places filter by building, floor and capacity, and the console\'s capacity notification needs the capacity: wrong details hide the room or mislead people.',
  appliesTo: (expected) => expected.placeRules.length > 0,
  evaluate({ read, expected }) {
    const place = read('place');
    if (!place) return unknown('Places has no entry for the room yet (new rooms can take up to 48 hours to appear)');
    const outcomes = evaluateRules(place, expected.placeRules);
    const observed = Object.fromEntries(outcomes.map(({ rule, actual }) => [rule.property, actual ?? null]));
    const wanted = Object.fromEntries(outcomes.map(({ rule }) => [rule.property, rule.expected]));
    const wrong = outcomes.filter((outcome) => !outcome.ok);
    if (wrong.length === 0) return pass(`${outcomes.map(({ rule }) => rule.property).join(', ')} as the site says`, observed, wanted);
    const detail = wrong.map(({ rule, actual }) => `${rule.property} is ${describe(actual)}, the site says ${describe(rule.expected)}`).join('; ');
    return fail(detail, observed, wanted, placesFix(expected, wrong.map(({ rule }) => rule.property)));
  },
  remediation: (expected) => placesFix(expected, expected.placeRules.map((rule) => rule.property)),
  verification(expected) {
    const step = ensureStep(expected, 'places.metadata');
    return { text: step.verification, runIn: runIn(step.runtime), powershell: commandLine(step.read), portal: PORTAL.places };
  },
};
