// The setup report as data: one zod schema, versioned, from which the JSON Schema in
// docs/report-schema.json is generated and against which every report is checked before it is
// written in any format (HTML, PDF, JSON, CSV). A report is the record of an installation: what
// ran, what it found (coverage first: unknown is never passed), the evidence, the console
// configuration that was prepared (never its password), the installer's marks, notes and photos,
// and the sign-offs. The fingerprint is SHA-256 over the canonical JSON of everything else.
import { z } from 'zod';
import { CLOUD_IDS } from '../model.ts';
import { ITEM_STATES, StageViewSchema } from '../room-view.ts';
import { TOPOLOGY_IDS } from '../topology.ts';

export const REPORT_FORMAT = 'roomready-report';
export const REPORT_VERSION = 1;

export const REPORT_FORMATS = ['html', 'pdf', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const isoTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const count = z.number().int().nonnegative();

export const SIGN_OFF_PARTIES = ['installer', 'customer'] as const;
export type SignOffParty = (typeof SIGN_OFF_PARTIES)[number];

/** A typed name, or a signature drawn on the screen (a PNG). */
export const SignatureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('typed'), text: z.string().trim().min(1).max(200) }),
  z.strictObject({ kind: z.literal('drawn'), mediaType: z.literal('image/png'), data: z.base64().max(700_000) }),
]);
export type Signature = z.infer<typeof SignatureSchema>;

export const SignOffSchema = z.strictObject({
  party: z.enum(SIGN_OFF_PARTIES),
  name: z.string().trim().min(1).max(200),
  /** The person's role, e.g. "AV installer, Contoso Integration". */
  role: z.string().trim().min(1).max(200),
  date: isoDate,
  signature: SignatureSchema,
  /** When it was recorded. */
  signedAt: isoTime,
});
export type SignOff = z.infer<typeof SignOffSchema>;

export const PHOTO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
/** 8 MB of image, as base64. */
export const MAX_PHOTO_BASE64 = Math.ceil((8 * 1024 * 1024) / 3) * 4;

export const PhotoSchema = z.strictObject({
  id: z.string().min(1).max(100),
  /** The checklist item it documents, when it documents one. */
  itemId: z.string().max(200).optional(),
  caption: z.string().max(500),
  mediaType: z.enum(PHOTO_MEDIA_TYPES),
  data: z.base64().max(MAX_PHOTO_BASE64),
  /** SHA-256 of the image bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  takenAt: isoTime,
});
export type Photo = z.infer<typeof PhotoSchema>;

/** A check run at the console (network, sign-in, certificates); issue 6's toolkit fills these. */
export const OnSiteCheckSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(['passed', 'failed', 'warning', 'unknown']),
  detail: z.string(),
  /** What to do, or whom to ask (e.g. the network team), when it did not pass. */
  remedy: z.string().optional(),
  evidence: z.json().optional(),
  at: isoTime,
});
export type OnSiteCheck = z.infer<typeof OnSiteCheckSchema>;

const CountsSchema = z.strictObject({ passed: count, failed: count, warning: count, unknown: count });

export const RoomReportSchema = z.strictObject({
  upn: z.string(),
  displayName: z.string(),
  /** The worst state of the room's stages. */
  status: z.enum(ITEM_STATES),
  details: z.record(z.string(), z.string()),
  /** The nine stages as checklists: account steps, validation checks, console checklist, report. */
  stages: z.array(StageViewSchema),
  /** Where the results come from, and when; absent sources are listed, never hidden. */
  sources: z.strictObject({
    provisioning: z.strictObject({ at: isoTime.optional(), present: z.boolean() }),
    validation: z.strictObject({ at: isoTime.optional(), present: z.boolean() }),
  }),
  console: z.strictObject({
    appVersion: z.string(),
    era: z.string(),
    /** The prepared SkypeSettings.xml values by element path; the password is never among them. */
    settings: z.array(z.strictObject({ path: z.string(), value: z.string() })),
  }),
  photos: z.array(PhotoSchema),
  onSiteChecks: z.array(OnSiteCheckSchema),
  signOffs: z.array(SignOffSchema),
});
export type RoomReport = z.infer<typeof RoomReportSchema>;

export const ReportSchema = z.strictObject({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  kind: z.enum(['room', 'site']),
  generatedAt: isoTime,
  generator: z.strictObject({ app: z.string(), version: z.string(), machine: z.string(), platform: z.string(), user: z.string().optional() }),
  site: z.strictObject({
    name: z.string(),
    topology: z.enum(TOPOLOGY_IDS),
    topologyLabel: z.string(),
    cloud: z.enum(CLOUD_IDS),
    cloudLabel: z.string(),
    tenant: z.strictObject({ domain: z.string().optional(), id: z.string().optional(), account: z.string().optional() }),
  }),
  /** First: what ran and what could not be read, before any detail. */
  coverage: z.strictObject({
    rooms: count,
    roomsByStatus: z.record(z.enum(ITEM_STATES), count),
    checks: CountsSchema,
    /** Rooms whose validation never ran: their checks are not counted above, and they are not passed. */
    roomsNotValidated: count,
    roomsNotProvisioned: count,
    checklist: z.strictObject({ done: count, total: count }),
    signedOff: z.strictObject({ installer: count, customer: count }),
  }),
  rooms: z.array(RoomReportSchema),
});
export type Report = z.infer<typeof ReportSchema>;

/** The fingerprinted report: the report plus SHA-256 over its canonical JSON (shared/report/canonical.ts). */
export const FingerprintedReportSchema = ReportSchema.extend({
  fingerprint: z.strictObject({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type FingerprintedReport = z.infer<typeof FingerprintedReportSchema>;
