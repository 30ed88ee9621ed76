// Golden scripts: for each topology x create/convert, the files one sample room's folder gets,
// named and encoded as the writer writes them. UPDATE_GOLDEN=1 rewrites them; review the diff.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planRoom } from '../../../shared/plan.ts';
import { generateScript, scriptFileName, withUtf8Bom } from '../../../shared/powershell.ts';
import { COMBINATIONS, GENERATOR, SAMPLE_ROOM, sampleSite } from './support/fixtures.ts';
import { loadPowerShell, parse, syntaxErrors } from './support/powershell-syntax.ts';

const ROOT = fileURLToPath(new URL('../../fixtures/golden/powershell/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectedFiles(topology: (typeof COMBINATIONS)[number]['topology'], mode: (typeof COMBINATIONS)[number]['mode']): Map<string, string> {
  const site = sampleSite(topology, mode);
  const plan = planRoom(SAMPLE_ROOM, site);
  const files = new Map<string, string>();
  plan.phases.forEach((phase, index) => {
    if (phase.runtime === 'manual') return;
    files.set(scriptFileName(index, phase.runtime), withUtf8Bom(generateScript({ site, runtime: phase.runtime, plans: [plan], generator: GENERATOR })));
  });
  return files;
}

beforeAll(async () => {
  await loadPowerShell();
});

describe('golden scripts', () => {
  it.each(COMBINATIONS)('$topology-$mode matches test/fixtures/golden/powershell', ({ topology, mode }) => {
    const folder = join(ROOT, `${topology}-${mode}`);
    const files = expectedFiles(topology, mode);
    if (UPDATE) {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      for (const [name, text] of files) writeFileSync(join(folder, name), text, 'utf8');
    }
    expect(existsSync(folder), `${folder} is missing: run with UPDATE_GOLDEN=1 and review the files`).toBe(true);
    expect(readdirSync(folder).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) {
      const golden = readFileSync(join(folder, name), 'utf8');
      expect(golden.startsWith('\uFEFF#Requires -Version 5.1'), name).toBe(true);
      expect(golden, `${topology}-${mode}/${name} differs: run with UPDATE_GOLDEN=1 and review the diff`).toBe(text);
      expect(syntaxErrors(parse(golden.slice(1))), name).toEqual([]);
    }
  });

  it('has no folder for a combination that does not exist', () => {
    const folders = readdirSync(ROOT).sort();
    expect(folders).toEqual(COMBINATIONS.map(({ topology, mode }) => `${topology}-${mode}`).sort());
  });
});
