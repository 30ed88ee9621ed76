// Runs Electronegativity on one folder and writes its findings as JSON to a file:
//   node scan.mjs <folder> <electron version> <out.json> [excluded check,...]
// It drives the package's own runner (what its CLI calls) rather than the CLI, because the CLI's
// CSV writer races its header against the rows (the header overwrites the first finding) and its
// SARIF drops the severity. Offline for certain: 'got', the only HTTP client it uses (translations
// from S3, AvailableSecurityFixesGlobalCheck from GitHub), is replaced by one that fails at once.
// It also records which files were actually parsed: a file the tool skips reports no findings.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [input, electronVersion, outFile, excluded = ''] = process.argv.slice(2);
if (!input || !electronVersion || !outFile) {
  console.error('usage: node scan.mjs <folder> <electron version> <out.json> [excluded checks]');
  process.exit(2);
}

const requireHere = createRequire(import.meta.url);
const packageDir = path.dirname(requireHere.resolve('@doyensec/electronegativity/package.json'));
const requireFromPackage = createRequire(path.join(packageDir, 'package.json'));

const gotPath = requireFromPackage.resolve('got');
const offline = () => Promise.reject(new Error('offline: RoomReady runs Electronegativity without network'));
requireFromPackage.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline }) };

const { Parser } = requireFromPackage('./dist/parser');
const parsedFiles = [];
const parse = Parser.prototype.parse;
Parser.prototype.parse = function recordingParse(filename, content) {
  const result = parse.call(this, filename, content);
  if (result[1] !== null) parsedFiles.push(path.relative(input, filename).split(path.sep).join('/'));
  return result;
};

const run = requireFromPackage('./dist/runner.js');
const result = await run({
  input: path.resolve(input),
  excludeFromScan: excluded.split(',').filter(Boolean),
  electronVersionOverride: electronVersion,
  isRelative: true,
  parserPlugins: [],
});

const findings = result.issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: issue.file === 'N/A' ? 'N/A' : issue.file.split(path.sep).join('/'),
  line: issue.location.line,
  column: issue.location.column,
  sample: issue.sample ?? null,
  manualReview: Boolean(issue.manualReview),
  description: issue.description,
}));
writeFileSync(outFile, JSON.stringify({ parsedFiles, errors: result.errors, findings }, null, 2));
