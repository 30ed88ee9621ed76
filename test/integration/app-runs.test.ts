// Provisioning runs through the app's services: one run per site (busy), cancel (the engine waits
// for the rooms in flight, the finished event says so) and resume from the journal, a dry run that
// leaves the stages alone; a secret store that refuses keeps passwords for the session only.
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_ONLY_WARNING } from '../../main/app/site-passwords.ts';
import { SecretStoreError, type SecretStore } from '../../main/auth/secret-store.ts';
import { AppHarness } from './app-harness.ts';

const harnesses: AppHarness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.dispose()));
});
function harness(options: ConstructorParameters<typeof AppHarness>[0] = {}): AppHarness {
  const created = new AppHarness(options);
  harnesses.push(created);
  return created;
}

describe('provisioning runs', () => {
  it('one run per site: a second start is busy; cancel stops it, says cancelled, and the next run resumes to the end', async () => {
    // Slow enough to be caught mid-run.
    const app = harness({ practiceSimulator: { latencyMs: 25, replicationLagMs: 0, deviceCodeIntervalSeconds: 0 } });
    const site = await app.ok('sites.openPractice', {});
    const { runId } = await app.ok('provision.start', { siteId: site.id, upns: [] });
    const busy = await app.fails('provision.start', { siteId: site.id, upns: [] });
    expect(busy.code).toBe('busy');
    expect(busy.message).toContain(site.site.name);

    await app.waitFor('provision.progress', (progress) => progress.runId === runId && progress.event.type === 'step-finished');
    // Live step status: something is running right now.
    const during = await app.ok('rooms.progress', { siteId: site.id, upn: site.rooms[0]!.upn });
    expect(during.stages.some((stage) => stage.state === 'running' || stage.items.some((item) => item.state === 'running' || item.state === 'passed'))).toBe(true);

    expect(await app.ok('provision.cancel', { runId })).toEqual({ cancelled: true });
    const finished = await app.waitFor('provision.finished', (event) => event.runId === runId);
    expect(finished.cancelled).toBe(true);
    expect(finished.error).toBeUndefined();
    expect(finished.rooms.length).toBeLessThan(site.rooms.length);
    // Nothing is still running once the finished event is out.
    const progressAfter = app.eventsOf('provision.progress').filter((event) => event.runId === runId).length;
    expect(await app.ok('provision.cancel', { runId })).toEqual({ cancelled: false });

    const second = await app.ok('provision.start', { siteId: site.id, upns: [] });
    const done = await app.waitFor('provision.finished', (event) => event.runId === second.runId, 60_000);
    expect(done.cancelled).toBe(false);
    expect(done.rooms.map((room) => room.status)).toEqual(site.rooms.map(() => 'passed'));
    // The interrupted run's finished steps come from the journal.
    expect(done.rooms.some((room) => room.steps.some((step) => step.fromJournal))).toBe(true);
    expect(app.eventsOf('provision.progress').filter((event) => event.runId === runId)).toHaveLength(progressAfter);
  });

  it('a dry run shows what would change and leaves the stages and passwords alone', async () => {
    const app = harness();
    const site = await app.ok('sites.openPractice', {});
    const { runId } = await app.ok('provision.start', { siteId: site.id, upns: [site.rooms[0]!.upn], dryRun: true });
    const finished = await app.waitFor('provision.finished', (event) => event.runId === runId);
    expect(finished.rooms).toHaveLength(1);
    expect(finished.rooms[0]!.steps.some((step) => step.status === 'would-change')).toBe(true);
    const after = await app.ok('sites.update', { siteId: site.id, changes: {} });
    expect(after.rooms[0]!.stages.account).not.toBe('passed');
    expect(after.rooms[0]!.hasPassword).toBe(false);
  });

  it('a room the model rejects is left out of the run; with none left, the start is refused', async () => {
    const app = harness();
    const site = await app.ok('sites.openPractice', {});
    // The update makes every room invalid: this topology needs a registrar pool.
    await app.ok('sites.update', { siteId: site.id, changes: { topology: 'hybrid-exo-sfbserver' } });
    const refused = await app.fails('provision.start', { siteId: site.id, upns: [] });
    expect(refused.code).toBe('invalid-room');
    expect(refused.message).toMatch(/registrarPool/);
    const preflight = await app.fails('preflight.run', { siteId: site.id });
    expect(preflight.code).toBe('invalid-room');
  });

  it('a site that is not signed in cannot preflight, provision or validate', async () => {
    const app = harness();
    const site = await app.ok('sites.create', { name: 'Live', topology: 'teams-online', cloud: 'global' });
    await app.ok('rooms.save', { siteId: site.id, room: { upn: 'mtr-a@contoso.com', displayName: 'A', usageLocation: 'US' } });
    for (const failure of [
      await app.fails('preflight.run', { siteId: site.id }),
      await app.fails('provision.start', { siteId: site.id, upns: [] }),
      await app.fails('validate.run', { siteId: site.id, upns: [] }),
    ]) {
      expect(failure.code).toBe('not-signed-in');
    }
    expect((await app.fails('provision.start', { siteId: 'no-such-site', upns: [] })).code).toBe('not-found');
  });
});

describe('a secret store that refuses (safeStorage with only basic_text)', () => {
  const refusing = (): SecretStore => {
    const refuse = async (): Promise<never> => {
      throw new SecretStoreError('encryption-unavailable', 'safeStorage has only the basic_text backend here');
    };
    return { get: refuse, set: refuse, delete: refuse };
  };

  it('keeps the password for this session only, says so, and still provisions with it', async () => {
    const app = harness({ secretStore: refusing });
    const site = await app.ok('sites.openPractice', {});
    const upn = site.rooms[0]!.upn;
    const answer = await app.ok('passwords.set', { siteId: site.id, upn, password: 'Vb9!qLm3#tRx7wKp' });
    expect(answer.warnings).toEqual([SESSION_ONLY_WARNING]);
    expect((await app.ok('passwords.generate', { siteId: site.id, upns: [] })).generated).toBe(site.rooms.length - 1);
    const view = await app.ok('sites.update', { siteId: site.id, changes: {} });
    expect(view.rooms.every((room) => room.hasPassword)).toBe(true);
    const { runId } = await app.ok('provision.start', { siteId: site.id, upns: [upn] });
    const finished = await app.waitFor('provision.finished', (event) => event.runId === runId);
    expect(finished.rooms[0]!.status).toBe('passed');
    expect(app.traffic()).not.toContain('Vb9!qLm3#tRx7wKp');
  });
});
