// The append-only journal of a site's provisioning runs (JSON Lines). Every step outcome is
// appended as it happens and flushed to disk (fdatasync, grouped so concurrent rooms share one
// flush). A run killed at any moment resumes from it: steps it records as done are not repeated;
// anything else is done again, which is safe because every step reads before it writes.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { StepOutcome, StepStatus } from './types.ts';

export const JOURNAL_VERSION = 1;

const RecordSchema = z.discriminatedUnion('type', [
  z.object({ v: z.literal(JOURNAL_VERSION), type: z.literal('run-started'), run: z.string(), at: z.string(), site: z.string() }),
  z.object({ v: z.literal(JOURNAL_VERSION), type: z.literal('run-finished'), run: z.string(), at: z.string() }),
  z.object({
    v: z.literal(JOURNAL_VERSION),
    type: z.literal('step'),
    run: z.string(),
    at: z.string(),
    room: z.string(),
    step: z.string(),
    status: z.string(),
    message: z.string(),
    changes: z.array(z.object({ property: z.string(), before: z.unknown(), after: z.unknown() })),
  }),
]);
type JournalRecord = z.infer<typeof RecordSchema>;

/** Steps that reached the plan's state; a resumed run does not do them again. */
const FINISHED: ReadonlySet<StepStatus> = new Set(['passed', 'changed']);

const stepKey = (room: string, step: string) => `${room.toLowerCase()}\u0000${step}`;

function parsesAsRecord(line: string): boolean {
  try {
    return RecordSchema.safeParse(JSON.parse(line)).success;
  } catch {
    return false;
  }
}

export class JournalError extends Error {
  override name = 'JournalError';
}

export interface RunInfo {
  id: string;
  /** True when this run continues one that was interrupted. */
  resumed: boolean;
}

export class Journal {
  private readonly finished = new Map<string, StepOutcome>();
  private run: RunInfo | undefined;
  private handle: number | undefined;
  private flushing: Promise<void> | undefined;
  private dirty = false;

  private constructor(
    readonly path: string,
    private readonly records: JournalRecord[],
    /**
     * How to end the file before the first append when its last line has no newline: cut a torn
     * line off (a number: the bytes to keep), or end a complete one ('newline'). Appending after it
     * as it is would glue the next record onto it: that record would be lost, and the line, no
     * longer the last, would make the journal unreadable.
     */
    private tail?: number | 'newline',
  ) {}

  /** Reads the journal at `path` (a missing file is an empty journal; a torn last line is ignored). */
  static open(path: string): Journal {
    let text = '';
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new JournalError(`cannot read the journal ${path}: ${(error as Error).message}`);
    }
    const records: JournalRecord[] = [];
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        // Only the last line can be torn (a crash mid-append); anything else is damage.
        if (index >= lines.length - 2) return;
        throw new JournalError(`the journal ${path} is damaged at line ${index + 1}; move it aside to start afresh`);
      }
      const record = RecordSchema.safeParse(parsed);
      if (!record.success) throw new JournalError(`the journal ${path} has an entry RoomReady does not understand at line ${index + 1}`);
      records.push(record.data);
    });
    let tail: number | 'newline' | undefined;
    if (text !== '' && !text.endsWith('\n')) {
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      const last = text.slice(complete.length);
      tail = parsesAsRecord(last) ? 'newline' : Buffer.byteLength(complete, 'utf8');
    }
    return new Journal(path, records, tail);
  }

  /** Continues the last run if it did not finish, otherwise starts a new one. */
  startRun(siteName: string): RunInfo {
    const started = this.records.filter((record) => record.type === 'run-started');
    const last = started.at(-1);
    const lastFinished = last && this.records.some((record) => record.type === 'run-finished' && record.run === last.run);
    if (last && !lastFinished) {
      this.run = { id: last.run, resumed: true };
      for (const record of this.records) {
        if (record.type !== 'step' || record.run !== last.run) continue;
        const key = stepKey(record.room, record.step);
        if (FINISHED.has(record.status as StepStatus)) {
          this.finished.set(key, {
            room: record.room,
            step: record.step as StepOutcome['step'],
            status: record.status as StepStatus,
            changes: record.changes,
            message: record.message,
            fromJournal: true,
          });
        } else {
          this.finished.delete(key);
        }
      }
    } else {
      this.run = { id: randomUUID(), resumed: false };
      this.append({ v: JOURNAL_VERSION, type: 'run-started', run: this.run.id, at: new Date().toISOString(), site: siteName });
    }
    return this.run;
  }

  /** The outcome of a step this run already finished before it was interrupted. */
  finishedOutcome(room: string, step: string): StepOutcome | undefined {
    return this.finished.get(stepKey(room, step));
  }

  record(outcome: StepOutcome): void {
    if (!this.run) throw new JournalError('startRun() first');
    this.append({
      v: JOURNAL_VERSION,
      type: 'step',
      run: this.run.id,
      at: new Date().toISOString(),
      room: outcome.room,
      step: outcome.step,
      status: outcome.status,
      message: outcome.message,
      changes: outcome.changes,
    });
  }

  async finishRun(): Promise<void> {
    if (!this.run) return;
    this.append({ v: JOURNAL_VERSION, type: 'run-finished', run: this.run.id, at: new Date().toISOString() });
    await this.flush();
  }

  /** Everything appended so far is on disk. */
  async flush(): Promise<void> {
    while (this.dirty || this.flushing) {
      if (this.flushing) await this.flushing;
      else this.scheduleFlush();
    }
  }

  close(): void {
    if (this.handle !== undefined) {
      fs.fdatasyncSync(this.handle);
      fs.closeSync(this.handle);
      this.handle = undefined;
    }
  }

  private append(record: JournalRecord): void {
    this.records.push(record);
    if (this.handle === undefined) {
      if (typeof this.tail === 'number') fs.truncateSync(this.path, this.tail);
      this.handle = fs.openSync(this.path, 'a', 0o600);
      if (this.tail === 'newline') fs.writeSync(this.handle, '\n');
      this.tail = undefined;
    }
    fs.writeSync(this.handle, `${JSON.stringify(record)}\n`);
    this.dirty = true;
    if (!this.flushing) this.scheduleFlush();
  }

  /** One fdatasync for everything appended since the last one (rooms running side by side share it). */
  private scheduleFlush(): void {
    this.flushing = new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        this.dirty = false;
        if (this.handle === undefined) {
          this.flushing = undefined;
          resolve();
          return;
        }
        fs.fdatasync(this.handle, (error) => {
          this.flushing = undefined;
          if (error) reject(new JournalError(`cannot write the journal ${this.path}: ${error.message}`));
          else resolve();
        });
      });
    });
    this.flushing.catch(() => {});
  }
}
