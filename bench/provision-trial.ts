// One timed provisioning run against a fresh simulated tenant, shared by bench/provision.bench.ts
// and test/integration/provision-throughput.test.ts. Two ways to run the same site:
//   baseline: one request at a time (rooms one after another, one limiter slot);
//   engine:   what `roomready provision` does (the engine's and the connection's defaults).
// Both go through the production code paths (MSAL app-only sign-in, the Graph client, the Exchange
// client, the shared limiter and retry policy); only the simulator's loopback transport differs.
import { performance } from 'node:perf_hooks';
import { resolveAuthSettings } from '../main/auth/auth-settings.ts';
import { createAuthService } from '../main/auth/create-auth-service.ts';
import { provisionSite, type ProvisionOptions } from '../main/provision/engine.ts';
import type { RoomStatus } from '../main/provision/types.ts';
import { startSimulator } from '../main/simulator/index.ts';
import { SAMPLE_SKUS } from '../main/simulator/sample-data.ts';
import { connectTenant } from '../main/tenant/connection.ts';
import { classifyRequest } from '../main/tenant/request-kind.ts';
import { simulatorTransport, type Transport } from '../main/tenant/transport.ts';
import { SiteSchema, type Room, type Site } from '../shared/model.ts';

export type TrialMode = 'baseline' | 'engine';

export interface TrialSettings {
  rooms: number;
  /** Added by the simulator to every Graph and Exchange answer. */
  latencyMs: number;
  /** How long a new mailbox takes to reach Entra ID and Places. */
  replicationLagMs: number;
  /** The engine's replication wait; default: the engine's own (what the CLI uses). */
  replication?: ProvisionOptions['replication'];
  seed?: number;
}

export interface TrialResult {
  mode: TrialMode;
  rooms: number;
  wallMs: number;
  roomsPerMinute: number;
  reads: number;
  writes: number;
  readsPerRoom: number;
  writesPerRoom: number;
  /** Rooms by final status; a finished trial has every room `passed`. */
  statuses: Partial<Record<RoomStatus, number>>;
  /** Most Graph and Exchange requests in flight at once (sign-in excluded). */
  peakInFlight: number;
  /** "upn step: status: message" for every step that did not end changed or passed. */
  problems: string[];
  peakRssBytes: number;
  peakHeapBytes: number;
}

/** Rooms spread over buildings of 20, each building its own room list, as a real roll-out is. */
export function benchRooms(count: number): Room[] {
  return Array.from({ length: count }, (_, i) => {
    const building = `Building ${1 + Math.floor(i / 20)}`;
    return {
      upn: `mtr-bench-${i}@contoso.com`,
      displayName: `Bench room ${i}`,
      capacity: 4 + (i % 16),
      building,
      floor: String(1 + (i % 8)),
      roomList: `${building} Rooms`,
      timeZone: 'Pacific Standard Time',
    };
  });
}

export function benchSite(count: number): Site {
  return SiteSchema.parse({
    name: 'Bench',
    topology: 'teams-online',
    tenantDomain: 'contoso.com',
    defaults: { mode: 'create', usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro' },
    rooms: benchRooms(count),
  });
}

/** The transport, watched: how many service requests are in flight at most. */
function inFlightGauge(inner: Transport): { transport: Transport; peak(): number } {
  let inFlight = 0;
  let peak = 0;
  const transport: Transport = async (request, signal) => {
    if (classifyRequest(request) === 'other') return inner(request, signal);
    peak = Math.max(peak, ++inFlight);
    try {
      return await inner(request, signal);
    } finally {
      inFlight--;
    }
  };
  return { transport, peak: () => peak };
}

/** Samples memory while a run is going (the simulator shares the process, so it is included). */
function memorySampler(): { stop(): { rss: number; heap: number } } {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rss, heap };
    },
  };
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});
const password = async () => 'Bench-Password-2468!';

/** Provisions a fresh site of `settings.rooms` rooms on a fresh simulated tenant, timed and counted. */
export async function runTrial(mode: TrialMode, settings: TrialSettings): Promise<TrialResult> {
  const simulator = await startSimulator({ seed: settings.seed ?? 7, latencyMs: settings.latencyMs, replicationLagMs: settings.replicationLagMs });
  try {
    // The sample tenant has 10 Teams Rooms Pro units; a site of N rooms needs N free ones.
    const consumed = simulator.tenant.snapshot().skus.find((sku) => sku.skuId === SAMPLE_SKUS.pro.skuId)?.consumedUnits ?? 0;
    simulator.tenant.setSku(SAMPLE_SKUS.pro.skuPartNumber, { prepaidUnits: consumed + settings.rooms });

    const gauge = inFlightGauge(simulatorTransport(simulator.url));
    const transport = gauge.transport;
    // App-only sign-in with the simulator's practice client secret, as the integration tests do.
    const authSettings = await resolveAuthSettings({}, { ROOMREADY_CLIENT_SECRET: simulator.confidentialClient.secret }, simulator);
    const auth = createAuthService(authSettings, { transport });
    // Baseline: one slot, so one request in flight. Engine: the connection's default (the CLI's).
    const connection = connectTenant({ auth, cloud: authSettings.cloud, tenantId: simulator.tenantId, transport, ...(mode === 'baseline' ? { concurrency: 1 } : {}) });
    // Sign in before the clock starts: both runs would pay it once, and it is not provisioning.
    await auth.getToken('graph');
    await auth.getToken('exchange');

    const site = benchSite(settings.rooms);
    collectGarbage(); // so the peak is this run's, not what the run before left behind
    const memory = memorySampler();
    const started = performance.now();
    const result = await provisionSite({
      site,
      graph: connection.graph,
      exchange: connection.exchange,
      passwordFor: password,
      ...(mode === 'baseline' ? { concurrency: 1 } : {}),
      ...(settings.replication ? { replication: settings.replication } : {}),
    });
    const wallMs = performance.now() - started;
    const peak = memory.stop();

    const statuses: Partial<Record<RoomStatus, number>> = {};
    for (const room of result.rooms) statuses[room.status] = (statuses[room.status] ?? 0) + 1;
    const problems = result.rooms.flatMap((room) =>
      room.steps.filter((step) => step.status !== 'changed' && step.status !== 'passed').map((step) => `${room.upn} ${step.step}: ${step.status}: ${step.message}`),
    );
    const { reads, writes } = connection.counts;
    return {
      mode,
      rooms: settings.rooms,
      wallMs,
      roomsPerMinute: (settings.rooms / wallMs) * 60_000,
      reads,
      writes,
      readsPerRoom: reads / settings.rooms,
      writesPerRoom: writes / settings.rooms,
      statuses,
      peakInFlight: gauge.peak(),
      problems,
      peakRssBytes: peak.rss,
      peakHeapBytes: peak.heap,
    };
  } finally {
    await simulator.stop();
  }
}
