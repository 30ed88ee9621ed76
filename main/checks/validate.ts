// validateRooms: read a site's rooms from the tenant and check them against the site and plan.
// Read only; the report puts coverage first.
import {
  buildValidationReport,
  evaluateRoom,
  evaluateTenant,
  expectationsFor,
  readsFor,
  type DiscoverySource,
  type DiscoverySourceId,
  type RoomExpectations,
  type ValidationReport,
} from '../../shared/checks.ts';
import type { Site } from '../../shared/model.ts';
import { TOPOLOGIES, type TopologyId } from '../../shared/topology.ts';
import { collectObservations, type CollectInput, type CollectOptions } from './collect.ts';
import { readOnlyGateways, type ReadGateways } from './read-only.ts';

export interface ValidateOptions extends CollectOptions {
  /** Only these rooms of the site (by UPN); default: all. */
  upns?: readonly string[];
  now?: () => Date;
}

export interface CheckRun {
  kind: ValidationReport['kind'];
  title: string;
  topology: TopologyId;
  rooms: readonly RoomExpectations[];
  foundBy?: ReadonlyMap<string, DiscoverySourceId[]>;
  discovery?: DiscoverySource[];
  known?: CollectInput['known'];
}

/** Collects what the applicable checks read, evaluates them and builds the report. */
export async function runChecks(gateways: ReadGateways, run: CheckRun, options: ValidateOptions = {}): Promise<ValidationReport> {
  const topology = TOPOLOGIES[run.topology];
  const readOnly = readOnlyGateways(gateways);
  const collected = await collectObservations(
    readOnly,
    { upns: run.rooms.map((room) => room.upn), topology, reads: readsFor(run.rooms, topology), ...(run.known ? { known: run.known } : {}) },
    options,
  );
  return buildValidationReport({
    kind: run.kind,
    title: run.title,
    topology: run.topology,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    tenant: evaluateTenant(topology, collected.tenant),
    rooms: run.rooms.map((expected) => {
      const foundBy = run.foundBy?.get(expected.upn.toLowerCase());
      return { upn: expected.upn, results: evaluateRoom(expected, collected.room(expected.upn)), ...(foundBy ? { foundBy } : {}) };
    }),
    ...(run.discovery ? { discovery: run.discovery } : {}),
  });
}

export async function validateRooms(gateways: ReadGateways, site: Site, options: ValidateOptions = {}): Promise<ValidationReport> {
  const wanted = options.upns ? new Set(options.upns.map((upn) => upn.toLowerCase())) : undefined;
  const rooms = site.rooms.filter((room) => !wanted || wanted.has(room.upn.toLowerCase())).map((room) => expectationsFor(room, site));
  return runChecks(gateways, { kind: 'validation', title: site.name, topology: site.topology, rooms }, options);
}
