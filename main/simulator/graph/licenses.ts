// Licences: GET /subscribedSkus and POST /users/{id}/assignLicense with Entra's rules. A licence
// needs a usage location first ("License assignment cannot be done for user with invalid usage
// location."), a SKU with a free unit ("Subscription with SKU ... does not have any available
// licenses."; Teams Rooms Basic never exceeds 25 per tenant, whatever was bought), and both
// addLicenses and removeLicenses in the body. Nothing changes unless the whole request is valid.
import { isRecord, parseJson } from '../http.ts';
import type { AssignedLicenseRecord, SkuRecord } from '../state/records.ts';
import type { GraphCall } from './context.ts';
import { badRequest, odataBadRequest } from './errors.ts';
import { contextUrl } from './odata.ts';
import { defaultUserView, visibleUser } from './users.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function skuEntity(call: GraphCall, sku: SkuRecord): Record<string, unknown> {
  return {
    accountName: call.tenant.initialDomain.split('.')[0],
    accountId: call.tenant.tenantId,
    appliesTo: sku.appliesTo,
    capabilityStatus: sku.capabilityStatus,
    consumedUnits: call.tenant.consumedUnits(sku.skuId),
    id: `${call.tenant.tenantId}_${sku.skuId}`,
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    subscriptionIds: [sku.subscriptionId],
    prepaidUnits: { enabled: sku.prepaidEnabled, suspended: sku.prepaidSuspended, warning: sku.prepaidWarning, lockedOut: 0 },
    servicePlans: sku.servicePlans.map((p) => ({ ...p, provisioningStatus: 'Success', appliesTo: 'User' })),
  };
}

export function listSubscribedSkus(call: GraphCall): Record<string, unknown> {
  return { '@odata.context': contextUrl(call, 'subscribedSkus'), value: call.tenant.skus.map((s) => skuEntity(call, s)) };
}

function missingParameters(names: string[]): Error {
  return badRequest(`One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: ${names.join(',')}.`);
}

export function assignLicense(call: GraphCall, idOrUpn: string): Record<string, unknown> {
  const user = visibleUser(call, idOrUpn);
  const body = parseJson(call.request.body);
  if (!isRecord(body)) throw odataBadRequest('Empty Payload. JSON content expected.');
  const missing = ['addLicenses', 'removeLicenses'].filter((k) => !Array.isArray(body[k]));
  if (missing.length > 0) throw missingParameters(missing);
  const add = body.addLicenses as unknown[];
  const remove = body.removeLicenses as unknown[];

  const additions: Array<{ sku: SkuRecord; disabledPlans: string[] }> = [];
  for (const item of add) {
    if (!isRecord(item) || typeof item.skuId !== 'string' || !GUID.test(item.skuId)) throw badRequest("Cannot convert a primitive value to the expected type 'Edm.Guid'. See the inner exception for more details.");
    const sku = call.tenant.findSku(item.skuId);
    if (!sku || sku.skuId.toLowerCase() !== item.skuId.toLowerCase()) throw badRequest(`License ${item.skuId} does not correspond to a valid company License.`);
    const disabledPlans = Array.isArray(item.disabledPlans) ? item.disabledPlans.filter((p): p is string => typeof p === 'string') : [];
    additions.push({ sku, disabledPlans });
  }
  const removals: string[] = [];
  for (const skuId of remove) {
    if (typeof skuId !== 'string' || !GUID.test(skuId)) throw badRequest("Cannot convert a primitive value to the expected type 'Edm.Guid'. See the inner exception for more details.");
    if (!user.assignedLicenses.some((l) => l.skuId.toLowerCase() === skuId.toLowerCase())) throw badRequest('User does not have a corresponding license.');
    removals.push(skuId.toLowerCase());
  }
  if (additions.length > 0 && !user.usageLocation) throw badRequest('License assignment cannot be done for user with invalid usage location.');
  for (const { sku } of additions) {
    const already = user.assignedLicenses.some((l) => l.skuId.toLowerCase() === sku.skuId.toLowerCase());
    const freed = removals.includes(sku.skuId.toLowerCase()) ? 1 : 0;
    if (!already && call.tenant.availableUnits(sku) + freed <= 0) throw badRequest(`Subscription with SKU ${sku.skuId} does not have any available licenses.`);
    if (sku.capabilityStatus !== 'Enabled' && sku.capabilityStatus !== 'Warning' && !already) throw badRequest(`Subscription with SKU ${sku.skuId} does not have any available licenses.`);
  }

  let licenses: AssignedLicenseRecord[] = user.assignedLicenses.filter((l) => !removals.includes(l.skuId.toLowerCase()));
  for (const { sku, disabledPlans } of additions) {
    licenses = licenses.filter((l) => l.skuId.toLowerCase() !== sku.skuId.toLowerCase());
    licenses.push({ skuId: sku.skuId, disabledPlans });
  }
  user.assignedLicenses = licenses;
  return defaultUserView(call, user);
}
