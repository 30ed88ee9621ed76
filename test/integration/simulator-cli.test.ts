// `roomready simulator`: started as a process, it prints its URL and identities, answers as the
// tenant, and stops cleanly on SIGTERM. Bad options are refused before anything starts.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../main/cli.ts';
import { COMMANDS } from '../../main/commands/index.ts';
import { simulatorTransport } from '../../main/tenant/transport.ts';

describe('roomready simulator', () => {
  it('starts, prints its URL and practice identities, answers, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/roomready.mjs', 'simulator', '--port', '0', '--sim-seed', '5', '--sim-latency-ms', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match && stdout.includes('Press Ctrl+C')) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    try {
      const identities = (await (await fetch(`${url}/_simulator/identities`)).json()) as { tenantId: string; confidentialClient: { clientId: string; secret: string }; practicePassword: string };
      expect(stdout).toContain(identities.tenantId);
      expect(stdout).toContain(identities.confidentialClient.clientId);
      expect(stdout).toContain('practice value');
      expect(stdout).not.toContain(identities.practicePassword);
      const transport = simulatorTransport(url);
      const token = await transport({
        method: 'POST',
        url: `https://login.microsoftonline.com/${identities.tenantId}/oauth2/v2.0/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: identities.confidentialClient.clientId, client_secret: identities.confidentialClient.secret, scope: 'https://graph.microsoft.com/.default' }).toString(),
      });
      expect(token.status).toBe(200);
      const domains = await transport({ method: 'GET', url: 'https://graph.microsoft.com/v1.0/domains', headers: { authorization: `Bearer ${JSON.parse(token.body).access_token}` } });
      expect(JSON.parse(domains.body).value.map((d: { id: string }) => d.id)).toContain('contoso.com');
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stderr).toContain('stopped (SIGTERM)');
  }, 30_000);

  it('refuses bad options with exit code 2 and documents itself', async () => {
    let err = '';
    const io: CliIo = { stdout: () => undefined, stderr: (t) => (err += t), env: {}, cwd: process.cwd() };
    expect(await runCli(['simulator', '--sim-throttle-rate', '1.5'], io)).toBe(2);
    expect(err).toContain('--sim-throttle-rate must be between 0 and 1');
    expect(await runCli(['simulator', '--port', 'eighty'], io)).toBe(2);
    expect(await runCli(['simulator', 'extra.csv'], io)).toBe(2);
    for (const option of ['port', 'sim-seed', 'sim-latency-ms', 'sim-throttle-rate', 'sim-fault-rate', 'sim-reset-rate', 'sim-replication-lag-ms']) {
      expect(COMMANDS.simulator.options).toHaveProperty(option);
      expect(COMMANDS.simulator.help).toContain(`--${option}`);
    }
  });
});
