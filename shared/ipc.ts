// The IPC contract between the renderer and main, defined once: every channel's input and output
// schema, and every event's payload. Main validates each request against it (main/ipc.ts), the
// preload exposes one function per channel (shared/ipc-api.ts), and the renderer's types come from
// here. Nothing in it can carry a token: passwords travel renderer -> main once and come back as
// handles; tokens never leave main.
import { z } from 'zod';
import { CheckResultSchema, ValidationReportSchema } from './checks/schema.ts';
import { CLOUD_IDS, MEETING_MODES, PROVISION_MODES, RoomSchema, SiteSchema } from './model.ts';
import { STEP_IDS } from './plan/types.ts';
import { MIN_PASSPHRASE_LENGTH } from './passphrase.ts';
import { TOPOLOGY_IDS } from './topology.ts';
import { PHOTO_MEDIA_TYPES, REPORT_FORMATS, SIGN_OFF_PARTIES, SignatureSchema, SignOffSchema, MAX_PHOTO_BASE64 } from './report/schema.ts';
import { IPC_CHANNELS, IPC_EVENTS, type IpcChannel, type IpcEvent } from './ipc-channels.ts';
import { ITEM_STATES, ROOM_STAGES, StageViewSchema } from './room-view.ts';
import {
  CertificateInspectionSchema,
  ConsoleApplyResultSchema,
  ConsoleConsumedResultSchema,
  NetworkReportSchema,
  OnSiteCheckSchema,
  PackageSummarySchema,
  SignInTestResultSchema,
} from './onsite/results.ts';

export { IPC_CHANNELS, IPC_EVENTS, ipcWireName, type IpcChannel, type IpcEvent } from './ipc-channels.ts';
export * from './room-view.ts';

// ---------------------------------------------------------------------------------------------
// Results

export const IPC_ERROR_CODES = [
  /** The payload does not match the channel's input schema. */
  'invalid-input',
  /** The message did not come from the app's own window. */
  'forbidden-sender',
  'unknown-channel',
  /** A site, room, run or file that is not (or no longer) there. */
  'not-found',
  /** A file the user chose could not be read or is not what it should be (CSV, site file, XML). */
  'bad-file',
  /** A room or site that fails the model's rules; `issues` names each field. */
  'invalid-room',
  'not-signed-in',
  /** Another run is already working on this site. */
  'busy',
  'cancelled',
  /** Microsoft 365 (or the simulated tenant) refused or failed. */
  'tenant',
  /** The machine cannot keep a secret safely (safeStorage has only the basic_text backend). */
  'insecure-storage',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export const FieldIssueSchema = z.strictObject({ field: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export type IpcResult<T> = { ok: true; data: T } | { ok: false; code: IpcErrorCode; message: string; issues?: FieldIssue[] };

// ---------------------------------------------------------------------------------------------
// Building blocks

const siteId = z.string().min(1).max(512);
const upn = z.string().min(1).max(256);
const upns = z.array(upn).max(100_000);

export const RoomProgressSchema = z.strictObject({
  siteId,
  upn,
  displayName: z.string(),
  stages: z.array(StageViewSchema),
});
export type RoomProgress = z.infer<typeof RoomProgressSchema>;

export const RoomSummarySchema = z.strictObject({
  upn,
  displayName: z.string(),
  /** A state per stage, for the rooms table's chips. */
  stages: z.record(z.enum(ROOM_STAGES), z.enum(ITEM_STATES)),
  /** The model's own findings about this room (checkRoom), before any tenant is asked. */
  findings: z.array(z.strictObject({ severity: z.enum(['error', 'warning']), field: z.string(), message: z.string() })),
  hasPassword: z.boolean(),
});
export type RoomSummary = z.infer<typeof RoomSummarySchema>;

export const SiteViewSchema = z.strictObject({
  id: siteId,
  /** Where the site file is; null until first saved. */
  path: z.string().nullable(),
  /** The sample site on the simulated tenant. */
  practice: z.boolean(),
  /** Opened from an installer package: held in memory only; `includesPasswords` when the admin put them in. */
  package: z.strictObject({ path: z.string(), createdAt: z.string(), includesPasswords: z.boolean() }).optional(),
  /** Changes not yet saved. */
  dirty: z.boolean(),
  site: SiteSchema,
  rooms: z.array(RoomSummarySchema),
});
export type SiteView = z.infer<typeof SiteViewSchema>;

export const DeviceCodeSchema = z.strictObject({
  userCode: z.string(),
  verificationUri: z.string(),
  message: z.string(),
  expiresAt: z.string(),
});

export const TenantStatusSchema = z.strictObject({
  siteId,
  state: z.enum(['signed-out', 'signing-in', 'signed-in']),
  cloud: z.enum(CLOUD_IDS),
  practice: z.boolean(),
  account: z.strictObject({ username: z.string(), tenantId: z.string() }).optional(),
  /** While a device-code sign-in waits for the user. */
  deviceCode: DeviceCodeSchema.optional(),
  /** Why the last attempt failed, in words. */
  error: z.string().optional(),
});
export type TenantStatus = z.infer<typeof TenantStatusSchema>;

const StepStatusSchema = z.enum(['passed', 'changed', 'would-change', 'failed', 'pending', 'manual', 'skipped']);
const RoomStatusSchema = z.enum(['passed', 'warning', 'failed', 'pending', 'manual']);

export const StepOutcomeSchema = z.strictObject({
  room: z.string(),
  step: z.enum(STEP_IDS),
  status: StepStatusSchema,
  changes: z.array(z.strictObject({ property: z.string(), before: z.json().optional(), after: z.json().optional() })),
  message: z.string(),
  remediation: z.string().optional(),
  fromJournal: z.boolean().optional(),
});
export type StepOutcomeView = z.infer<typeof StepOutcomeSchema>;

export const RoomOutcomeSchema = z.strictObject({ upn: z.string(), status: RoomStatusSchema, steps: z.array(StepOutcomeSchema) });
export type RoomOutcomeView = z.infer<typeof RoomOutcomeSchema>;

export const PreflightViewSchema = z.strictObject({
  site: z.string(),
  topology: z.enum(TOPOLOGY_IDS),
  ok: z.boolean(),
  findings: z.array(
    z.strictObject({
      severity: z.enum(['error', 'warning', 'info']),
      check: z.string(),
      room: z.string().optional(),
      message: z.string(),
      remediation: z.string().optional(),
    }),
  ),
  licences: z.array(z.strictObject({ skuPartNumber: z.string(), needed: z.number(), free: z.number().nullable() })),
  changePlan: z.array(RoomOutcomeSchema),
  /** The same report as Markdown, for copying into a ticket. */
  markdown: z.string(),
});
export type PreflightView = z.infer<typeof PreflightViewSchema>;

export const ProvisionEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('room-started'), room: z.string() }),
  z.strictObject({ type: z.literal('step-started'), room: z.string(), step: z.enum(STEP_IDS), title: z.string() }),
  z.strictObject({ type: z.literal('step-finished'), outcome: StepOutcomeSchema }),
  z.strictObject({ type: z.literal('room-finished'), outcome: RoomOutcomeSchema }),
]);

const ExportResultSchema = z.strictObject({
  folder: z.string(),
  rooms: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  /** Rooms left out because the model rejects them, with why. */
  skipped: z.array(z.strictObject({ upn: z.string(), reason: z.string() })),
});

export const RoomRecordSchema = z.strictObject({
  siteId,
  upn,
  photos: z.array(
    z.strictObject({
      id: z.string(),
      itemId: z.string().optional(),
      caption: z.string(),
      mediaType: z.enum(PHOTO_MEDIA_TYPES),
      data: z.string(),
      sha256: z.string(),
      takenAt: z.string(),
    }),
  ),
  signOffs: z.array(SignOffSchema),
});
export type RoomRecord = z.infer<typeof RoomRecordSchema>;

/** The editable parts of a site (rooms have their own channels). */
export const SiteChangesSchema = z.strictObject({
  name: z.string().trim().min(1).max(256).optional(),
  topology: z.enum(TOPOLOGY_IDS).optional(),
  cloud: z.enum(CLOUD_IDS).optional(),
  tenantDomain: z.string().trim().max(256).optional(),
  defaults: z
    .strictObject({
      mode: z.enum(PROVISION_MODES).optional(),
      usageLocation: z.string().optional(),
      license: z.string().optional(),
      registrarPool: z.string().optional(),
      organizationalUnit: z.string().optional(),
      timeZone: z.string().optional(),
      roomList: z.string().optional(),
      conditionalAccessGroup: z.string().optional(),
      appVersion: z.string().optional(),
      /** '' clears the default. */
      meetingMode: z.enum(MEETING_MODES).or(z.literal('')).optional(),
    })
    .optional(),
});

const none = z.strictObject({});
/** Files the renderer hands over (CSV, SkypeSettings.xml) are read there and sent as text, at most 20 MB. */
const fileText = z.string().max(20 * 1024 * 1024);
const fileName = z.string().min(1).max(260);
const fileBase64 = z
  .string()
  .max(Math.ceil((20 * 1024 * 1024) / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const RowIssueViewSchema = z.strictObject({ row: z.number().int(), field: z.string().optional(), value: z.string().optional(), message: z.string() });

// ---------------------------------------------------------------------------------------------
// The contract

export const IPC_CONTRACT = {
  'app.info': {
    input: none,
    output: z.strictObject({
      appName: z.string(),
      version: z.string(),
      platform: z.string(),
      /** No tenant has been configured on this machine: the app opens in practice mode. */
      tenantConfigured: z.boolean(),
    }),
  },
  'sites.recent': {
    input: none,
    output: z.strictObject({
      sites: z.array(z.strictObject({ path: z.string(), name: z.string(), topology: z.enum(TOPOLOGY_IDS), openedAt: z.string() })),
    }),
  },
  'sites.create': {
    input: z.strictObject({ name: z.string().trim().min(1).max(256), topology: z.enum(TOPOLOGY_IDS), cloud: z.enum(CLOUD_IDS), tenantDomain: z.string().trim().max(256).optional() }),
    output: SiteViewSchema,
  },
  /** Opens a site file; without a path main asks the user (a native dialog). */
  'sites.open': { input: z.strictObject({ path: z.string().min(1).max(4096).optional() }), output: SiteViewSchema },
  /** The sample site on the simulated tenant, already signed in: the whole flow with nothing at stake. */
  'sites.openPractice': { input: none, output: SiteViewSchema },
  /** The open site as it is now (after a run, an import...), without changing it. */
  'sites.get': { input: z.strictObject({ siteId }), output: SiteViewSchema },
  'sites.update': { input: z.strictObject({ siteId, changes: SiteChangesSchema }), output: SiteViewSchema },
  /** Saves atomically; without a path (and none yet) main asks where. */
  'sites.save': { input: z.strictObject({ siteId, path: z.string().min(1).max(4096).optional() }), output: SiteViewSchema },
  'sites.close': { input: z.strictObject({ siteId }), output: z.strictObject({ closed: z.boolean() }) },

  /** Adds the file's valid rows (replacing rooms with the same UPN); the rest come back, row by row. */
  'rooms.importCsv': {
    // The file's bytes (base64), so main decodes them as the CLI does (UTF-8, UTF-16 with a BOM,
    // Windows-1252 from Excel); `text` for callers that already hold the decoded text.
    input: z
      .strictObject({ siteId, fileName, base64: fileBase64.optional(), text: fileText.optional() })
      .refine((input) => (input.base64 === undefined) !== (input.text === undefined), { message: 'give the file as base64 or as text, exactly one of them' }),
    output: z.strictObject({
      site: SiteViewSchema,
      added: z.number().int().nonnegative(),
      replaced: z.number().int().nonnegative(),
      rejected: z.array(RowIssueViewSchema),
      /** Rows imported with something to look at (a value adjusted or ignored). */
      warnings: z.array(RowIssueViewSchema),
      /** Headers RoomReady does not know, as written; their values were ignored. */
      unknownColumns: z.array(z.string()),
    }),
  },
  /** Adds a room, or replaces the room `replaceUpn`; a room the model rejects fails with `invalid-room` and `issues`. */
  'rooms.save': { input: z.strictObject({ siteId, room: RoomSchema, replaceUpn: upn.optional() }), output: SiteViewSchema },
  'rooms.remove': { input: z.strictObject({ siteId, upns }), output: SiteViewSchema },
  /** A room's stages as checklists: plan, last provisioning run, last validation, console steps, notes. */
  'rooms.progress': { input: z.strictObject({ siteId, upn }), output: RoomProgressSchema },
  'rooms.markManual': {
    input: z.strictObject({ siteId, upn, itemId: z.string().min(1).max(200), done: z.boolean(), note: z.string().max(4000).optional() }),
    output: RoomProgressSchema,
  },
  /** What the installer recorded for a room: photos and sign-offs (the report's own parts). */
  'rooms.record': {
    input: z.strictObject({ siteId, upn }),
    output: RoomRecordSchema,
  },
  /** A photo as evidence, for the room or one of its checklist items; kept in main, embedded in reports. */
  'rooms.attachPhoto': {
    input: z.strictObject({
      siteId,
      upn,
      itemId: z.string().min(1).max(200).optional(),
      caption: z.string().max(500),
      mediaType: z.enum(PHOTO_MEDIA_TYPES),
      base64: z.base64().max(MAX_PHOTO_BASE64),
    }),
    output: RoomRecordSchema,
  },
  'rooms.removePhoto': { input: z.strictObject({ siteId, upn, photoId: z.string().min(1).max(100) }), output: RoomRecordSchema },
  /** The installer's or the customer's sign-off for a room (replaces that party's earlier one). */
  'reports.signOff': {
    input: z.strictObject({
      siteId,
      upn,
      party: z.enum(SIGN_OFF_PARTIES),
      name: z.string().trim().min(1).max(200),
      role: z.string().trim().min(1).max(200),
      date: z.iso.date(),
      signature: SignatureSchema,
    }),
    output: RoomRecordSchema,
  },
  /** Writes the room's (with upn) or the site's report; without a path main asks where. */
  'reports.export': {
    input: z.strictObject({ siteId, upn: upn.optional(), format: z.enum(REPORT_FORMATS), path: z.string().min(1).max(4096).optional() }),
    output: z.strictObject({ path: z.string(), bytes: z.number().int().nonnegative(), fingerprint: z.string() }),
  },

  /** The password is sent once; main keeps it (encrypted at rest) and the renderer gets a handle back. */
  'passwords.set': {
    input: z.strictObject({ siteId, upn, password: z.string().min(1).max(256) }),
    output: z.strictObject({ handle: z.string(), warnings: z.array(z.string()) }),
  },
  /** Generates passwords for rooms that have none; the renderer never sees them. */
  'passwords.generate': { input: z.strictObject({ siteId, upns }), output: z.strictObject({ generated: z.number().int().nonnegative() }) },

  'tenant.status': { input: z.strictObject({ siteId }), output: TenantStatusSchema },
  /** Resolves when signed in (or failed); a device code arrives meanwhile as a `tenant.changed` event. */
  'tenant.signIn': { input: z.strictObject({ siteId, method: z.enum(['device-code', 'interactive']) }), output: TenantStatusSchema },
  'tenant.signOut': { input: z.strictObject({ siteId }), output: TenantStatusSchema },

  'preflight.run': { input: z.strictObject({ siteId, upns: upns.optional() }), output: PreflightViewSchema },
  /** Starts a run and answers at once; progress and the end arrive as events with the run's id. */
  'provision.start': { input: z.strictObject({ siteId, upns, dryRun: z.boolean().optional() }), output: z.strictObject({ runId: z.string() }) },
  'provision.cancel': { input: z.strictObject({ runId: z.string().min(1).max(100) }), output: z.strictObject({ cancelled: z.boolean() }) },
  'validate.run': { input: z.strictObject({ siteId, upns }), output: ValidationReportSchema },

  /** Per-room scripts, SkypeSettings.xml, checklist and run sheet; without a folder main asks. */
  'export.scripts': { input: z.strictObject({ siteId, upns: upns.optional(), folder: z.string().min(1).max(4096).optional() }), output: ExportResultSchema },
  /**
   * The installer's package: one file sealed with the passphrase (AES-256-GCM, key from scrypt)
   * holding the rooms, their console checklists and SkypeSettings.xml, and their passwords only when
   * `includePasswords`. Without a path main asks where.
   */
  'packages.export': {
    input: z.strictObject({
      siteId,
      upns: upns.optional(),
      includePasswords: z.boolean(),
      passphrase: z.string().min(MIN_PASSPHRASE_LENGTH).max(1024),
      path: z.string().min(1).max(4096).optional(),
    }),
    output: PackageSummarySchema,
  },
  /** Opens a package as a site (kept in memory, never written unencrypted); without a path main asks. */
  'packages.open': { input: z.strictObject({ passphrase: z.string().min(1).max(1024), path: z.string().min(1).max(4096).optional() }), output: SiteViewSchema },

  /** What the on-site tools have recorded for a room, newest per check. */
  'onsite.checks': { input: z.strictObject({ siteId, upn }), output: z.strictObject({ checks: z.array(OnSiteCheckSchema) }) },
  /** DNS, TCP, TLS, STUN, clock and proxy from this machine, for the site's cloud; attached to the room when given. */
  'onsite.network': { input: z.strictObject({ siteId, upn: upn.optional() }), output: NetworkReportSchema },
  /** Signs in as the room (password grant); the typed password, or the room's stored one, is never kept. */
  'onsite.signInTest': { input: z.strictObject({ siteId, upn, password: z.string().min(1).max(256).optional() }), output: SignInTestResultSchema },
  /** PEM, DER or PFX files; the PFX password is used once. Attached to the room when given. */
  'onsite.certificates': {
    input: z.strictObject({
      siteId,
      upn: upn.optional(),
      files: z.array(z.strictObject({ fileName, base64: fileBase64 })).min(1).max(20),
      pfxPassword: z.string().max(1024).optional(),
    }),
    output: CertificateInspectionSchema,
  },
  /**
   * Saves the CA certificates the last inspection of this site asked to trust, as the .cer files its
   * install commands name, into `folder` (without one main asks): copied to the console, they are installed there.
   */
  'onsite.saveCertificates': {
    input: z.strictObject({ siteId, folder: z.string().min(1).max(4096).optional() }),
    output: z.strictObject({ folder: z.string(), files: z.array(z.strictObject({ name: z.string(), store: z.enum(['Root', 'CA']), bytes: z.number().int().nonnegative() })) }),
  },
  /** Writes SkypeSettings.xml (and the theme images it names) into the console app's LocalState, or exports them for a USB stick to `folder`. */
  'onsite.applyConsole': {
    input: z.strictObject({
      siteId,
      upn,
      /** A SkypeSettings.xml made for this room (e.g. with a custom theme) instead of the prepared one; checked before use. */
      settingsXml: z.strictObject({ fileName, text: fileText }).optional(),
      /** The images its Theming elements name, exactly those. */
      images: z.array(z.strictObject({ fileName, base64: fileBase64 })).max(4).optional(),
      /** Export for a USB stick even on a console. */
      usb: z.boolean().optional(),
      folder: z.string().min(1).max(4096).optional(),
    }),
    output: ConsoleApplyResultSchema,
  },
  /** After the app restarted: did it take the files (they are gone from LocalState)? */
  'onsite.confirmConsole': { input: z.strictObject({ siteId, upn }), output: ConsoleConsumedResultSchema },
  /** Saves text the renderer made (a SkypeSettings.xml) where the user says; without a path main asks. */
  'files.save': {
    input: z.strictObject({ suggestedName: fileName, text: fileText, path: z.string().min(1).max(4096).optional() }),
    output: z.strictObject({ path: z.string().nullable() }),
  },
} as const satisfies Record<IpcChannel, { input: z.ZodType; output: z.ZodType }>;

export const IPC_EVENT_SCHEMAS = {
  'provision.progress': z.strictObject({ runId: z.string(), siteId, event: ProvisionEventSchema }),
  'provision.finished': z.strictObject({
    runId: z.string(),
    siteId,
    rooms: z.array(RoomOutcomeSchema),
    cancelled: z.boolean(),
    error: z.string().optional(),
  }),
  'tenant.changed': TenantStatusSchema,
  'site.changed': z.strictObject({ siteId }),
} as const satisfies Record<IpcEvent, z.ZodType>;

// The name lists of ipc-channels.ts and the schemas above must agree, both ways.
type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never;
const channelsAgree: SameKeys<keyof typeof IPC_CONTRACT, IpcChannel> = true;
const eventsAgree: SameKeys<keyof typeof IPC_EVENT_SCHEMAS, IpcEvent> = true;
void channelsAgree;
void eventsAgree;
void IPC_CHANNELS;
void IPC_EVENTS;

export type ChannelInput<C extends IpcChannel> = z.input<(typeof IPC_CONTRACT)[C]['input']>;
export type ChannelOutput<C extends IpcChannel> = z.output<(typeof IPC_CONTRACT)[C]['output']>;
export type EventPayload<E extends IpcEvent> = z.output<(typeof IPC_EVENT_SCHEMAS)[E]>;

/** What main implements: one function per channel. */
export type IpcHandlers = { [C in IpcChannel]: (input: z.output<(typeof IPC_CONTRACT)[C]['input']>) => Promise<ChannelOutput<C>> };

// ---------------------------------------------------------------------------------------------
// window.roomready: `roomready.sites.open({ path })`, `roomready.on('provision.progress', fn)`.

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string> = C extends `${string}.${infer M}` ? M : never;

export type RoomReadyApi = {
  readonly [N in Namespace<IpcChannel>]: {
    readonly [C in Extract<IpcChannel, `${N}.${string}`> as Method<C>]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
  };
} & {
  /** Static facts, known before the page's first script runs. */
  readonly appName: string;
  readonly version: string;
  readonly platform: string;
  /** Subscribes to an event; call the returned function to stop. */
  on<E extends IpcEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

// Re-exported for the renderer, which shows check results as they are.
export { CheckResultSchema, ValidationReportSchema };
