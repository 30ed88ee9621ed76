#!/usr/bin/env node
// `npm start`: find the Electron runtime, build the app, launch it.
//
// The electron npm package holds no binary: the first require('electron') downloads it from GitHub.
// Where that cannot work (offline CI, locked-down networks) this script says so in plain words and
// points at what works without Electron, instead of printing a stack trace. The runtime is resolved
// before the build: no point building an app that cannot be launched, and the failure comes at once.
//
// Options (environment):
//   ROOMREADY_SKIP_BUILD=1              launch what is already in out/ (also: --skip-build)
//   ROOMREADY_ELECTRON_TIMEOUT_MS=n     how long to wait for the runtime download (default 120000)
//   ROOMREADY_START_VERBOSE=1           show the download's own output
// Arguments after `--` go to Electron: npm start -- --no-sandbox
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const EXIT_NO_ELECTRON = 3;
const EXIT_BUILD_FAILED = 4;
const DEFAULT_TIMEOUT_MS = 120_000;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromProject = createRequire(path.join(projectRoot, 'package.json'));

function parseOptions(argv, env) {
  const args = argv.filter((arg) => arg !== '--skip-build');
  const timeout = Number(env.ROOMREADY_ELECTRON_TIMEOUT_MS);
  return {
    skipBuild: argv.includes('--skip-build') || env.ROOMREADY_SKIP_BUILD === '1',
    verbose: env.ROOMREADY_START_VERBOSE === '1',
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    electronArgs: args,
  };
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(requireFromProject.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    return null; // the package itself is missing: npm install has not run
  }
}

function electronBinaryIsInstalled() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true; // nothing to download
  try {
    const packageDir = path.dirname(requireFromProject.resolve('electron/package.json'));
    const relativeBinary = readFileSync(path.join(packageDir, 'path.txt'), 'utf8');
    return existsSync(path.join(packageDir, 'dist', relativeBinary));
  } catch {
    return false;
  }
}

/** The first line that reads like an error message, without its class name: "fetch failed". */
function firstErrorMessage(output) {
  const line = output.split(/\r?\n/).find((text) => /^\s*(\w*Error|error):\s*\S/.test(text));
  return line?.replace(/^\s*(\w*Error|error):\s*/, '').trim() ?? null;
}

/** ELECTRON_RUN_AS_NODE (set by some terminals, VS Code's among them) would start Node instead of the app. */
function withoutRunAsNode(env) {
  const copy = { ...env };
  delete copy.ELECTRON_RUN_AS_NODE;
  return copy;
}

function killTree(child) {
  try {
    // On POSIX the child leads its own process group, so the downloader it spawned goes too.
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(child.pid), '/T', '/F']);
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Asks the electron package for its binary in a child process (that is where the download
 * happens), with a time limit. The path comes back on file descriptor 3 so that the download's
 * chatter on stdout/stderr can be kept or shown without being mistaken for it.
 */
function resolveElectronBinary({ timeoutMs, verbose }) {
  const script =
    "const p = require('electron'); require('node:fs').writeSync(3, typeof p === 'string' ? p : '');";
  return new Promise((resolve) => {
    const output = [];
    const child = spawn(process.execPath, ['-e', script], {
      cwd: projectRoot,
      stdio: ['ignore', verbose ? 'inherit' : 'pipe', verbose ? 'inherit' : 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      env: withoutRunAsNode(process.env),
    });
    let binaryPath = '';
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.stdio[3].on('data', (chunk) => {
      binaryPath += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      killTree(child);
      resolve({ ok: false, reason: 'timeout' });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: 'failed', detail: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const detail = firstErrorMessage(Buffer.concat(output).toString('utf8'));
      if (code !== 0 || binaryPath === '') resolve({ ok: false, reason: 'failed', detail });
      else if (!existsSync(binaryPath)) resolve({ ok: false, reason: 'missing', detail: binaryPath });
      else resolve({ ok: true, binaryPath });
    });
  });
}

/** Where @electron/get downloads from: GitHub unless a mirror is configured. */
function downloadSource() {
  return process.env.ELECTRON_MIRROR ? `the mirror ${process.env.ELECTRON_MIRROR}` : 'GitHub';
}

function explainMissingElectron(result, { version, timeoutMs }) {
  const source = downloadSource();
  const what = {
    timeout: `the download of the Electron runtime from ${source} did not finish within ${timeoutMs / 1000} s.`,
    missing: `Electron points at ${result.detail}, but there is no executable there.`,
    failed: `the Electron runtime is not on this machine and could not be downloaded from ${source}${result.detail ? ` (${result.detail})` : ''}.`,
  }[result.reason];
  return [
    '',
    `RoomReady's desktop app cannot start: ${what}`,
    '',
    'To provide the runtime, do one of these and run `npm start` again:',
    '  - allow this machine to reach GitHub (github.com and its release downloads);',
    '  - set ELECTRON_MIRROR to a mirror of Electron releases, then run `npx install-electron`;',
    `  - set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron ${version}.`,
    '',
    'Everything else works without Electron:',
    '  npx roomready --help                            the command line',
    '  npx roomready prepare <rooms.csv> --out <dir>   scripts, console settings and checklists per room',
    '  npm test                                        the test suite',
    '',
  ].join('\n');
}

function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function warnAboutRootSandbox(electronArgs) {
  const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
  if (isRoot && !electronArgs.includes('--no-sandbox')) {
    console.error(
      'Note: Electron refuses to run as root without --no-sandbox, which turns off the OS sandbox.\n' +
        'Run as a normal user, or for a throwaway session: npm start -- --no-sandbox',
    );
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2), process.env);
  const version = electronVersion();
  if (version === null) {
    console.error('The electron package is not installed. Run `npm install` first.');
    return EXIT_NO_ELECTRON;
  }

  if (!electronBinaryIsInstalled()) {
    console.log(`Getting the Electron ${version} runtime (downloaded once, from ${downloadSource()})...`);
  }
  const electron = await resolveElectronBinary(options);
  if (!electron.ok) {
    console.error(explainMissingElectron(electron, { version, timeoutMs: options.timeoutMs }));
    return EXIT_NO_ELECTRON;
  }

  if (!options.skipBuild) {
    // electron-vite's "exports" hide its bin/, so find it from the package folder.
    const electronViteDir = path.dirname(requireFromProject.resolve('electron-vite/package.json'));
    const electronVite = path.join(electronViteDir, 'bin', 'electron-vite.js');
    const code = await run(process.execPath, [electronVite, 'build']);
    if (code !== 0) {
      console.error('The build failed; see the messages above.');
      return EXIT_BUILD_FAILED;
    }
  }

  warnAboutRootSandbox(options.electronArgs);
  return run(electron.binaryPath, ['.', ...options.electronArgs], { env: withoutRunAsNode(process.env) });
}

process.exitCode = await main();
