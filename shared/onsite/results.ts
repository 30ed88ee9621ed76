// What the on-site toolkit finds, as data the window shows, the progress store keeps and the room's
// report carries: network readiness, the room's sign-in test, certificates, and the console
// configuration put on the console. Every finding is an OnSiteCheck (shared/report/schema.ts);
// its id says which tool made it: `network.*`, `sign-in.*`, `certificate.*`, `console-config.*`.
import { z } from 'zod';
import { OnSiteCheckSchema, type OnSiteCheck } from '../report/schema.ts';
import { CLOUD_IDS } from '../model.ts';

export { OnSiteCheckSchema, type OnSiteCheck };

/** The tools, by the prefix of their checks' ids. */
export const ONSITE_TOOLS = ['network', 'sign-in', 'certificate', 'console-config'] as const;
export type OnSiteTool = (typeof ONSITE_TOOLS)[number];

export function toolOfCheck(id: string): OnSiteTool | undefined {
  return ONSITE_TOOLS.find((tool) => id === tool || id.startsWith(`${tool}.`));
}

const count = z.number().int().nonnegative();
export const OnSiteCountsSchema = z.strictObject({ passed: count, failed: count, warning: count, unknown: count });

// ---------------------------------------------------------------------------------------------
// 1. Network readiness

export const PROXY_SOURCES = ['electron', 'environment', 'none'] as const;

export const NetworkReportSchema = z.strictObject({
  cloud: z.enum(CLOUD_IDS),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** The proxy in effect for https to the identity endpoint ("DIRECT" when none). */
  proxy: z.strictObject({ source: z.enum(PROXY_SOURCES), value: z.string() }),
  /** One per probe (DNS, TCP, TLS per endpoint; STUN; clock; proxy), in a stable order. */
  checks: z.array(OnSiteCheckSchema),
  counts: OnSiteCountsSchema,
});
export type NetworkReport = z.infer<typeof NetworkReportSchema>;

// ---------------------------------------------------------------------------------------------
// 2. Room sign-in test

export const SIGN_IN_OUTCOMES = [
  'signed-in',
  'wrong-password',
  'password-expired',
  'mfa-required',
  'blocked-by-conditional-access',
  'account-disabled',
  'account-locked',
  'account-not-found',
  'licence-missing',
  'network',
  'other',
] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

export const SignInTestResultSchema = z.strictObject({
  upn: z.string(),
  outcome: z.enum(SIGN_IN_OUTCOMES),
  /** e.g. "AADSTS50126", when Entra gave one. */
  aadsts: z.string().optional(),
  /** The outcome in plain words. */
  explanation: z.string(),
  /** What to do about it; empty when signed in with a licence. */
  remedy: z.string(),
  /** The Teams Rooms licences (skuPartNumber) the account holds, when the sign-in succeeded. */
  licences: z.array(z.string()).optional(),
  check: OnSiteCheckSchema,
});
export type SignInTestResult = z.infer<typeof SignInTestResultSchema>;

// ---------------------------------------------------------------------------------------------
// 3. Certificates

export const CERTIFICATE_FORMATS = ['pem', 'der', 'pfx'] as const;

export const CertificateInfoSchema = z.strictObject({
  /** Which file and where in it (a PEM or PFX may hold several). */
  fileName: z.string(),
  index: z.number().int().nonnegative(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  /** Negative once expired. */
  daysLeft: z.number().int(),
  keyType: z.string(),
  keyBits: z.number().int().nonnegative().optional(),
  curve: z.string().optional(),
  signatureAlgorithm: z.string(),
  keyUsage: z.array(z.string()),
  extendedKeyUsage: z.array(z.string()),
  subjectAltNames: z.array(z.string()),
  isCA: z.boolean(),
  selfSigned: z.boolean(),
  sha256: z.string(),
  /** The PFX held this certificate's private key. */
  hasPrivateKey: z.boolean(),
});
export type CertificateInfo = z.infer<typeof CertificateInfoSchema>;

export const CertificateChainSchema = z.strictObject({
  /** sha256 of each certificate, leaf first. */
  path: z.array(z.string()),
  /** Ends at a self-signed root (given, or in the machine's trusted roots). */
  complete: z.boolean(),
  /** The root is one Node/Chromium trusts publicly; false for a private CA. */
  publiclyTrusted: z.boolean(),
});

export const CertificateInspectionSchema = z.strictObject({
  files: z.array(z.strictObject({ fileName: z.string(), format: z.enum(CERTIFICATE_FORMATS), count })),
  certificates: z.array(CertificateInfoSchema),
  chains: z.array(CertificateChainSchema),
  /** Commands to run on the console (elevated), one per certificate to trust, exact. */
  installCommands: z.array(z.strictObject({ sha256: z.string(), store: z.enum(['Root', 'CA']), file: z.string(), command: z.string() })),
  /** Warnings as checks: expiry within 30 days, expired, missing chain, weak keys or signatures. */
  checks: z.array(OnSiteCheckSchema),
  counts: OnSiteCountsSchema,
});
export type CertificateInspection = z.infer<typeof CertificateInspectionSchema>;

// ---------------------------------------------------------------------------------------------
// 4. Applying the console configuration

export const ConsoleFileSchema = z.strictObject({ name: z.string(), bytes: count, sha256: z.string() });

export const ConsoleApplyResultSchema = z.strictObject({
  /** 'console': written into the Teams Rooms app's LocalState here; 'usb': exported with instructions. */
  mode: z.enum(['console', 'usb']),
  folder: z.string(),
  files: z.array(ConsoleFileSchema),
  /** The steps still to do by hand, in order (restart the app; or the USB stick's steps). */
  instructions: z.array(z.string()),
  check: OnSiteCheckSchema,
});
export type ConsoleApplyResult = z.infer<typeof ConsoleApplyResultSchema>;

export const ConsoleConsumedResultSchema = z.strictObject({
  consumed: z.boolean(),
  /** Files the app has not taken (still in LocalState). */
  remaining: z.array(z.string()),
  check: OnSiteCheckSchema,
});
export type ConsoleConsumedResult = z.infer<typeof ConsoleConsumedResultSchema>;

// ---------------------------------------------------------------------------------------------
// 5. Installer packages

/** An installer package's file name ends with this. */
export const PACKAGE_FILE_EXTENSION = '.roomready-package';

export const PackageSummarySchema = z.strictObject({
  path: z.string(),
  bytes: count,
  siteName: z.string(),
  rooms: count,
  includesPasswords: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type PackageSummary = z.infer<typeof PackageSummarySchema>;

/** Tallies checks by status. */
export function countChecks(checks: readonly { status: OnSiteCheck['status'] }[]): z.infer<typeof OnSiteCountsSchema> {
  const counts = { passed: 0, failed: 0, warning: 0, unknown: 0 };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}
