// /_simulator: the control surface, for a simulator running in another process (roomready
// simulator). JSON in, JSON out:
//   GET  /_simulator/identities            practice identities (all values are practice values)
//   GET  /_simulator/state                 the tenant snapshot
//   GET  /_simulator/stats                 counters; POST /_simulator/stats/reset zeroes them
//   GET  /_simulator/faults                latency and fault rates; POST to change them
//   POST /_simulator/device/approve        {"userCode"?, "upn"?}; POST /_simulator/device/deny {"userCode"?}
//   POST /_simulator/tenant/<operation>    arguments of a SimulatorTenant operation as a JSON array
// Arguments are validated here, since they come from outside the process.
import { z } from 'zod';
import type { PracticeIdentities, SimulatorStats, SimulatorTenant } from '../contract.ts';
import { isRecord, jsonResponse, parseJson, pathSegments, type SimRequest, type SimResponse } from '../http.ts';
import { ControlError } from './tenant-control.ts';

const nullableString = z.string().nullable();
const userChanges = {
  accountEnabled: z.boolean().optional(),
  displayName: z.string().optional(),
  passwordPolicies: nullableString.optional(),
  usageLocation: nullableString.optional(),
  password: z.string().optional(),
  forceChangePasswordNextSignIn: z.boolean().optional(),
  onPremisesSyncEnabled: z.boolean().nullable().optional(),
  licenses: z.array(z.string()).optional(),
};
const mailboxType = z.enum(['RoomMailbox', 'SharedMailbox', 'UserMailbox', 'EquipmentMailbox']);
const caState = z.enum(['enabled', 'disabled', 'enabledForReportingButNotEnforced']);
const role = z.enum(['Global Administrator', 'User Administrator', 'License Administrator', 'Exchange Administrator', 'Global Reader', 'Security Administrator', 'Security Reader', 'Conditional Access Administrator']);
const calendarValue = z.union([z.boolean(), z.number(), z.string(), z.array(z.string()), z.null()]);

/** Each operation's argument list, as a zod tuple. */
const OPERATIONS = {
  snapshot: z.tuple([]),
  createUser: z.tuple([z.strictObject({ userPrincipalName: z.string(), mailNickname: z.string().optional(), ...userChanges, displayName: z.string() })]),
  createRoom: z.tuple([
    z.strictObject({ userPrincipalName: z.string(), alias: z.string().optional(), type: mailboxType.optional(), primarySmtpAddress: z.string().optional(), capacity: z.number().int().optional(), ...userChanges, displayName: z.string() }),
  ]),
  setUser: z.tuple([z.string(), z.strictObject(userChanges)]),
  setSignIn: z.tuple([z.string(), z.strictObject({ locked: z.boolean().optional(), passwordExpired: z.boolean().optional(), perUserMfa: z.boolean().optional() })]),
  setDirectoryRoles: z.tuple([z.string(), z.array(role)]),
  addGroupMember: z.tuple([z.string(), z.string()]),
  removeGroupMember: z.tuple([z.string(), z.string()]),
  setMailbox: z.tuple([z.string(), z.strictObject({ type: mailboxType.optional(), resourceCapacity: z.number().int().nullable().optional(), displayName: z.string().optional(), primarySmtpAddress: z.string().optional() })]),
  setCalendarProcessing: z.tuple([z.string(), z.record(z.string(), calendarValue)]),
  setRegionalConfiguration: z.tuple([z.string(), z.strictObject({ TimeZone: nullableString.optional(), Language: nullableString.optional() })]),
  setPlace: z.tuple([
    z.string(),
    z.strictObject({
      Building: nullableString.optional(),
      Floor: z.number().int().nullable().optional(),
      FloorLabel: nullableString.optional(),
      Capacity: z.number().int().nullable().optional(),
      Street: nullableString.optional(),
      City: nullableString.optional(),
      State: nullableString.optional(),
      PostalCode: nullableString.optional(),
      CountryOrRegion: nullableString.optional(),
      Label: nullableString.optional(),
      Phone: nullableString.optional(),
      Tags: z.array(z.string()).optional(),
      IsWheelChairAccessible: z.boolean().optional(),
      MTREnabled: z.boolean().optional(),
    }),
  ]),
  removeRoomListMember: z.tuple([z.string(), z.string()]),
  addConditionalAccessPolicy: z.tuple([
    z.strictObject({
      displayName: z.string(),
      state: caState.optional(),
      includeUsers: z.array(z.string()).optional(),
      excludeUsers: z.array(z.string()).optional(),
      includeGroups: z.array(z.string()).optional(),
      excludeGroups: z.array(z.string()).optional(),
      includeRoles: z.array(z.string()).optional(),
      excludeRoles: z.array(z.string()).optional(),
      includeApplications: z.array(z.string()).optional(),
      excludeApplications: z.array(z.string()).optional(),
      clientAppTypes: z.array(z.string()).optional(),
      builtInControls: z.array(z.string()),
      operator: z.enum(['AND', 'OR']).optional(),
    }),
  ]),
  setConditionalAccessPolicyState: z.tuple([z.string(), caState]),
  removeConditionalAccessPolicy: z.tuple([z.string()]),
  addSku: z.tuple([z.strictObject({ skuPartNumber: z.string(), skuId: z.string(), prepaidUnits: z.number().int().min(0), tenantLimit: z.number().int().nullable().optional() })]),
  setSku: z.tuple([z.string(), z.strictObject({ prepaidUnits: z.number().int().min(0).optional(), capabilityStatus: z.enum(['Enabled', 'Warning', 'Suspended', 'Deleted', 'LockedOut']).optional() })]),
  exhaustSku: z.tuple([z.string()]),
  addDomain: z.tuple([z.string(), z.boolean()]),
  setAppPermissions: z.tuple([z.string(), z.enum(['delegated', 'application']), z.enum(['graph', 'exchange']), z.array(z.string())]),
  approveDeviceCode: z.tuple([z.string().optional(), z.string().optional()]),
  denyDeviceCode: z.tuple([z.string().optional()]),
  setInteractiveUser: z.tuple([z.string()]),
  setReplicationLag: z.tuple([z.number().min(0)]),
  flushReplication: z.tuple([]),
  setFaults: z.tuple([
    z.strictObject({
      latencyMs: z.number().min(0).optional(),
      throttleRate: z.number().min(0).max(1).optional(),
      faultRate: z.number().min(0).max(1).optional(),
      resetRate: z.number().min(0).max(1).optional(),
      retryAfterSeconds: z.number().int().min(0).optional(),
    }),
  ]),
  faults: z.tuple([]),
} satisfies Record<keyof SimulatorTenant, z.ZodType>;

export type ControlOperation = keyof typeof OPERATIONS;

export interface ControlContext {
  tenant: SimulatorTenant;
  identities: () => PracticeIdentities;
  stats: () => SimulatorStats;
  resetStats: () => void;
}

function problem(status: number, message: string): SimResponse {
  return jsonResponse(status, { error: message });
}

function invoke(context: ControlContext, operation: string, args: unknown): SimResponse {
  if (!Object.hasOwn(OPERATIONS, operation)) return problem(404, `no operation ${operation}; operations: ${Object.keys(OPERATIONS).join(', ')}`);
  const schema = OPERATIONS[operation as ControlOperation];
  const parsed = schema.safeParse(args ?? []);
  if (!parsed.success) return problem(400, `bad arguments for ${operation}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`).join('; ')}`);
  try {
    const method = context.tenant[operation as ControlOperation] as (...a: unknown[]) => unknown;
    const result = method.apply(context.tenant, parsed.data as unknown[]);
    return jsonResponse(200, { ok: true, result: result ?? null });
  } catch (error) {
    if (error instanceof ControlError) return problem(400, error.message);
    throw error;
  }
}

export function controlRoutes(context: ControlContext, request: SimRequest): SimResponse {
  const segments = pathSegments(request.path);
  const route = `${request.method} ${segments.slice(0, 2).join('/')}`;
  const body = parseJson(request.body);
  switch (route) {
    case 'GET ':
      return jsonResponse(200, { endpoints: ['GET identities', 'GET state', 'GET stats', 'POST stats/reset', 'GET faults', 'POST faults', 'POST device/approve', 'POST device/deny', 'POST tenant/<operation>'], operations: Object.keys(OPERATIONS) });
    case 'GET identities':
      return jsonResponse(200, context.identities());
    case 'GET state':
      return jsonResponse(200, context.tenant.snapshot());
    case 'GET stats':
      return jsonResponse(200, context.stats());
    case 'POST stats/reset':
      context.resetStats();
      return jsonResponse(200, { ok: true, result: context.stats() });
    case 'GET faults':
      return jsonResponse(200, context.tenant.faults());
    case 'POST faults':
      return invoke(context, 'setFaults', [body ?? {}]);
    case 'POST device/approve':
      return invoke(context, 'approveDeviceCode', isRecord(body) ? [body.userCode, body.upn] : []);
    case 'POST device/deny':
      return invoke(context, 'denyDeviceCode', isRecord(body) ? [body.userCode] : []);
    default:
      if (request.method === 'POST' && segments[0] === 'tenant' && segments.length === 2) {
        if (body !== undefined && !Array.isArray(body)) return problem(400, 'the body must be a JSON array of the operation\'s arguments');
        return invoke(context, segments[1]!, body ?? []);
      }
      return problem(404, `no control endpoint ${request.method} /_simulator/${segments.join('/')}`);
  }
}
