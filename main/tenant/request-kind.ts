// Which requests change the tenant: the idempotency proof counts them ("a second run over a finished
// site makes zero writes"). Graph: GET is a read, and so is a $batch whose requests are all GETs;
// every other method is a write. Exchange Online: every cmdlet is a POST to InvokeCommand, so the
// cmdlet decides: Get-* reads, everything else writes. Sign-in traffic (tokens, OpenID metadata)
// and anything else count as neither. Works on the real Microsoft URLs and on the simulator's
// rewritten ones alike, so the counter may wrap the transport on either side of simulatorTransport.
import { CLOUDS } from '../../shared/clouds.ts';
import type { HttpRequest } from './transport.ts';

export type RequestKind = 'read' | 'write' | 'other';

const GRAPH_HOSTS = new Set(Object.values(CLOUDS).map((cloud) => new URL(cloud.graphRoot).host));
const GRAPH_PATH = /^(?:\/graph)?\/(?:v1\.0|beta)\//;
const INVOKE_COMMAND_PATH = /\/adminapi\/[^/]+\/[^/]+\/InvokeCommand$/i;
const READ_METHODS = new Set(['GET', 'HEAD']);

function headerValue(request: HttpRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function parsedBody(request: HttpRequest): unknown {
  if (request.body === undefined) return undefined;
  try {
    return JSON.parse(request.body);
  } catch {
    return undefined;
  }
}

function cmdletOf(request: HttpRequest): string | undefined {
  const name = (parsedBody(request) as { CmdletInput?: { CmdletName?: unknown } } | undefined)?.CmdletInput?.CmdletName;
  return typeof name === 'string' ? name : headerValue(request, 'x-cmdletname');
}

function isBatchOfReads(request: HttpRequest): boolean {
  const requests = (parsedBody(request) as { requests?: { method?: unknown }[] } | undefined)?.requests;
  return Array.isArray(requests) && requests.every((item) => typeof item?.method === 'string' && READ_METHODS.has(item.method.toUpperCase()));
}

export function classifyRequest(request: HttpRequest): RequestKind {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return 'other';
  }
  const method = request.method.toUpperCase();
  if (INVOKE_COMMAND_PATH.test(url.pathname)) {
    const cmdlet = cmdletOf(request);
    return cmdlet !== undefined && /^Get-/i.test(cmdlet) ? 'read' : 'write';
  }
  if (GRAPH_HOSTS.has(url.host) || GRAPH_PATH.test(url.pathname)) {
    if (READ_METHODS.has(method)) return 'read';
    if (method === 'POST' && /\/\$batch$/.test(url.pathname)) return isBatchOfReads(request) ? 'read' : 'write';
    return 'write';
  }
  return 'other';
}
