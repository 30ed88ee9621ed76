// GET /me/licenseDetails: the signed-in user's licences with their SKU part numbers, as Graph
// answers it to a token with only User.Read (a room account cannot read /subscribedSkus). The
// room sign-in test reads it with the room's own token. Disabled plans show as "Disabled".
import type { GraphCall } from './context.ts';
import { signedInUser } from './directory.ts';

export function myLicenseDetails(call: GraphCall): Record<string, unknown> {
  const user = signedInUser(call);
  const value = user.assignedLicenses.flatMap((assigned) => {
    const sku = call.tenant.findSku(assigned.skuId);
    if (!sku) return [];
    const disabled = new Set(assigned.disabledPlans.map((id) => id.toLowerCase()));
    return [
      {
        // Graph's ids here are opaque; this one is stable per user and SKU.
        id: Buffer.from(`${user.id}:${sku.skuId}`).toString('base64url'),
        skuId: sku.skuId,
        skuPartNumber: sku.skuPartNumber,
        servicePlans: sku.servicePlans.map((plan) => ({
          servicePlanId: plan.servicePlanId,
          servicePlanName: plan.servicePlanName,
          provisioningStatus: disabled.has(plan.servicePlanId.toLowerCase()) ? 'Disabled' : 'Success',
          appliesTo: 'User',
        })),
      },
    ];
  });
  return { '@odata.context': `${call.root}/v1.0/$metadata#users('${user.id}')/licenseDetails`, value };
}
