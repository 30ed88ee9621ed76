// What the app remembers about a site's rooms between runs: the last provisioning outcome and the
// last validation results per room, and the manual marks ({ done, note, doneAt }) an admin or an
// installer set, and what the installer recorded for the report: photos (each checked to be the PNG
// or JPEG it claims, main/app/photo-check.ts) and one sign-off per party. One file per site,
// dataDir/progress/<site key>.json, written atomically after each change, so marks, photos and
// sign-offs survive a restart. The steps running now are kept in memory only.
import path from 'node:path';
import { z } from 'zod';
import { CheckResultSchema, RoomOutcomeSchema, type RoomOutcomeView } from '../../shared/ipc.ts';
import type { StepId } from '../../shared/plan.ts';
import type { CheckResult } from '../../shared/checks.ts';
import { OnSiteCheckSchema, PhotoSchema, SIGN_OFF_PARTIES, SignOffSchema, type OnSiteCheck, type Photo, type SignOff } from '../../shared/report/schema.ts';
import { readJsonFile, writeJsonFile, WriteQueue } from './json-file.ts';

const ManualMarkSchema = z.object({ done: z.boolean(), note: z.string().optional(), doneAt: z.string() });
export type StoredManualMark = z.infer<typeof ManualMarkSchema>;

const ValidationSchema = z.object({ generatedAt: z.string(), results: z.array(CheckResultSchema) });
export type StoredValidation = { generatedAt: string; results: CheckResult[] };

const ProgressFileSchema = z.object({
  format: z.literal('roomready-progress'),
  version: z.literal(1),
  provision: z.record(z.string(), RoomOutcomeSchema),
  validation: z.record(z.string(), ValidationSchema),
  manual: z.record(z.string(), z.record(z.string(), ManualMarkSchema)),
  // Absent in files written before reports existed.
  /** When each room's last provisioning outcome was recorded. */
  provisionedAt: z.record(z.string(), z.string()).default({}),
  photos: z.record(z.string(), z.array(PhotoSchema)).default({}),
  signOffs: z.record(z.string(), z.array(SignOffSchema)).default({}),
  // Absent in files written before the on-site toolkit existed.
  /** What the on-site tools found at the console: the newest result per check id. */
  onSite: z.record(z.string(), z.array(OnSiteCheckSchema)).default({}),
});
type ProgressFile = Omit<z.infer<typeof ProgressFileSchema>, 'validation'> & { validation: Record<string, StoredValidation> };

const key = (upn: string) => upn.toLowerCase();
const SIGN_OFF_ORDER: readonly string[] = SIGN_OFF_PARTIES;

export class SiteProgress {
  private data: ProgressFile = { format: 'roomready-progress', version: 1, provision: {}, validation: {}, manual: {}, provisionedAt: {}, photos: {}, signOffs: {}, onSite: {} };
  private readonly running = new Map<string, Set<StepId>>();
  private readonly writes: WriteQueue;

  private constructor(
    private file: string,
    private readonly log: (message: string) => void,
  ) {
    this.writes = new WriteQueue(log);
  }

  static fileFor(dataDir: string, siteKey: string): string {
    return path.join(dataDir, 'progress', `${siteKey}.json`);
  }

  static async load(dataDir: string, siteKey: string, log: (message: string) => void): Promise<SiteProgress> {
    const progress = new SiteProgress(SiteProgress.fileFor(dataDir, siteKey), log);
    const stored = await readJsonFile(progress.file, ProgressFileSchema, log);
    // The schema checked every result; CheckResult's JSON evidence is read-only where the schema's is not.
    if (stored) progress.data = stored as unknown as ProgressFile;
    return progress;
  }

  provision(upn: string): RoomOutcomeView | undefined {
    return this.data.provision[key(upn)];
  }

  provisionedAt(upn: string): string | undefined {
    return this.data.provisionedAt[key(upn)];
  }

  validation(upn: string): StoredValidation | undefined {
    return this.data.validation[key(upn)];
  }

  manual(upn: string): Readonly<Record<string, StoredManualMark>> {
    return this.data.manual[key(upn)] ?? {};
  }

  photos(upn: string): readonly Photo[] {
    return this.data.photos[key(upn)] ?? [];
  }

  /** The sign-offs, at most one per party, installer first. */
  signOffs(upn: string): readonly SignOff[] {
    return this.data.signOffs[key(upn)] ?? [];
  }

  onSiteChecks(upn: string): readonly OnSiteCheck[] {
    return this.data.onSite[key(upn)] ?? [];
  }

  /**
   * Records a tool's findings. A tool's run replaces everything it found before (a network run
   * drops the last run's probes, even for endpoints no longer checked): `replaces` names the id
   * prefixes it owns; checks of other tools stay. Kept in id order so reports are stable.
   */
  recordOnSite(upn: string, checks: readonly OnSiteCheck[], replaces: readonly string[] = []): Promise<void> {
    const replaced = new Set(checks.map((check) => check.id));
    const owned = (id: string) => replaced.has(id) || replaces.some((prefix) => id === prefix || id.startsWith(`${prefix}.`));
    const kept = this.onSiteChecks(upn).filter((check) => !owned(check.id));
    this.data.onSite[key(upn)] = [...kept, ...checks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.save();
  }

  runningSteps(upn: string): StepId[] {
    return [...(this.running.get(key(upn)) ?? [])];
  }

  stepStarted(upn: string, step: StepId): void {
    const steps = this.running.get(key(upn)) ?? new Set<StepId>();
    steps.add(step);
    this.running.set(key(upn), steps);
  }

  stepFinished(upn: string, step: StepId): void {
    this.running.get(key(upn))?.delete(step);
  }

  clearRunning(): void {
    this.running.clear();
  }

  setProvision(outcome: RoomOutcomeView, at: Date = new Date()): Promise<void> {
    this.data.provision[key(outcome.upn)] = outcome;
    this.data.provisionedAt[key(outcome.upn)] = at.toISOString();
    return this.save();
  }

  setValidation(upn: string, validation: StoredValidation): Promise<void> {
    this.data.validation[key(upn)] = validation;
    return this.save();
  }

  setManual(upn: string, itemId: string, mark: StoredManualMark): Promise<void> {
    this.data.manual[key(upn)] = { ...this.data.manual[key(upn)], [itemId]: mark };
    return this.save();
  }

  addPhoto(upn: string, photo: Photo): Promise<void> {
    this.data.photos[key(upn)] = [...this.photos(upn), photo];
    return this.save();
  }

  /** False when the room has no photo with that id. */
  async removePhoto(upn: string, photoId: string): Promise<boolean> {
    const photos = this.photos(upn);
    const kept = photos.filter((photo) => photo.id !== photoId);
    if (kept.length === photos.length) return false;
    this.data.photos[key(upn)] = kept;
    await this.save();
    return true;
  }

  /** Replaces the party's earlier sign-off, if any. */
  setSignOff(upn: string, signOff: SignOff): Promise<void> {
    const others = this.signOffs(upn).filter((existing) => existing.party !== signOff.party);
    this.data.signOffs[key(upn)] = [...others, signOff].sort((a, b) => SIGN_OFF_ORDER.indexOf(a.party) - SIGN_OFF_ORDER.indexOf(b.party));
    return this.save();
  }

  /** Forgets what the tenant said (a new practice tenant knows nothing of the last one); keeps the marks. */
  forgetTenantResults(): Promise<void> {
    this.data.provision = {};
    this.data.provisionedAt = {};
    this.data.validation = {};
    return this.save();
  }

  forgetRooms(upns: readonly string[]): Promise<void> {
    for (const upn of upns) {
      delete this.data.provision[key(upn)];
      delete this.data.provisionedAt[key(upn)];
      delete this.data.validation[key(upn)];
      delete this.data.manual[key(upn)];
      delete this.data.photos[key(upn)];
      delete this.data.signOffs[key(upn)];
      delete this.data.onSite[key(upn)];
    }
    return this.save();
  }

  /** The site was saved under a new name: keep its progress under the new key. */
  moveTo(dataDir: string, siteKey: string): Promise<void> {
    this.file = SiteProgress.fileFor(dataDir, siteKey);
    return this.save();
  }

  flush(): Promise<void> {
    return this.writes.idle();
  }

  private save(): Promise<void> {
    const file = this.file;
    const snapshot = structuredClone(this.data);
    return this.writes.push(() => writeJsonFile(file, snapshot));
  }
}
