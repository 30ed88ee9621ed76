// DNS: every address a name resolves to, the way the console's own resolver (hosts file included) sees it.
import { lookup } from 'node:dns/promises';

export interface DnsAnswer {
  addresses: { address: string; family: 4 | 6 }[];
  ms: number;
}

export async function resolveAll(host: string): Promise<DnsAnswer> {
  const started = performance.now();
  const answers = await lookup(host, { all: true });
  return { addresses: answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 })), ms: Math.round(performance.now() - started) };
}
