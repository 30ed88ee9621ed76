// Shared by the simulator tests: requests with the real Microsoft URLs, sent through
// simulatorTransport (as production code sends them), and small helpers to read the answers.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { RunningSimulator } from '../../main/simulator/contract.ts';
import { simulatorTransport, type HttpResponse, type Transport } from '../../main/tenant/transport.ts';

/** A parsed JSON answer: tests read it property by property. */
export type Json = ReturnType<typeof JSON.parse>;

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const LOGIN = 'https://login.microsoftonline.com';

export interface Answer<T = unknown> extends HttpResponse {
  json: T;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export function transportOf(sim: RunningSimulator): Transport {
  return simulatorTransport(sim.url);
}

export async function send<T = Json>(sim: RunningSimulator, method: string, url: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer<T>> {
  const response = await transportOf(sim)({ method, url, headers: options.headers ?? {}, ...(options.body !== undefined ? { body: options.body } : {}) });
  return { ...response, json: parse(response.body) as T };
}

/** A token request, as a form post to the real token endpoint URL. */
export function tokenRequest(sim: RunningSimulator, fields: Record<string, string>, tenant = sim.tenantId): Promise<Answer<Json>> {
  return send(sim, 'POST', `${LOGIN}/${tenant}/oauth2/v2.0/token`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

export async function appToken(sim: RunningSimulator, resource: 'graph' | 'exchange' = 'graph'): Promise<string> {
  const scope = resource === 'graph' ? 'https://graph.microsoft.com/.default' : 'https://outlook.office365.com/.default';
  const answer = await tokenRequest(sim, { grant_type: 'client_credentials', client_id: sim.confidentialClient.clientId, client_secret: sim.confidentialClient.secret, scope });
  if (answer.status !== 200) throw new Error(`token request failed: ${answer.body}`);
  return answer.json.access_token as string;
}

/** A delegated token for a user: the device-code flow of the public client, approved as that user. */
export async function userToken(sim: RunningSimulator, upn: string, resource: 'graph' | 'exchange' = 'graph'): Promise<string> {
  const scope = resource === 'graph' ? 'https://graph.microsoft.com/.default openid offline_access' : 'https://outlook.office365.com/.default';
  const code = await send(sim, 'POST', `${LOGIN}/${sim.tenantId}/oauth2/v2.0/devicecode`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: sim.publicClientId, scope }).toString(),
  });
  sim.tenant.approveDeviceCode(code.json.user_code as string, upn);
  const answer = await tokenRequest(sim, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: sim.publicClientId, device_code: code.json.device_code as string });
  if (answer.status !== 200) throw new Error(`token request failed: ${answer.body}`);
  return answer.json.access_token as string;
}

export function graph<T = Json>(sim: RunningSimulator, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return send<T>(sim, method, `${GRAPH}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

export function exchange<T = Json>(sim: RunningSimulator, token: string, cmdlet: string, parameters: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return send<T>(sim, 'POST', `https://outlook.office365.com/adminapi/beta/${sim.tenantId}/InvokeCommand`, {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
  });
}

/** "|Type|Message" of an Exchange cmdlet error. */
export function cmdletError(answer: Answer<Json>): { type: string; message: string } {
  const [, type = '', message = ''] = String(answer.json?.error?.details?.[0]?.message ?? '').split('|');
  return { type, message };
}

export function claimsOf(token: string): Record<string, Json> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, Json>;
}

/** MSAL's network module over the simulator transport (the test's own; production has its own). */
export function msalNetwork(sim: RunningSimulator): INetworkModule {
  const transport = transportOf(sim);
  const call = async <T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const response = await transport({ method, url, headers: { ...(options?.headers ?? {}) }, ...(options?.body !== undefined ? { body: options.body } : {}) });
    return { status: response.status, headers: response.headers, body: JSON.parse(response.body) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => call('GET', url, options),
    sendPostRequestAsync: (url, options) => call('POST', url, options),
  };
}

/** Control surface call over HTTP, as another process would make it. */
export async function control(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${sim.url}/_simulator/${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}
