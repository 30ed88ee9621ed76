// bench/prepare: `roomready prepare` for 1,000 and 10,000 rooms, in process, against the I/O floor:
// plain fs writes of exactly the same files, measured in the same run. Prints rooms per second,
// peak memory and the ratio to the floor (target: 1,000 rooms under 2 s and within 3x of the floor).
//   npm run bench            (or: npx tsx bench/prepare.bench.ts 1000 10000)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writePrepared } from '../main/prepare/write-prepared.ts';
import { importRoomsCsv } from '../main/workspace/csv-import.ts';
import { SiteSchema } from '../shared/model.ts';
import { contentText, prepareArtifacts } from '../shared/prepare.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const ROOM_COUNTS = sizes.length > 0 ? sizes : [1000, 10000];
const RUNS = 4;

function roomsCsv(count: number): Uint8Array {
  const lines = ['DisplayName,UserPrincipalName,UsageLocation,License,Capacity,Building,Floor,City,RoomList,TimeZone'];
  for (let i = 0; i < count; i++) {
    const building = `Building ${1 + (i % 40)}`;
    lines.push(`Room ${i} (${building}),mtr-room-${i}@contoso.com,US,Microsoft_Teams_Rooms_Pro,${4 + (i % 20)},${building},${i % 12},Redmond,${building} Rooms,Pacific Standard Time`);
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

const site = SiteSchema.parse({ name: 'Bench', topology: 'teams-online', tenantDomain: 'contoso.com' });
const generator = { name: 'roomready', version: 'bench' };

let peakRss = 0;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};

/** What `roomready prepare rooms.csv --out <dir>` does, minus argument parsing. */
function prepare(csv: Uint8Array, out: string, sample: boolean): void {
  const imported = importRoomsCsv(csv, site, 'bench.csv');
  let files = 0;
  writePrepared(out, { site: { ...site, rooms: imported.rooms }, generator, errors: imported.errors, warnings: imported.warnings }, imported.rowOfRoom, () => {
    if (sample && ++files % 100 === 0) sampleMemory();
  });
  if (sample) sampleMemory();
}

interface FileBytes {
  path: string;
  content: Uint8Array;
}

/** The exact bytes prepare writes, generated in memory; also times that CPU-only part. */
function preparedBytes(csv: Uint8Array): { files: FileBytes[]; cpuMs: number } {
  const start = performance.now();
  const imported = importRoomsCsv(csv, site, 'bench.csv');
  const { files } = prepareArtifacts({ site: { ...site, rooms: imported.rooms }, generator, errors: imported.errors, warnings: imported.warnings }, imported.rowOfRoom);
  const encoded = files.map((file) => ({ path: file.path, content: Buffer.from(contentText(file.content), 'utf8') }));
  return { files: encoded, cpuMs: performance.now() - start };
}

/** The floor: the same bytes, already encoded, written with plain fs calls (one mkdir per folder, one write per file). */
function plainWrites(files: readonly FileBytes[], out: string): void {
  fs.mkdirSync(out, { recursive: true });
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(out, file.path);
    const directory = path.dirname(target);
    if (!made.has(directory)) {
      fs.mkdirSync(directory, { recursive: true });
      made.add(directory);
    }
    fs.writeFileSync(target, file.content);
  }
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

// BENCH_DIR picks the file system (e.g. /dev/shm for tmpfs, to see the CPU part without disk noise).
const scratch = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'roomready-bench-'));
try {
  console.log(`bench/prepare: node ${process.version}, ${os.cpus().length} cores, ${RUNS} runs each, median shown, in ${path.dirname(scratch)}`);
  for (const count of ROOM_COUNTS) {
    const csv = roomsCsv(count);
    const prepareTimes: number[] = [];
    const floorTimes: number[] = [];
    const cpuTimes: number[] = [];
    peakRss = 0;
    let fileCount = 0;
    let bytes = 0;
    const timePrepare = (run: number) => {
      collectGarbage(); // so the floor's bytes from the run before do not weigh on this one
      const start = performance.now();
      // Peak memory from the first run only, which starts with nothing else in the heap.
      prepare(csv, path.join(scratch, `prepare-${count}-${run}`), run === 0);
      prepareTimes.push(performance.now() - start);
    };
    const timeFloor = (run: number) => {
      // The exact bytes prepare writes, made in memory (timed as "in memory only"), then written.
      const generated = preparedBytes(csv);
      cpuTimes.push(generated.cpuMs);
      fileCount = generated.files.length;
      bytes = generated.files.reduce((sum, file) => sum + file.content.byteLength, 0);
      const start = performance.now();
      plainWrites(generated.files, path.join(scratch, `floor-${count}-${run}`));
      floorTimes.push(performance.now() - start);
    };
    for (let run = 0; run < RUNS; run++) {
      // Alternate the order so neither always follows the other's disk work.
      if (run % 2 === 0) {
        timePrepare(run);
        timeFloor(run);
      } else {
        timeFloor(run);
        timePrepare(run);
      }
      // Keep at most one run's output around (10,000 rooms on tmpfs would otherwise fill memory).
      for (const entry of fs.readdirSync(scratch)) fs.rmSync(path.join(scratch, entry), { recursive: true, force: true });
    }
    const total = median(prepareTimes);
    const floor = median(floorTimes);
    console.log(
      [
        `${count} rooms: prepare ${total.toFixed(0)} ms (${Math.round((count / total) * 1000)} rooms/s)`,
        `floor ${floor.toFixed(0)} ms for ${fileCount} files, ${mib(bytes)}`,
        `ratio ${(total / floor).toFixed(2)}x`,
        `in memory only (CSV to encoded bytes, no I/O) ${median(cpuTimes).toFixed(0)} ms`,
        `peak RSS while preparing ${mib(peakRss)}`,
      ].join('; '),
    );
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
