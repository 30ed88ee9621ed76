// Licences: usage location first, a Teams Rooms SKU, no user suite, and Basic within its tenant
// limit. SKU facts come from shared/licenses.ts; assigned skuIds are named through the tenant's
// subscribedSkus, since a skuId is only meaningful with the tenant's own list (mtr-facts §2).
import { BASIC_LICENSE_TENANT_LIMIT, ROOM_LICENSES, classifyLicense, findRoomLicense, type RoomLicense } from '../licenses.ts';
import { matches } from '../plan/compare.ts';
import { psArray, psString } from '../powershell/literal.ts';
import { planStep, planStepWith, type RoomExpectations } from './expectations.ts';
import type { SkuObservation, UserObservation } from './observation.ts';
import { PORTAL, commandLine, graphUserRead, propertyFix, runIn } from './remediation.ts';
import type { CheckDefinition, Remediation } from './types.ts';
import { CLOUD_ACCOUNT_TOPOLOGIES, NO_ACCOUNT, fail, pass, unknown, warn } from './verdict.ts';

export interface AssignedSku {
  skuId: string;
  /** undefined when the tenant's subscribedSkus do not list the skuId. */
  skuPartNumber?: string;
}

export function assignedSkus(user: UserObservation, skus: readonly SkuObservation[]): AssignedSku[] {
  const byId = new Map(skus.map((sku) => [sku.skuId.toLowerCase(), sku.skuPartNumber]));
  return (user.assignedLicenses ?? []).map(({ skuId }) => {
    const skuPartNumber = byId.get(skuId.toLowerCase()) ?? findRoomLicense(skuId)?.partNumber;
    return skuPartNumber === undefined ? { skuId } : { skuId, skuPartNumber };
  });
}

/** A Teams Rooms SKU the console can sign in with today (Skype for Business Online was retired). */
export function teamsRoomsLicense(partNumber: string | undefined): RoomLicense | undefined {
  const license = partNumber === undefined ? undefined : findRoomLicense(partNumber);
  return license && license.status !== 'retired' ? license : undefined;
}

const DEFAULT_ROOM_LICENSE = 'Microsoft_Teams_Rooms_Pro';

/** Why a SKU must not be on a room (a user suite, Shared Devices), from the licence table; undefined when it may. */
function notForRooms(sku: AssignedSku): string | undefined {
  if (sku.skuPartNumber === undefined) return undefined;
  const verdict = classifyLicense(sku.skuPartNumber);
  return verdict.kind === 'rejected' ? verdict.error : undefined;
}

const partNumbers = (skus: readonly AssignedSku[]) => skus.map((sku) => sku.skuPartNumber ?? sku.skuId);

export const LICENSE_USAGE_LOCATION: CheckDefinition = {
  id: 'license.usage-location',
  title: 'Usage location set',
  category: 'license',
  severity: 'fail',
  scope: 'room',
  topologies: CLOUD_ACCOUNT_TOPOLOGIES,
  reads: ['user'],
  breaks: 'Without a usage location no licence can be assigned, and without a licence the console cannot sign in to Teams.',
  evaluate({ read, expected }) {
    const user = read('user');
    if (!user) return unknown(NO_ACCOUNT);
    const location = user.usageLocation ?? null;
    if (!location) return fail('The account has no usage location', location, expected.usageLocation ?? 'a two-letter country code');
    if (expected.usageLocation && !matches(location, expected.usageLocation)) {
      return warn(`The usage location is ${location}; the site says ${expected.usageLocation}`, location, expected.usageLocation);
    }
    return pass(`The usage location is ${location}`, location, expected.usageLocation ?? location);
  },
  remediation(expected) {
    const step = planStep(expected, 'entra.usage-location');
    if (step?.kind === 'ensure') return propertyFix(step, 'UsageLocation', PORTAL.licenses);
    // No site value to set: the country is a fact only a person knows.
    return { text: 'Set the two-letter (ISO 3166-1) country where the room is, then assign the licence.', runIn: runIn('graph'), portal: PORTAL.licenses };
  },
  verification: (expected) => graphUserRead(expected, ['UsageLocation'], 'Read the usage location of the room account.', PORTAL.licenses),
};

function licenseFix(expected: RoomExpectations, partNumber: string): Remediation {
  const step = planStepWith(expected, 'entra.license', { license: partNumber });
  const sku = `(Get-MgSubscribedSku -All | Where-Object { $_.SkuPartNumber -eq ${psString(partNumber)} }).SkuId`;
  return {
    text: step?.remediation ?? '',
    runIn: runIn('graph'),
    powershell: `Set-MgUserLicense -UserId ${psString(expected.upn)} -AddLicenses @(@{ SkuId = ${sku} }) -RemoveLicenses @()`,
    portal: PORTAL.licenses,
  };
}

export const LICENSE_TEAMS_ROOMS: CheckDefinition = {
  id: 'license.teams-rooms',
  title: 'Teams Rooms licence assigned',
  category: 'license',
  severity: 'fail',
  scope: 'room',
  topologies: CLOUD_ACCOUNT_TOPOLOGIES,
  reads: ['user', 'subscribedSkus'],
  breaks: 'Without a Teams Rooms licence the console cannot sign in to Teams (user licences are blocked on room accounts).',
  evaluate({ read, expected }) {
    const user = read('user');
    if (!user) return unknown(NO_ACCOUNT);
    const skus = assignedSkus(user, read('subscribedSkus'));
    const assigned = partNumbers(skus);
    const rooms = skus.map((sku) => teamsRoomsLicense(sku.skuPartNumber)).filter((license): license is RoomLicense => license !== undefined);
    const wanted = expected.license ?? 'a Teams Rooms SKU';
    if (rooms.length === 0) return fail(assigned.length === 0 ? 'The account has no licence' : `No Teams Rooms licence among ${assigned.join(', ')}`, assigned, wanted);
    if (expected.license && !rooms.some((license) => matches(license.partNumber, expected.license!))) {
      return warn(`The room has ${rooms.map((license) => license.partNumber).join(', ')}; the site asks for ${expected.license}`, assigned, expected.license);
    }
    const legacy = rooms.find((license) => license.status !== 'current');
    if (legacy && rooms.every((license) => license.status !== 'current')) {
      return warn(`${legacy.name} is ${legacy.status}${legacy.note ? `: ${legacy.note}` : ''}`, assigned, wanted);
    }
    return pass(`Licensed with ${rooms.map((license) => license.partNumber).join(', ')}`, assigned, wanted);
  },
  remediation: (expected) => licenseFix(expected, expected.license ?? DEFAULT_ROOM_LICENSE),
  verification: (expected) =>
    graphUserRead(expected, ['AssignedLicenses'], planStepWith(expected, 'entra.license', { license: expected.license ?? DEFAULT_ROOM_LICENSE })?.verification ?? '', PORTAL.licenses),
};

export const LICENSE_NOT_USER_SUITE: CheckDefinition = {
  id: 'license.not-user-suite',
  title: 'No user suite or Shared Devices licence',
  category: 'license',
  severity: 'fail',
  scope: 'room',
  topologies: CLOUD_ACCOUNT_TOPOLOGIES,
  reads: ['user', 'subscribedSkus'],
  breaks: 'User suites (E3, E5, Business…) have been blocked on Teams Rooms since July 2023 and Shared Devices is for phones and panels: the console reports an unsupported licence.',
  evaluate({ read, expected }) {
    const user = read('user');
    if (!user) return unknown(NO_ACCOUNT);
    const skus = assignedSkus(user, read('subscribedSkus'));
    const wrong = skus.filter((sku) => notForRooms(sku) !== undefined);
    if (wrong.length === 0) return pass('No user suite or Shared Devices licence', partNumbers(skus), []);
    return fail(wrong.map(notForRooms).join('; '), partNumbers(skus), [], {
      text: 'Remove the licences listed; assign a Teams Rooms SKU if the room has none.',
      runIn: runIn('graph'),
      powershell: commandLine({ cmdlet: 'Set-MgUserLicense', parameters: { UserId: expected.upn, AddLicenses: [], RemoveLicenses: wrong.map((sku) => sku.skuId) } }),
      portal: PORTAL.licenses,
    });
  },
  remediation: () => ({ text: 'Remove user-suite and Shared Devices licences from the room account; assign a Teams Rooms SKU if the room has none.', portal: PORTAL.licenses }),
  verification: (expected) => graphUserRead(expected, ['AssignedLicenses'], 'List the licences of the room account.', PORTAL.licenses),
};

const BASIC_PART_NUMBERS = ROOM_LICENSES.filter((license) => license.tier === 'basic').map((license) => license.partNumber);

export function basicLicenseUse(skus: readonly SkuObservation[]): { total: number; bySku: Record<string, number> } {
  const bySku: Record<string, number> = {};
  for (const sku of skus) if (findRoomLicense(sku.skuPartNumber)?.tier === 'basic') bySku[sku.skuPartNumber] = sku.consumedUnits;
  return { total: Object.values(bySku).reduce((sum, units) => sum + units, 0), bySku };
}

export const LICENSE_BASIC_COUNT: CheckDefinition = {
  id: 'license.basic-count',
  title: `Teams Rooms Basic on at most ${BASIC_LICENSE_TENANT_LIMIT} rooms`,
  category: 'license',
  severity: 'fail',
  scope: 'tenant',
  topologies: CLOUD_ACCOUNT_TOPOLOGIES,
  reads: ['subscribedSkus'],
  breaks: `Teams Rooms Basic is free for at most ${BASIC_LICENSE_TENANT_LIMIT} rooms per tenant: rooms beyond that cannot keep it and need Teams Rooms Pro.`,
  evaluate({ read }) {
    const use = basicLicenseUse(read('subscribedSkus'));
    const expected = `at most ${BASIC_LICENSE_TENANT_LIMIT}`;
    return use.total <= BASIC_LICENSE_TENANT_LIMIT
      ? pass(`${use.total} Teams Rooms Basic licences in use`, use.bySku, expected)
      : fail(`${use.total} Teams Rooms Basic licences in use, ${use.total - BASIC_LICENSE_TENANT_LIMIT} over the limit`, use.bySku, expected);
  },
  remediation: () => ({ text: `Move the rooms beyond ${BASIC_LICENSE_TENANT_LIMIT} to Teams Rooms Pro.`, portal: PORTAL.licenseCounts }),
  verification: () => ({
    text: 'Compare the consumed units of the Teams Rooms Basic SKUs with the limit.',
    runIn: runIn('graph'),
    powershell: `Get-MgSubscribedSku -All | Where-Object { $_.SkuPartNumber -in ${psArray(BASIC_PART_NUMBERS)} } | Select-Object -Property ${psArray(['SkuPartNumber', 'ConsumedUnits'])}`,
    portal: PORTAL.licenseCounts,
  }),
};

