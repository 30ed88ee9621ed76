// What a room should look like, from its site and plan: the values the checks compare against and
// the plan's steps, whose remediation texts and cmdlet calls the checks reuse. A tenant audit has
// no site: it expects only what every Teams Rooms account needs.
import { classifyLicense } from '../licenses.ts';
import { SiteSchema, resolveRoom, type ResolvedRoom, type Room, type Site } from '../model.ts';
import { STEP_BUILDERS, type StepContext } from '../plan/steps.ts';
import type { PropertyRule, Step, StepId } from '../plan/types.ts';
import { TOPOLOGIES, type Topology, type TopologyId } from '../topology.ts';

export interface RoomExpectations {
  upn: string;
  topology: Topology;
  /** True when a site names the room; false in a tenant audit. */
  fromSite: boolean;
  usageLocation?: string;
  /** SKU part number the site asks for. */
  license?: string;
  roomList?: string;
  /** Places properties the site gives (Get-Place names), from the plan's places.metadata step. */
  placeRules: readonly PropertyRule[];
  /** The room as the plan sees it, for building plan steps. */
  context: StepContext;
}

function licensePartNumber(license: string | undefined): string | undefined {
  if (license === undefined) return undefined;
  const verdict = classifyLicense(license);
  if (verdict.kind === 'room') return verdict.license.partNumber;
  if (verdict.kind === 'unknown') return verdict.partNumber;
  return license;
}

function fromResolved(room: ResolvedRoom, site: Site, fromSite: boolean): RoomExpectations {
  const topology = TOPOLOGIES[site.topology];
  const context: StepContext = { room, site, topology };
  const places = STEP_BUILDERS['places.metadata'](context);
  const expectations: RoomExpectations = {
    upn: room.upn,
    topology,
    fromSite,
    placeRules: places?.kind === 'ensure' ? places.properties : [],
    context,
  };
  const license = licensePartNumber(room.license);
  if (room.usageLocation !== undefined) expectations.usageLocation = room.usageLocation;
  if (license !== undefined) expectations.license = license;
  if (room.roomList !== undefined) expectations.roomList = room.roomList;
  return expectations;
}

export function expectationsFor(room: Room, site: Site): RoomExpectations {
  return fromResolved(resolveRoom(room, site), site, true);
}

/** A room found in the tenant by evidence: nothing is known about it but its UPN. */
export function auditExpectations(upn: string, topology: TopologyId): RoomExpectations {
  const site = SiteSchema.parse({ name: 'Tenant audit', topology });
  return fromResolved(resolveRoom({ upn, displayName: upn }, site), site, false);
}

/** The plan's step for this room (undefined when the plan has nothing for it to do). */
export function planStep(expected: RoomExpectations, id: StepId): Step | undefined {
  return STEP_BUILDERS[id](expected.context);
}

/** The plan's step with the room's values replaced, e.g. the licence step for a SKU the site did not name. */
export function planStepWith(expected: RoomExpectations, id: StepId, room: Partial<ResolvedRoom>): Step | undefined {
  return STEP_BUILDERS[id]({ ...expected.context, room: { ...expected.context.room, ...room } });
}
