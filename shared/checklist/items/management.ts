// Management enrolment per era (mtr-facts.md §4.9; peers.md §2): Azure Monitor / Log Analytics for
// SRS v2 consoles, the Teams Rooms Pro Management portal and the Teams admin center afterwards.
import { hasProManagement, TEAMS_ERAS } from '../context.ts';
import { HEARTBEAT_QUERY, MONITORING_AGENT_URL, SOURCES, SRS_EVENT_LOG } from '../facts.ts';
import type { ChecklistItemDefinition } from '../types.ts';
import { described, verbatim, verbatimOr } from '../values.ts';

export const MANAGEMENT_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'management.log-analytics-workspace',
    section: 'management',
    kind: 'check',
    eras: ['srs-v2'],
    text: 'The admin has a Log Analytics workspace that collects the Windows event log below (Error, Warning and Information).',
    values: () => [verbatim('Event log', SRS_EVENT_LOG)],
    source: SOURCES.withOms,
  },
  {
    id: 'management.monitoring-agent',
    section: 'management',
    kind: 'type',
    eras: ['srs-v2'],
    text: 'In Admin mode, install the Microsoft Monitoring Agent (x64) with the workspace ID and primary key, restart the console and check that the app starts.',
    values: (context) => [
      verbatim('Download', MONITORING_AGENT_URL),
      verbatimOr('Workspace ID', context.options.logAnalyticsWorkspaceId, 'the workspace ID from the admin'),
      described('Primary key', 'the workspace primary key (from the secure handoff; never printed here)'),
    ],
    source: SOURCES.withOms,
  },
  {
    id: 'management.heartbeat',
    section: 'management',
    kind: 'check',
    eras: ['srs-v2'],
    text: "The admin sees this console's heartbeat events in the workspace.",
    values: () => [verbatim('Query', HEARTBEAT_QUERY)],
    why: 'An agent rolled out by Group Policy configures itself only on the second restart, so heartbeats can start late.',
    source: SOURCES.withOms,
  },
  {
    id: 'management.pro-portal',
    section: 'management',
    kind: 'check',
    eras: TEAMS_ERAS,
    when: hasProManagement,
    text: 'The room appears in the Teams Rooms Pro Management portal under Planning › Inventory (a new room can take up to 48 hours; an on-demand sync takes about 15 minutes).',
    source: SOURCES.inventory,
  },
  {
    id: 'management.no-pro-portal',
    section: 'management',
    kind: 'check',
    eras: TEAMS_ERAS,
    when: (context) => !hasProManagement(context),
    text: "The Teams Rooms Pro Management portal is not available for this room (its cloud or its Basic licence): the admin manages it from the Teams admin center.",
    source: SOURCES.proManagement,
  },
  {
    id: 'management.teams-admin-center',
    section: 'management',
    kind: 'check',
    eras: TEAMS_ERAS,
    text: "The console appears in the Teams admin center under Teams Rooms on Windows, and its License column shows the room's licence.",
    values: (context) => (context.room.license ? [verbatim('Licence', context.room.license)] : []),
    source: SOURCES.licenseCheck,
  },
];
