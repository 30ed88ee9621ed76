// The proxy in effect for HTTPS to the sign-in endpoint: Electron's answer (which follows Windows'
// settings and PAC files) in the app; the environment variables on the command line.
import type { PROXY_SOURCES } from '../../../shared/onsite/results.ts';

export interface ProxyInEffect {
  source: (typeof PROXY_SOURCES)[number];
  /** "DIRECT", or e.g. "PROXY proxy.contoso.com:8080" (never with credentials). */
  value: string;
  /** The proxy URL carried a user name: an authenticated proxy, which Teams Rooms does not support. */
  authenticated: boolean;
  /** Electron could not say (the check is then unknown). */
  error?: string;
}

function variable(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value?.trim() ? value.trim() : undefined;
}

/** NO_PROXY: "*", or names and domain suffixes ("contoso.com", ".contoso.com"), optionally with ":port". */
export function bypassedByNoProxy(target: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[,\s]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const match = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase())!;
      const name = match[1]!.replace(/^\*?\./, '');
      if (match[2] && match[2] !== port) return false;
      return host === name || host.endsWith(`.${name}`);
    });
}

export function proxyFromEnvironment(url: string, env: Readonly<Record<string, string | undefined>>): ProxyInEffect {
  const target = new URL(url);
  // HTTPS_PROXY for https; HTTP_PROXY when only that one is set, as one proxy usually serves both.
  const configured = target.protocol === 'https:' ? (variable(env, 'https_proxy') ?? variable(env, 'http_proxy')) : variable(env, 'http_proxy');
  if (!configured) return { source: 'none', value: 'DIRECT', authenticated: false };
  if (bypassedByNoProxy(target, variable(env, 'no_proxy'))) return { source: 'environment', value: 'DIRECT', authenticated: false };
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(configured) ? configured : `http://${configured}`);
  } catch {
    return { source: 'environment', value: 'PROXY (unreadable HTTPS_PROXY/HTTP_PROXY value)', authenticated: false };
  }
  const kind = proxy.protocol.startsWith('socks') ? 'SOCKS' : proxy.protocol === 'https:' ? 'HTTPS' : 'PROXY';
  const port = proxy.port || (proxy.protocol === 'https:' ? '443' : '80');
  return { source: 'environment', value: `${kind} ${proxy.hostname}:${port}`, authenticated: proxy.username !== '' };
}

export async function proxyInEffect(
  url: string,
  options: { resolveProxy?: (url: string) => Promise<string>; env?: Readonly<Record<string, string | undefined>> },
): Promise<ProxyInEffect> {
  if (options.resolveProxy) {
    try {
      const value = (await options.resolveProxy(url)).trim();
      return { source: 'electron', value: value || 'DIRECT', authenticated: false };
    } catch (error) {
      return { source: 'electron', value: 'unknown', authenticated: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return proxyFromEnvironment(url, options.env ?? {});
}

/** The first rule of a PAC-style answer ("PROXY a:1; DIRECT" → "PROXY a:1"); DIRECT means no proxy. */
export function firstProxyRule(value: string): string {
  return value.split(';')[0]!.trim() || 'DIRECT';
}
