// The README is the user's front door: keep what it lists in step with the code.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../main/commands/index.ts';
import { CSV_COLUMNS } from '../../../shared/csv-columns.ts';
import { TOPOLOGY_IDS } from '../../../shared/model.ts';

const readme = fs.readFileSync('README.md', 'utf8');
const packageJson = JSON.parse(fs.readFileSync('package.json', 'utf8'));

describe('README', () => {
  it('names every CSV column', () => {
    for (const column of CSV_COLUMNS) expect(readme, column.header).toContain(column.header);
  });
  it('names every command and topology', () => {
    for (const command of Object.keys(COMMANDS)) expect(readme, command).toContain(`roomready ${command}`);
    for (const topology of TOPOLOGY_IDS) expect(readme, topology).toContain(`\`${topology}\``);
  });
  it('gives the two commands that package.json really has', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
    expect(packageJson.scripts.start).toBeTruthy();
    expect(packageJson.scripts.test).toContain('vitest');
    expect(packageJson.bin.roomready).toBe('bin/roomready.mjs');
  });
  it('documents every prepare option', () => {
    for (const option of Object.keys(COMMANDS.prepare.options)) expect(readme, option).toContain(`--${option}`);
  });
});
