// What every Graph handler gets: the tenant, the caller, ids for the answer, and the service root
// the caller used (from its token's audience), so links in answers (@odata.nextLink,
// @odata.context) point at the same Microsoft host the client asked and go through its transport.
import type { Caller } from '../identity/access.ts';
import type { SimRequest } from '../http.ts';
import type { Prng } from '../prng.ts';
import type { TenantState } from '../state/tenant.ts';

export interface GraphCall {
  request: SimRequest;
  caller: Caller;
  tenant: TenantState;
  requestId: string;
  clientRequestId: string;
  /** e.g. "https://graph.microsoft.com" (from the token's audience). */
  root: string;
  /** Path segments after the version, decoded. */
  segments: string[];
}

export interface GraphIds {
  requestIds: Prng;
}

export function graphBase(call: GraphCall): string {
  return `${call.root}/v1.0`;
}
