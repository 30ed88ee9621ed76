// The second line of defence: text from elsewhere is scrubbed of tokens and secrets.
import { describe, expect, it } from 'vitest';
import { Redactor, redactSecrets } from '../../../main/auth/redact.ts';

const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJlLWJ5dGVz';

describe('redaction', () => {
  it.each([
    ['a JWT', `token ${JWT} refused`, JWT],
    ['a bearer header', 'Authorization: Bearer abc.def-ghi_123', 'abc.def-ghi_123'],
    ['a form body', 'grant_type=client_credentials&client_secret=s3cr3t-Value~x&scope=y', 's3cr3t-Value~x'],
    ['a refresh token in a form', 'grant_type=refresh_token&refresh_token=1.SIMRT-opaque&client_id=x', '1.SIMRT-opaque'],
    ['a JSON body', '{"access_token":"opaque-value","refresh_token":"other \\"quoted\\" value"}', 'opaque-value'],
    ['a private key', `key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n-----END PRIVATE KEY-----\n`, 'MIIEvQIBADANBgkq'],
    ['a long opaque string', `rt ${'A'.repeat(300)} end`, 'A'.repeat(200)],
  ])('strikes %s', (_kind, text, secret) => {
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toMatch(/\[redacted\]|\[token\]|\[private key\]/);
  });

  it('strikes secrets it was told about, wherever they appear, and keeps the rest of the sentence', () => {
    const redactor = new Redactor();
    redactor.remember('my-planted-secret');
    expect(redactor.redact('the secret my-planted-secret was refused at login.microsoftonline.com')).toBe('the secret [redacted] was refused at login.microsoftonline.com');
  });

  it('leaves identifiers and ordinary words alone', () => {
    const text = 'AADSTS7000215: Invalid client secret provided. Trace ID: 0f5a1c1e-8d56-4b9e-9a53-1b1d2f0a0c01 code: 42';
    expect(redactSecrets(text)).toBe(text);
  });

  it('ignores secrets too short to strike safely', () => {
    const redactor = new Redactor();
    redactor.remember('abc');
    expect(redactor.redact('abc def')).toBe('abc def');
  });
});
