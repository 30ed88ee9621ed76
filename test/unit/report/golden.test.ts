// The golden report of the sample site (fixed inputs, fixed time and machine), and the proof that
// it validates against its own schema: the zod schema and docs/report-schema.json through a JSON
// Schema validator (ajv, draft 2020-12, formats checked). UPDATE_GOLDEN=1 / UPDATE_REPORT_SCHEMA=1 rewrite.
import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fingerprintMatches, fingerprintReport } from '../../../main/reports/fingerprint.ts';
import { renderReportJson } from '../../../main/reports/json.ts';
import { buildReport } from '../../../shared/report/build.ts';
import { reportJsonSchemaText } from '../../../shared/report/json-schema.ts';
import { FingerprintedReportSchema } from '../../../shared/report/schema.ts';
import { sampleInput } from './sample-input.ts';

const GOLDEN = 'test/fixtures/report/sample-site.report.json';
const SCHEMA = 'docs/report-schema.json';

function validatorFor(schemaText: string) {
  // strictRequired off: a record over an enum (roomsByStatus) names its keys by propertyNames, not properties.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  // zod writes "format": "base64" for images; not a standard format, so a consumer defines it (docs/reports.md).
  ajv.addFormat('base64', (text: string) => text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text));
  return ajv.compile(JSON.parse(schemaText));
}

describe('golden report of the sample site', () => {
  const json = renderReportJson(fingerprintReport(buildReport(sampleInput())));

  it('is the committed golden file', () => {
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, json);
    expect(json).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('validates against the zod schema, with a fingerprint that matches its content', () => {
    const golden = FingerprintedReportSchema.parse(JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
    expect(fingerprintMatches(golden)).toBe(true);
    expect(fingerprintMatches({ ...golden, site: { ...golden.site, name: `${golden.site.name} ` } })).toBe(false);
  });

  it('validates against docs/report-schema.json itself, which rejects what the schema forbids', () => {
    const validate = validatorFor(fs.readFileSync(SCHEMA, 'utf8'));
    const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8'));
    expect(validate(golden), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(golden);
    broken.rooms[0].console.settings.push({ path: 'SkypeSettings/UserAccount/Password', value: 'x', extra: true });
    expect(validate(broken)).toBe(false);
    const badDate = structuredClone(golden);
    badDate.generatedAt = 'yesterday';
    expect(validate(badDate)).toBe(false);
    const badImage = structuredClone(golden);
    badImage.rooms[0].photos[0].data = 'not base64!';
    expect(validate(badImage)).toBe(false);
    const badState = structuredClone(golden);
    badState.rooms[0].status = 'fine';
    expect(validate(badState)).toBe(false);
  });

  it('docs/report-schema.json is generated from the zod schema', () => {
    const text = reportJsonSchemaText();
    if (process.env.UPDATE_REPORT_SCHEMA) fs.writeFileSync(SCHEMA, text);
    expect(fs.readFileSync(SCHEMA, 'utf8')).toBe(text);
  });
});
