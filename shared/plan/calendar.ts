// Set-CalendarProcessing values for a room, one row each with the reason it matters (mtr-facts §1.1).
// All topologies take the same set: the SfB-era pages add AllowConflicts, the Teams-era pages add
// ProcessExternalMeetingMessages; both are right for every room, so RoomReady sets the union.
// AdditionalResponse (the text) comes from the site or topology and is added by the step.

export interface CalendarSetting {
  parameter: string;
  value: boolean | string;
  why: string;
}

export const CALENDAR_PROCESSING: readonly CalendarSetting[] = [
  { parameter: 'AutomateProcessing', value: 'AutoAccept', why: 'the room accepts when free and declines when busy' },
  { parameter: 'AddOrganizerToSubject', value: false, why: 'keep the meeting subject as the organiser wrote it' },
  { parameter: 'AllowConflicts', value: false, why: 'never double-book the room' },
  { parameter: 'DeleteComments', value: false, why: 'keep the meeting body, which carries the join link' },
  { parameter: 'DeleteSubject', value: false, why: 'keep the subject shown on the console' },
  { parameter: 'RemovePrivateProperty', value: false, why: 'keep the organiser\'s private flag' },
  { parameter: 'ProcessExternalMeetingMessages', value: true, why: 'accept invites from outside the organisation (external Teams and third-party meetings)' },
  { parameter: 'AddAdditionalResponse', value: true, why: 'append the room\'s text to its responses' },
];
