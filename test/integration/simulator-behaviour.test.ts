// How the simulated tenant behaves over time and under load: replication lag between Exchange and
// Entra/Places, latency, throttling, 503s and connection resets from a seeded PRNG (the same seed
// and the same requests give the same faults), and the request counters.
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/index.ts';
import type { RunningSimulator, SimulatorOptions } from '../../main/simulator/contract.ts';
import { TransportError } from '../../main/tenant/transport.ts';
import { appToken, exchange, graph, send } from './simulator-support.ts';

async function withSimulator<T>(options: SimulatorOptions, body: (sim: RunningSimulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator(options);
  try {
    return await body(sim);
  } finally {
    await sim.stop();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('replication lag', () => {
  it('shows a room created in Exchange to Graph and Places only after the lag', async () => {
    await withSimulator({ seed: 51, replicationLagMs: 400 }, async (sim) => {
      const [exo, token] = await Promise.all([appToken(sim, 'exchange'), appToken(sim)]);
      const created = await exchange(sim, exo, 'New-Mailbox', { Name: 'Olympus', Alias: 'mtr-olympus', MicrosoftOnlineServicesID: 'mtr-olympus@contoso.com', PrimarySmtpAddress: 'mtr-olympus@contoso.com', Room: true });
      const startedAt = Date.now();
      expect(created.status).toBe(200);
      expect((await exchange(sim, exo, 'Get-Mailbox', { Identity: 'mtr-olympus@contoso.com' })).status).toBe(200);
      expect((await exchange(sim, exo, 'Set-CalendarProcessing', { Identity: 'mtr-olympus@contoso.com', DeleteComments: false })).status).toBe(200);

      const early = await graph(sim, token, 'GET', '/users/mtr-olympus@contoso.com');
      expect(early.status).toBe(404);
      expect((await graph(sim, token, 'PATCH', '/users/mtr-olympus@contoso.com', { accountEnabled: true })).status).toBe(404);
      expect((await graph(sim, token, 'GET', "/users?$filter=userPrincipalName eq 'mtr-olympus@contoso.com'")).json.value).toEqual([]);
      expect((await graph(sim, token, 'GET', '/places/mtr-olympus@contoso.com')).status).toBe(404);
      expect((await exchange(sim, exo, 'Get-Place', { Identity: 'mtr-olympus@contoso.com' })).status).toBe(404);
      expect(Date.now() - startedAt).toBeLessThan(400);

      await sleep(450 - (Date.now() - startedAt));
      expect((await graph(sim, token, 'GET', '/users/mtr-olympus@contoso.com')).status).toBe(200);
      expect((await graph(sim, token, 'GET', '/places/mtr-olympus@contoso.com')).status).toBe(200);
      expect((await exchange(sim, exo, 'Get-Place', { Identity: 'mtr-olympus@contoso.com' })).status).toBe(200);
    });
  });

  it('can be flushed through the tenant handle', async () => {
    await withSimulator({ seed: 52, replicationLagMs: 60_000 }, async (sim) => {
      const [exo, token] = await Promise.all([appToken(sim, 'exchange'), appToken(sim)]);
      await exchange(sim, exo, 'New-Mailbox', { Name: 'Adams', MicrosoftOnlineServicesID: 'mtr-adams@contoso.com', Room: true });
      expect((await graph(sim, token, 'GET', '/users/mtr-adams@contoso.com')).status).toBe(404);
      expect(sim.tenant.snapshot().users.find((u) => u.userPrincipalName === 'mtr-adams@contoso.com')!.visibleInGraph).toBe(false);
      sim.tenant.flushReplication();
      expect((await graph(sim, token, 'GET', '/users/mtr-adams@contoso.com')).status).toBe(200);
    });
  });
});

describe('latency and faults', () => {
  it('adds the latency to every answer', async () => {
    await withSimulator({ seed: 53, latencyMs: 80 }, async (sim) => {
      const token = await appToken(sim);
      const started = performance.now();
      await graph(sim, token, 'GET', '/domains');
      expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    });
  });

  /** The status of each of n GET /domains requests ("reset" when the connection dropped). */
  async function outcomes(sim: RunningSimulator, token: string, n: number): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      try {
        const answer = await graph(sim, token, 'GET', '/domains');
        out.push(String(answer.status));
        if (answer.status === 429 || answer.status === 503) expect(answer.headers['retry-after']).toBe('0');
      } catch (error) {
        expect(error).toBeInstanceOf(TransportError);
        out.push('reset');
      }
    }
    return out;
  }

  it('throttles, fails and resets at the configured rates, the same way for the same seed', async () => {
    const options = { seed: 54, throttleRate: 0.2, faultRate: 0.1, resetRate: 0.05, retryAfterSeconds: 0 };
    const n = 200;
    const first = await withSimulator(options, async (sim) => {
      const token = await appToken(sim);
      const seen = await outcomes(sim, token, n);
      const stats = sim.stats();
      expect(stats.resets).toBe(seen.filter((s) => s === 'reset').length);
      expect(stats.throttled).toBe(seen.filter((s) => s === '429').length);
      expect(stats.faults).toBe(seen.filter((s) => s === '503').length);
      expect(stats.reads).toBe(seen.filter((s) => s === '200').length);
      return seen;
    });
    const count = (status: string) => first.filter((s) => s === status).length;
    // Expected shares: reset 5%, 429 20% of the rest, 503 10% of what remains; within 4 standard deviations.
    const within = (observed: number, p: number) => Math.abs(observed - n * p) <= 4 * Math.sqrt(n * p * (1 - p));
    expect(within(count('reset'), 0.05)).toBe(true);
    expect(within(count('429'), 0.95 * 0.2)).toBe(true);
    expect(within(count('503'), 0.95 * 0.8 * 0.1)).toBe(true);

    // A fresh simulator with the same seed meets the same fates in the same order; another seed does not.
    const again = await withSimulator(options, async (sim) => outcomes(sim, await appToken(sim), 60));
    expect(again).toEqual(first.slice(0, 60));
    const otherSeed = await withSimulator({ ...options, seed: 55 }, async (sim) => outcomes(sim, await appToken(sim), 60));
    expect(otherSeed).not.toEqual(first.slice(0, 60));
  });

  it('throttles Exchange too, with its own 429 and Retry-After', async () => {
    await withSimulator({ seed: 56, throttleRate: 1, retryAfterSeconds: 1 }, async (sim) => {
      const exo = await appToken(sim, 'exchange');
      const answer = await exchange(sim, exo, 'Get-Mailbox', {});
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.json.error.code).toBe('TooManyRequests');
      // Sign-in is never throttled by the injector: MSAL would hold a 429 against every later request.
      expect((await appToken(sim)).length).toBeGreaterThan(100);
    });
  });

  it('changes fault settings at run time through the tenant handle', async () => {
    await withSimulator({ seed: 57 }, async (sim) => {
      const token = await appToken(sim);
      sim.tenant.setFaults({ faultRate: 1, retryAfterSeconds: 0 });
      const failed = await graph(sim, token, 'GET', '/domains');
      expect(failed.status).toBe(503);
      expect(failed.json.error.code).toBe('serviceNotAvailable');
      sim.tenant.setFaults({ faultRate: 0 });
      expect((await graph(sim, token, 'GET', '/domains')).status).toBe(200);
      expect(sim.tenant.faults()).toMatchObject({ faultRate: 0, throttleRate: 0, retryAfterSeconds: 0 });
      expect(() => sim.tenant.setFaults({ throttleRate: 2 })).toThrow(/between 0 and 1/);
    });
  });
});

describe('counters', () => {
  it('counts reads, writes and token requests by kind', async () => {
    await withSimulator({ seed: 58 }, async (sim) => {
      const [token, exo] = await Promise.all([appToken(sim), appToken(sim, 'exchange')]);
      expect(sim.stats().tokens).toBe(2);
      sim.resetStats();
      await graph(sim, token, 'GET', '/domains');
      await graph(sim, token, 'PATCH', '/users/mtr-rainier@contoso.com', { usageLocation: 'US' });
      await graph(sim, token, 'POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: '/domains' }, { id: '2', method: 'GET', url: '/subscribedSkus' }] });
      await graph(sim, token, 'POST', '/$batch', { requests: [{ id: '1', method: 'PATCH', url: '/users/mtr-rainier@contoso.com', body: { usageLocation: 'US' }, headers: { 'content-type': 'application/json' } }] });
      await exchange(sim, exo, 'Get-Mailbox', { Identity: 'mtr-rainier@contoso.com' });
      await exchange(sim, exo, 'Set-Mailbox', { Identity: 'mtr-rainier@contoso.com', ResourceCapacity: 12 });
      await send(sim, 'GET', `https://login.microsoftonline.com/${sim.tenantId}/v2.0/.well-known/openid-configuration`);
      expect(sim.stats()).toEqual({ reads: 3, writes: 3, tokens: 0, throttled: 0, faults: 0, resets: 0 });
    });
  });
});
