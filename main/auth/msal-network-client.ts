// MSAL's system.networkClient over RoomReady's Transport: every request MSAL makes (token,
// device code, and metadata if it ever needs any) leaves through the same transport as Graph and
// Exchange. Production passes fetchTransport(); practice mode and the tests pass
// simulatorTransport(url), and MSAL keeps its real https authority — no discovery, no TLS trouble.
import { AuthError, ClientAuthErrorCodes, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import type { Transport } from '../tenant/transport.ts';

export function msalNetworkClient(transport: Transport): INetworkModule {
  async function send<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, timeoutMs?: number): Promise<NetworkResponse<T>> {
    const signal = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
    let response;
    try {
      response = await transport({ method, url, headers: { ...options?.headers }, ...(method === 'POST' ? { body: options?.body ?? '' } : {}) }, signal);
    } catch (error) {
      // MSAL turns anything but an AuthError into a bare "network_error"; keep the transport's
      // sentence (host and cause, never the body, which may hold a secret).
      const reason = signal?.aborted ? `no answer within ${timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      throw new AuthError(ClientAuthErrorCodes.networkError, '', `Could not reach ${new URL(url).host}: ${reason}`);
    }
    return { status: response.status, headers: response.headers, body: parseBody(response.status, response.body, url) as T };
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

/**
 * MSAL expects JSON. A proxy's or load balancer's HTML error page becomes an OAuth-shaped error so
 * MSAL reports "server_error: HTTP 502 ..." instead of a JSON parse failure.
 */
function parseBody(status: number, body: string, url: string): unknown {
  try {
    return body === '' ? {} : JSON.parse(body);
  } catch {
    return {
      error: status >= 500 ? 'temporarily_unavailable' : 'invalid_response',
      error_description: `HTTP ${status} from ${new URL(url).host}, and the answer was not JSON.`,
    };
  }
}
