// The architecture's arrows are lint rules; prove the rules bite by linting probe files placed in
// each layer (the probes exist only in memory).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('import walls', () => {
  it('shared/ may not import Node, electron, main/ or renderer/, nor use Node or DOM globals', async () => {
    const found = await violations(
      'shared/probe.ts',
      [
        "import fs from 'node:fs';",
        "import path from 'path';",
        "import { app } from 'electron';",
        "import { x } from '../main/cli.ts';",
        "import { y } from '../renderer/src/App.tsx';",
        'export const z = [fs, path, app, x, y, process.env, document.title, window.name];',
      ].join('\n'),
    );
    expect(found).toHaveLength(8);
    expect(found.join('\n')).toContain('Node built-ins are for main/ only');
    expect(found.join('\n')).toContain('shared/ is the bottom layer');
  });

  it('renderer/ may not import Node, electron or main/', async () => {
    const found = await violations(
      'renderer/src/probe.ts',
      ["import os from 'node:os';", "import { BrowserWindow } from 'electron';", "import { main } from '../../main/cli.ts';", 'export const a = [os, BrowserWindow, main];'].join(
        '\n',
      ),
    );
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toContain('window.roomready');
  });

  it('only main/index.ts, window.ts and preload.ts may import electron', async () => {
    expect(await violations('main/workspace/probe.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await violations('main/window.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(0);
  });

  it('shared/ importing shared/ and main/ importing shared/ are fine', async () => {
    expect(await violations('shared/probe.ts', "import { TOPOLOGIES } from './topology.ts';\nexport const a = TOPOLOGIES;")).toEqual([]);
    expect(await violations('main/probe.ts', "import { TOPOLOGIES } from '../shared/topology.ts';\nimport fs from 'node:fs';\nexport const a = [TOPOLOGIES, fs];")).toEqual([]);
  });
});
