// Calendar processing of a new mailbox, as Get-CalendarProcessing shows it in Exchange Online.
// Defaults from the Set-CalendarProcessing reference (MicrosoftDocs/office-docs-powershell) and a
// real export of a mailbox's settings (Microsoft365DSC EXOCalendarProcessing example): a new room
// accepts automatically but deletes the body and subject and prefixes the organiser, which is what
// RoomReady's calendar step corrects.

export type CalendarValueType = 'boolean' | 'int' | 'string' | 'strings' | 'enum';

export interface CalendarSetting {
  type: CalendarValueType;
  /** For enums: the accepted names, in the case Exchange prints them. */
  values?: readonly string[];
}

/** Every Set-CalendarProcessing parameter the simulator keeps, in Get-CalendarProcessing order. */
export const CALENDAR_SETTINGS: Readonly<Record<string, CalendarSetting>> = {
  AutomateProcessing: { type: 'enum', values: ['None', 'AutoUpdate', 'AutoAccept'] },
  AllowConflicts: { type: 'boolean' },
  AllowDistributionGroup: { type: 'boolean' },
  AllowMultipleResources: { type: 'boolean' },
  BookingType: { type: 'enum', values: ['Standard', 'Reserved'] },
  BookingWindowInDays: { type: 'int' },
  MaximumDurationInMinutes: { type: 'int' },
  MinimumDurationInMinutes: { type: 'int' },
  AllowRecurringMeetings: { type: 'boolean' },
  EnforceAdjacencyAsOverlap: { type: 'boolean' },
  EnforceCapacity: { type: 'boolean' },
  EnforceSchedulingHorizon: { type: 'boolean' },
  ScheduleOnlyDuringWorkHours: { type: 'boolean' },
  ConflictPercentageAllowed: { type: 'int' },
  MaximumConflictInstances: { type: 'int' },
  ForwardRequestsToDelegates: { type: 'boolean' },
  DeleteAttachments: { type: 'boolean' },
  DeleteComments: { type: 'boolean' },
  RemovePrivateProperty: { type: 'boolean' },
  DeleteSubject: { type: 'boolean' },
  AddOrganizerToSubject: { type: 'boolean' },
  DeleteNonCalendarItems: { type: 'boolean' },
  TentativePendingApproval: { type: 'boolean' },
  EnableResponseDetails: { type: 'boolean' },
  OrganizerInfo: { type: 'boolean' },
  ResourceDelegates: { type: 'strings' },
  RequestOutOfPolicy: { type: 'strings' },
  AllRequestOutOfPolicy: { type: 'boolean' },
  BookInPolicy: { type: 'strings' },
  AllBookInPolicy: { type: 'boolean' },
  RequestInPolicy: { type: 'strings' },
  AllRequestInPolicy: { type: 'boolean' },
  AddAdditionalResponse: { type: 'boolean' },
  AdditionalResponse: { type: 'string' },
  RemoveOldMeetingMessages: { type: 'boolean' },
  AddNewRequestsTentatively: { type: 'boolean' },
  ProcessExternalMeetingMessages: { type: 'boolean' },
  RemoveForwardedMeetingNotifications: { type: 'boolean' },
  RemoveCanceledMeetings: { type: 'boolean' },
  EnableAutoRelease: { type: 'boolean' },
  PostReservationMaxClaimTimeInMinutes: { type: 'int' },
};

export type CalendarValue = boolean | number | string | string[] | null;
export type CalendarProcessing = Record<string, CalendarValue>;

export function defaultCalendarProcessing(resource: boolean): CalendarProcessing {
  return {
    AutomateProcessing: resource ? 'AutoAccept' : 'AutoUpdate',
    AllowConflicts: false,
    AllowDistributionGroup: true,
    AllowMultipleResources: true,
    BookingType: 'Standard',
    BookingWindowInDays: 180,
    MaximumDurationInMinutes: 1440,
    MinimumDurationInMinutes: 0,
    AllowRecurringMeetings: true,
    EnforceAdjacencyAsOverlap: false,
    EnforceCapacity: false,
    EnforceSchedulingHorizon: true,
    ScheduleOnlyDuringWorkHours: false,
    ConflictPercentageAllowed: 0,
    MaximumConflictInstances: 0,
    ForwardRequestsToDelegates: true,
    DeleteAttachments: true,
    DeleteComments: true,
    RemovePrivateProperty: true,
    DeleteSubject: true,
    AddOrganizerToSubject: true,
    DeleteNonCalendarItems: true,
    TentativePendingApproval: true,
    EnableResponseDetails: true,
    OrganizerInfo: true,
    ResourceDelegates: [],
    RequestOutOfPolicy: [],
    AllRequestOutOfPolicy: false,
    BookInPolicy: [],
    AllBookInPolicy: true,
    RequestInPolicy: [],
    AllRequestInPolicy: false,
    AddAdditionalResponse: false,
    AdditionalResponse: null,
    RemoveOldMeetingMessages: true,
    AddNewRequestsTentatively: true,
    ProcessExternalMeetingMessages: false,
    RemoveForwardedMeetingNotifications: false,
    RemoveCanceledMeetings: false,
    EnableAutoRelease: false,
    PostReservationMaxClaimTimeInMinutes: 10,
  };
}
