// Electronegativity (Doyensec's static checker for Electron apps) on the shell as it ships: main and
// the preload built by electron.vite.config.ts, scanned together (its global checks, such as "is there
// a permission handler", look across files), offline, for the installed Electron version. Every
// finding of MEDIUM severity or above must be explained in electronegativity/review.ts.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShell, PROJECT_ROOT } from '../unit/shell/shell-build.ts';
import { describeFinding, judgeFindings, REVIEWED_FINDINGS, type Finding, type ReviewedFinding } from './electronegativity/review.ts';

const SCAN_SCRIPT = path.join(import.meta.dirname, 'electronegativity', 'scan.mjs');
/** Needs the network (GitHub's release list): never part of an offline test run. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const ELECTRON_VERSION = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;

interface ScanResult {
  parsedFiles: string[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  findings: Finding[];
}

const scratch: string[] = [];

async function scan(folder: string): Promise<ScanResult> {
  const outFile = path.join(folder, '..', `${path.basename(folder)}-findings.json`);
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [SCAN_SCRIPT, folder, ELECTRON_VERSION, outFile, EXCLUDED_CHECKS.join(',')], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`Electronegativity failed (exit ${code}):\n${Buffer.concat(output).toString('utf8')}`);
  return JSON.parse(await readFile(outFile, 'utf8')) as ScanResult;
}

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'roomready-electronegativity-'));
  scratch.push(dir);
  return dir;
}

let result: ScanResult;

beforeAll(async () => {
  const build = await buildShell();
  scratch.push(build.outDir);
  // The scanner reads .js/.ts/.html only: the preload is copied under a .js name, or it would be skipped.
  const root = path.join(await scratchDir(), 'shell');
  await mkdir(path.join(root, 'main'), { recursive: true });
  await mkdir(path.join(root, 'preload'), { recursive: true });
  await copyFile(build.mainFile, path.join(root, 'main', 'index.js'));
  await copyFile(build.preloadFile, path.join(root, 'preload', 'preload.js'));
  result = await scan(root);
}, 120_000);

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('Electronegativity on the built main and preload', () => {
  it('parsed both bundles, without errors', () => {
    expect(result.parsedFiles.sort()).toEqual(['main/index.js', 'preload/preload.js']);
    expect(result.errors).toEqual([]);
  });

  it('sees the hardening: no finding about webPreferences, navigation, permissions or the preload\'s Node access', () => {
    const hardeningChecks = [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
      'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'INSECURE_CONTENT_JS_CHECK',
      'EXPERIMENTAL_FEATURES_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'LIMIT_NAVIGATION_JS_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      'REMOTE_MODULE_JS_CHECK',
      'DANGEROUS_FUNCTIONS_JS_CHECK',
    ];
    const found = result.findings.filter((finding) => hardeningChecks.includes(finding.check));
    expect(found.map(describeFinding)).toEqual([]);
  });

  it('has no finding of MEDIUM severity or above that is not explained in electronegativity/review.ts', () => {
    const { unexplained } = judgeFindings(result.findings);
    expect(unexplained.map(describeFinding), 'explain each in review.ts (with the test that covers it) or fix the code').toEqual([]);
  });

  it('every reviewed entry still explains a finding, and gives a reason', () => {
    const { stale, unreasoned } = judgeFindings(result.findings);
    expect(stale, 'these entries match no finding any more: the code changed, review it and update review.ts').toEqual([]);
    expect(unreasoned).toEqual([]);
  });
});

describe('the review can fail', () => {
  const finding = (overrides: Partial<Finding>): Finding => ({
    check: 'OPEN_EXTERNAL_JS_CHECK',
    severity: 'MEDIUM',
    confidence: 'TENTATIVE',
    file: 'main/index.js',
    line: 10,
    column: 2,
    sample: 'shell.openExternal(url).catch((error) => {',
    manualReview: true,
    description: 'Review the use of openExternal',
    ...overrides,
  });
  const review: ReviewedFinding[] = [
    { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.js', sample: 'shell.openExternal(url).catch((error) => {', reason: 'guarded by isAllowedExternalUrl, tested in main-process.test.ts' },
  ];

  it('passes a reviewed finding wherever it moved in the bundle', () => {
    expect(judgeFindings([finding({ line: 9999, column: 7 })], review)).toEqual({ unexplained: [], stale: [], unreasoned: [] });
  });

  it('fails an unexplained finding: a new openExternal call, the same call in the preload, a HIGH finding', () => {
    const newCall = finding({ sample: 'shell.openExternal(userSuppliedUrl);' });
    const inPreload = finding({ file: 'preload/preload.js' });
    const high = finding({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', sample: 'const window = new BrowserWindow({' });
    const verdict = judgeFindings([finding({}), newCall, inPreload, high], review);
    expect(verdict.unexplained).toEqual([newCall, inPreload, high]);
  });

  it('ignores LOW and INFORMATIONAL findings', () => {
    const low = finding({ check: 'CSP_JS_CHECK', severity: 'INFORMATIONAL', sample: 'x' });
    expect(judgeFindings([finding({}), low, finding({ severity: 'LOW', sample: 'y' })], review).unexplained).toEqual([]);
  });

  it('reports an entry that explains nothing any more, and one without a reason', () => {
    const lazy: ReviewedFinding = { check: 'AUXCLICK_JS_CHECK', file: 'main/index.js', sample: 'new BrowserWindow({', reason: 'fine' };
    const verdict = judgeFindings([finding({})], [...review, lazy]);
    expect(verdict.stale).toEqual([lazy]);
    expect(verdict.unreasoned).toEqual([lazy]);
  });

  it('the scanner reports an insecure window, and the review does not explain it', async () => {
    const root = path.join(await scratchDir(), 'insecure');
    await mkdir(path.join(root, 'main'), { recursive: true });
    await writeFile(
      path.join(root, 'main', 'index.js'),
      [
        "import { app, BrowserWindow } from 'electron';",
        'app.whenReady().then(() => {',
        '  const window = new BrowserWindow({',
        '    webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false },',
        '  });',
        "  window.loadURL('https://example.com/');",
        '});',
        '',
      ].join('\n'),
    );
    const insecure = await scan(root);
    const checks = new Set(judgeFindings(insecure.findings, REVIEWED_FINDINGS).unexplained.map((item) => item.check));
    const expected = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'];
    for (const check of expected) {
      expect(checks, check).toContain(check);
    }
  }, 60_000);
});
