// Calendar processing: one check per value the console depends on. The expected values and the
// reason each matters come from the plan's table (plan/calendar.ts); the fix is the plan's own
// Set-CalendarProcessing call, narrowed to the one parameter.
import { CALENDAR_PROCESSING } from '../plan/calendar.ts';
import { matches } from '../plan/compare.ts';
import { PORTAL, ensureStep, propertyFix, verifyWithStep } from './remediation.ts';
import type { CheckDefinition, CheckId, CheckSeverity } from './types.ts';
import { ALL_TOPOLOGIES, NO_MAILBOX, describe, fail, pass, unknown } from './verdict.ts';

interface CalendarCheck {
  id: Extract<CheckId, `calendar.${string}`>;
  parameter: string;
  title: string;
  severity: CheckSeverity;
  breaks: string;
  portal: string;
}

const CALENDAR_CHECKS: readonly CalendarCheck[] = [
  {
    id: 'calendar.auto-accept',
    parameter: 'AutomateProcessing',
    title: 'Room accepts invitations automatically',
    severity: 'fail',
    breaks: 'Invitations stay unanswered or tentative instead of being booked: meetings do not appear on the console.',
    portal: PORTAL.bookingOptions,
  },
  {
    id: 'calendar.keep-comments',
    parameter: 'DeleteComments',
    title: 'Meeting body kept',
    severity: 'fail',
    breaks: 'Exchange strips the meeting body, which carries the join link: the console shows no Join button.',
    portal: PORTAL.exchangePowerShellOnly,
  },
  {
    id: 'calendar.keep-subject',
    parameter: 'DeleteSubject',
    title: 'Meeting subject kept',
    severity: 'fail',
    breaks: 'Exchange deletes the subject: the console lists meetings without their titles.',
    portal: PORTAL.exchangePowerShellOnly,
  },
  {
    id: 'calendar.keep-private',
    parameter: 'RemovePrivateProperty',
    title: 'Private flag kept',
    severity: 'warn',
    breaks: 'Private meetings lose their private flag: the console shows their details to everyone in the room.',
    portal: PORTAL.exchangePowerShellOnly,
  },
  {
    id: 'calendar.organizer-not-in-subject',
    parameter: 'AddOrganizerToSubject',
    title: 'Organiser not added to the subject',
    severity: 'warn',
    breaks: "Exchange puts the organiser's name in front of the subject: the console shows it instead of the meeting title.",
    portal: PORTAL.exchangePowerShellOnly,
  },
  {
    id: 'calendar.external-invites',
    parameter: 'ProcessExternalMeetingMessages',
    title: 'Invitations from outside the organisation processed',
    severity: 'warn',
    breaks: 'Invitations from outside the organisation (external Teams, Zoom, Webex) and forwarded ones are ignored: those meetings never reach the console.',
    portal: PORTAL.exchangePowerShellOnly,
  },
];

function calendarCheck({ id, parameter, title, severity, breaks, portal }: CalendarCheck): CheckDefinition {
  const setting = CALENDAR_PROCESSING.find((candidate) => candidate.parameter === parameter);
  if (!setting) throw new Error(`plan/calendar.ts has no ${parameter}`);
  return {
    id,
    title,
    category: 'calendar',
    severity,
    scope: 'room',
    topologies: ALL_TOPOLOGIES,
    reads: ['calendar'],
    breaks,
    evaluate({ read }) {
      const calendar = read('calendar');
      if (!calendar) return unknown(NO_MAILBOX);
      const actual = calendar[parameter];
      return matches(actual, setting.value)
        ? pass(`${parameter} is ${describe(actual)}`, actual, setting.value)
        : fail(`${parameter} is ${describe(actual)}; it must be ${describe(setting.value)}`, actual, setting.value);
    },
    remediation: (expected) => propertyFix(ensureStep(expected, 'exchange.calendar-processing'), parameter, portal),
    verification: (expected) => verifyWithStep(ensureStep(expected, 'exchange.calendar-processing'), portal),
  };
}

export const CALENDAR_CHECK_DEFINITIONS: readonly CheckDefinition[] = CALENDAR_CHECKS.map(calendarCheck);
